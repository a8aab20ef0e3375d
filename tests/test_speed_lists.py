"""The practice lists skip Python-Markdown's HTML parser (generator/build/speed/lists.py) and
every page comes out the same as when the parser reads them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import markdown
import pytest
import yaml

from generator.build.driver import GenerateOptions, generate_docs
from generator.build.speed.lists import OPENING, UnparsedLists

from .conftest import REPO

LISTS = "generator.build.speed.lists"


def extensions() -> tuple[list[object], dict[str, object]]:
    """mkdocs.yml's Markdown extensions and their options, as MkDocs passes them."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    names: list[object] = []
    options: dict[str, object] = {}
    for entry in config["markdown_extensions"]:
        name, value = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if value:
            options[name] = value
    return names, options


def synth(out: Path) -> Path:
    command = [sys.executable, "-m", "generator", "synth", "--centers", "6", "--practices", "80"]
    subprocess.run([*command, "--out", str(out)], check=True, capture_output=True)
    return out


@pytest.mark.parametrize("corpus", ["project", "synth"])
def test_every_page_is_the_same_with_the_lists_unparsed(corpus: str, tmp_path: Path) -> None:
    root = REPO if corpus == "project" else synth(tmp_path / "repo")
    docs = tmp_path / "docs"
    generate_docs(root, docs, GenerateOptions(drafts=True))  # the preview's, with drafts
    names, options = extensions()
    assert LISTS in names
    without = [name for name in names if name != LISTS]
    pages = sorted(docs.rglob("*.md"))
    lists = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        lists += text.count(OPENING)
        fast = markdown.markdown(text, extensions=names, extension_configs=options)
        parsed = markdown.markdown(text, extensions=without, extension_configs=options)
        assert fast == parsed, page.relative_to(docs)
    assert lists > 10  # the comparison covered many lists


def test_the_catalogue_list_reaches_the_html_parser_as_a_placeholder(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    generate_docs(synth(tmp_path / "repo"), docs, GenerateOptions())
    lines = (docs / "practicas" / "index.md").read_text(encoding="utf-8").split("\n")
    assert sum(1 for line in lines if line.startswith("<li")) > 50  # the published ones
    md = markdown.Markdown(extensions=extensions()[0])
    left = UnparsedLists(md).run(lines)
    assert OPENING in left
    assert not [line for line in left if line.startswith("<li")]
    assert len(md.htmlStash.rawHtmlBlocks) == 1


def test_what_is_not_a_generated_list_is_left_to_the_parser() -> None:
    md = markdown.Markdown()
    unclosed = [OPENING, "<ul>", "<li>a</li>", "</ul>", "texto"]
    nested = [OPENING, "<ul>", "<li>", "<ul>", "<li>b</li>", "</ul>", "</li>", "</ul>", "</div>"]
    for lines in (unclosed, nested, [OPENING, "<ol>", "</ol>", "</div>"], [OPENING]):
        assert UnparsedLists(md).run(lines) == lines
    assert not md.htmlStash.rawHtmlBlocks
