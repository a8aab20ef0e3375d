"""GitHub's own renderer is the oracle: every body of the corpus renders on the site with the
structure that cmark-gfm (PyPI `cmarkgfm`, the library behind GitHub's Markdown) gives it.

The corpus (tests/dialect/, sources and licenses in SOURCES.toml) has three kinds of bodies:
Spanish snippets written the way center staff write (snippets/), every example of the GFM
spec (spec/gfm-spec.txt, read here), and real documents of some length (documents/). Each
body's HTML is compared by structure (tests/htmlshape.py). The only differences allowed are
the entries of ALLOWED, and only for the bodies each entry names; an entry that no longer
excuses anything fails, so the table stays true.

Nothing in the build uses cmark-gfm: it is imported here, in the tests, only.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import cmarkgfm
import pytest
from bs4 import BeautifulSoup, NavigableString, Tag
from cmarkgfm.cmark import Options
from markdown_it import MarkdownIt

from generator.content.markdown import ALERT_TITLES, parse_body
from generator.content.rawhtml import check_raw_html
from generator.site.htmlrender import render_html

from .htmlshape import difference, shape

CORPUS = Path(__file__).parent / "dialect"
SPEC = CORPUS / "spec" / "gfm-spec.txt"


def github(body: str) -> str:
    """GitHub's rendering: cmark-gfm with GitHub's extensions (table, strikethrough,
    autolink, tagfilter, tasklist); raw HTML is passed on, as GitHub does before sanitizing."""
    return str(cmarkgfm.github_flavored_markdown_to_html(body, options=Options.CMARK_OPT_UNSAFE))


# The corpus ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Body:
    id: str  # snippets/<file>, spec/<section>-<example number>, documents/<file>
    kind: str  # "snippet", "spec" or "document"
    text: str


def _read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as file:  # line endings as written
        return file.read()


_FENCE = "`" * 32


def spec_examples(spec: str) -> list[tuple[str, int, str]]:
    """(section, number, Markdown) of every example of the spec, in order. An example is its
    Markdown, a line `.`, the HTML expected (not used: cmark-gfm is the oracle), between
    fences; `→` stands for a tab."""
    examples: list[tuple[str, int, str]] = []
    section, markdown, inside, past_markdown = "", [], False, False
    for line in spec.splitlines(keepends=True):
        if not inside:
            if line.startswith(_FENCE + " example"):
                inside, past_markdown, markdown = True, False, []
            elif heading := re.match(r"#{1,2} (.+)", line):
                section = heading.group(1).strip()
        elif line.rstrip("\n") == _FENCE:
            examples.append((section, len(examples) + 1, "".join(markdown).replace("→", "\t")))
            inside = False
        elif line == ".\n":
            past_markdown = True
        elif not past_markdown:
            markdown.append(line)
    return examples


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def load_corpus() -> list[Body]:
    bodies = [
        Body(f"snippets/{path.name}", "snippet", _read(path))
        for path in sorted((CORPUS / "snippets").glob("*.md"))
    ]
    bodies += [
        Body(f"spec/{_slug(section)}-{number}", "spec", markdown)
        for section, number, markdown in spec_examples(_read(SPEC))
    ]
    bodies += [
        Body(f"documents/{path.name}", "document", _read(path))
        for path in sorted((CORPUS / "documents").glob("*.md"))
    ]
    return bodies


BODIES = load_corpus()


# The allowed differences ---------------------------------------------------------------

Adjust = Callable[[str, str, str], tuple[str, str]]  # (body, GitHub's, the site's) -> both


@dataclass(frozen=True)
class Allowed:
    reason: str
    bodies: tuple[str, ...]  # the bodies it excuses (every body, for heading ids)
    adjust: Adjust | None = None  # makes both sides alike where the difference is


_TAGFILTER = re.compile(
    r"&lt;(?=/?(?:title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext)[\s/>])",
    re.IGNORECASE,
)


def _refused_tags(body: str, theirs: str, ours: str) -> tuple[str, str]:
    problems = check_raw_html(parse_body(body), body, 1, "practices/x.md")
    assert any(p.code == "html-no-permitido" for p in problems), "`check` would accept it"
    return _TAGFILTER.sub("<", theirs), ours


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


_ALERT_MARK = re.compile(r"\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)", re.I)


def _alerts(body: str, theirs: str, ours: str) -> tuple[str, str]:
    """GitHub's side as GitHub's site shows it (a top-level quote whose first line is only
    `[!KIND]` is that kind of alert); the site's side without its Spanish title."""
    github_soup, site_soup = _soup(theirs), _soup(ours)
    for quote in github_soup.find_all("blockquote", recursive=False):
        first = quote.find(True)
        text = first.contents[0] if first is not None and first.contents else None
        mark = _ALERT_MARK.match(str(text)) if isinstance(text, NavigableString) else None
        if first is None or first.name != "p" or mark is None or text is None:
            continue
        rest, following = str(text)[mark.end() :], text.next_sibling
        text.replace_with(rest)
        if not rest and isinstance(following, Tag) and following.name == "br":
            following.decompose()  # `[!NOTE]` and two spaces: a hard break
        if not first.get_text().strip() and first.find(True) is None:
            first.decompose()
        quote.name = "div"
        quote["class"] = f"markdown-alert markdown-alert-{mark.group(1).lower()}"
    for title in site_soup.select("div.markdown-alert > p.markdown-alert-title"):
        kind = re.search(r"markdown-alert-(\w+)", " ".join(title.parent["class"]))
        assert kind and title.get_text() == ALERT_TITLES[kind.group(1).upper()]
        title.decompose()
    return str(github_soup), str(site_soup)


def _fold_strong(html: str) -> str:
    soup = _soup(html)
    for strong in soup.find_all("strong"):
        if strong.find_parent("strong") is not None:
            strong.unwrap()
    return str(soup)


def _nested_strong(body: str, theirs: str, ours: str) -> tuple[str, str]:
    return _fold_strong(theirs), _fold_strong(ours)


_TASK_MARK = re.compile(r"\[([ xX])\][ \t]")


def _quoted_tasks(body: str, theirs: str, ours: str) -> tuple[str, str]:
    """GitHub's side with the checkboxes of task items inside quotes, as GitHub's site
    shows them."""
    soup = _soup(theirs)
    for item in soup.select("blockquote li"):
        first = item.find(True)
        holder = first if first is not None and first.name == "p" else item
        text = holder.contents[0] if holder.contents else None
        mark = _TASK_MARK.match(str(text)) if isinstance(text, NavigableString) else None
        if mark is None or text is None:
            continue
        text.replace_with(str(text)[mark.end() :])
        box = soup.new_tag("input", attrs={"type": "checkbox", "disabled": ""})
        if mark.group(1) != " ":
            box["checked"] = ""
        (holder if holder is item else item).insert(0, box)
    return str(soup), ours


ALLOWED: dict[str, Allowed] = {
    "heading-ids": Allowed(
        "The site gives every heading an id (the page's anchors, the ones `check` verifies); "
        "GitHub's site gives its own (`user-content-…`) and cmark-gfm gives none. Ids are "
        "not structure: the comparison leaves them out for every body, and "
        "test_heading_ids_are_the_sites_own keeps this entry true.",
        (),
    ),
    "refused-raw-html": Allowed(
        "Raw HTML that the site's policy refuses: GitHub's tagfilter escapes <script>, "
        "<style>, <title>, <xmp>, <iframe>…, while the site's sanitizer removes them and "
        "`check` reports them (html-no-permitido), so none reaches a page.",
        (
            "snippets/raw-html-refused-iframe-and-style.md",
            "snippets/raw-html-refused-script.md",
            "spec/html-blocks-140",
            "spec/html-blocks-141",
            "spec/html-blocks-142",
            "spec/html-blocks-145",
            "spec/html-blocks-147",
            "spec/disallowed-raw-html-extension-653",
        ),
        _refused_tags,
    ),
    "alerts": Allowed(
        "GitHub's alerts (`> [!NOTE]` on the first line of a top-level quote): GitHub's site "
        "shows them as alerts, cmark-gfm (the library) as quotes. The site shows them as "
        "GitHub's site does, with the title in Spanish.",
        (
            "snippets/alert-note.md",
            "snippets/alert-warning-with-list.md",
            "snippets/long-practice-example.md",
        ),
        _alerts,
    ),
    "nested-strong": Allowed(
        "cmark-gfm folds a strong emphasis inside another (`****x****`, `__a __b__ c__`) into "
        "one <strong>; the site keeps both, which reads the same.",
        (
            "snippets/nested-strong.md",
            "spec/emphasis-and-strong-emphasis-398",
            "spec/emphasis-and-strong-emphasis-426",
            "spec/emphasis-and-strong-emphasis-434",
            "spec/emphasis-and-strong-emphasis-435",
            "spec/emphasis-and-strong-emphasis-436",
            "spec/emphasis-and-strong-emphasis-473",
            "spec/emphasis-and-strong-emphasis-474",
            "spec/emphasis-and-strong-emphasis-475",
            "spec/emphasis-and-strong-emphasis-477",
        ),
        _nested_strong,
    ),
    "task-lists-in-quotes": Allowed(
        "A task item inside a quote (`> - [x] hecho`): GitHub's site shows its checkbox (its "
        "task list filter reads quoted items, github/task_list#36), cmark-gfm's tasklist "
        "extension does not (it looks for the marker at the start of the raw line, which "
        "starts with `>`). The site shows the checkbox, as GitHub's site does.",
        ("snippets/task-list-inside-quote.md",),
        _quoted_tasks,
    ),
}
# The fixed sections of a practice (## Contexto, ## Qué hicimos…) are the author's own
# headings: the body renders them as written (snippets/practice-sections.md), so they need
# no entry.


def excuses(body_id: str) -> list[str]:
    return [name for name, allowed in ALLOWED.items() if body_id in allowed.bodies]


def adjusted(body: Body, names: list[str]) -> tuple[str, str]:
    theirs, ours = github(body.text), render_html(body.text)
    for name in names:
        adjust = ALLOWED[name].adjust
        assert adjust is not None
        theirs, ours = adjust(body.text, theirs, ours)
    return theirs, ours


# The comparison ------------------------------------------------------------------------


def judged(body: Body, names: list[str]) -> list[str]:
    """What is wrong with `body`, excused by the entries `names`: a difference of structure
    left, or an excuse it no longer needs."""
    problems = []
    if found := difference(*adjusted(body, names)):
        problems.append(f"{body.id} renders unlike GitHub:\n{found}")
    for name in names:
        if not difference(*adjusted(body, [other for other in names if other != name])):
            problems.append(f"{body.id} no longer differs as ALLOWED[{name!r}] says")
    return problems


@pytest.mark.parametrize("body", BODIES, ids=[body.id for body in BODIES])
def test_renders_as_github(body: Body) -> None:
    if problems := judged(body, excuses(body.id)):
        pytest.fail("\n".join(problems), pytrace=False)


def test_the_table_of_allowed_differences_stays_true() -> None:
    """A difference no entry excuses fails, and so does an excuse that is not needed."""
    plain, alert = Body("a", "snippet", "Pasos:\n- uno\n"), Body("b", "snippet", "> [!NOTE]\n> x\n")
    assert judged(plain, []) == [] and judged(alert, ["alerts"]) == []
    assert "renders unlike GitHub" in judged(alert, [])[0]
    assert "no longer differs" in judged(plain, ["alerts"])[0]


def test_every_excused_body_is_in_the_corpus() -> None:
    ids = {body.id for body in BODIES}
    for name, allowed in ALLOWED.items():
        assert allowed.reason
        assert (allowed.adjust is None) == (allowed.bodies == ()), name
        assert set(allowed.bodies) <= ids, set(allowed.bodies) - ids


def test_heading_ids_are_the_sites_own() -> None:
    """The one difference left out of every comparison is true: the site gives each heading
    an id, GitHub's renderer gives none; and ids alone make no difference of structure."""
    with_headings = [(body, parse_body(body.text).headings) for body in BODIES]
    with_headings = [(body, headings) for body, headings in with_headings if headings]
    assert len(with_headings) > 50
    for body, headings in with_headings:
        ours = render_html(body.text)
        assert all(f'<h{h.level} id="{h.id}">' in ours for h in headings), body.id
        bare = re.findall(r"<h[1-6]>", github(body.text))
        assert len(bare) >= len(headings), body.id
    assert shape('<h2 id="contexto">Contexto</h2>') == shape("<h2>Contexto</h2>")


# The corpus itself -------------------------------------------------------------------------

# Every family the site must speak as GitHub does, with its number of examples in the spec.
SPEC_FAMILIES = {
    "Lists": 26,
    "List items": 48,
    "Links": 87,
    "Autolinks": 19,
    "Autolinks (extension)": 11,
    "Emphasis and strong emphasis": 131,
    "Code spans": 22,
    "Fenced code blocks": 29,
    "Block quotes": 25,
    "Tables (extension)": 8,
    "Task list items (extension)": 2,
    "Strikethrough (extension)": 2,
}


def test_the_corpus_has_every_kind() -> None:
    kinds = Counter(body.kind for body in BODIES)
    assert kinds["snippet"] >= 80
    assert kinds["document"] >= 3
    spec = _read(SPEC)
    examples = spec_examples(spec)
    assert kinds["spec"] == len(examples) == spec.count(_FENCE + " example") == 673
    sections = Counter(section for section, _, _ in examples)
    assert {family: sections[family] for family in SPEC_FAMILIES} == SPEC_FAMILIES
    documents = [body for body in BODIES if body.kind == "document"]
    assert all(body.text.count("\n") >= 500 for body in documents)


def test_every_file_from_elsewhere_says_where_from() -> None:
    listed = tomllib.loads((CORPUS / "SOURCES.toml").read_text(encoding="utf-8"))["file"]
    paths = {entry["path"] for entry in listed}
    present = {
        str(path.relative_to(CORPUS))
        for folder in ("spec", "documents")
        for path in (CORPUS / folder).iterdir()
    }
    assert paths == present
    for entry in listed:
        assert entry["source"].startswith("https://github.com/"), entry
        assert entry["license"] in {"CC0-1.0", "Unlicense", "CC-BY-SA-4.0"}, entry
        assert entry["what"] and entry["author"], entry


# The comparison can fail -------------------------------------------------------------------

# (what it shows, Markdown, a rendering of it wrong in that one way)
WRONG = [
    ("nesting", "- uno\n  - dos\n", "<ul><li>uno</li><li>dos</li></ul>"),
    ("list or text", "Pasos:\n- uno\n", "<p>Pasos:\n- uno</p>"),
    ("list kind", "1. uno\n", "<ul><li>uno</li></ul>"),
    ("list start", "3. uno\n", "<ol><li>uno</li></ol>"),
    ("tight or loose", "- a\n\n- b\n", "<ul><li>a</li><li>b</li></ul>"),
    ("quote", "> cita\n", "<p>cita</p>"),
    (
        "link target",
        "[Sercotec](https://www.sercotec.cl)",
        '<p><a href="https://x.cl">Sercotec</a></p>',
    ),
    ("link title", '[a](b "t")', '<p><a href="b">a</a></p>'),
    ("bare address", "www.codesser.cl\n", "<p>www.codesser.cl</p>"),
    (
        "e-mail",
        "contacto@centro.cl\n",
        '<p><a href="contacto@centro.cl">contacto@centro.cl</a></p>',
    ),
    ("strikethrough", "~~no~~\n", "<p>~~no~~</p>"),
    ("checkbox", "- [x] hecho\n", '<ul><li><input type="checkbox" disabled> hecho</li></ul>'),
    ("hard break", "a\\\nb\n", "<p>a\nb</p>"),
    ("emphasis", "*a*\n", "<p><strong>a</strong></p>"),
    ("space", "a *b*\n", "<p>a<em>b</em></p>"),
    ("code text", "`a  b`\n", "<p><code>a b</code></p>"),
    ("code block", "```\nx\n  y\n```\n", "<pre><code>x\ny\n</code></pre>"),
    ("code language", "```yaml\nx\n```\n", "<pre><code>x\n</code></pre>"),
    (
        "table alignment",
        "| a |\n|:-:|\n| 1 |\n",
        "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>",
    ),
    (
        "table cells",
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "<table><thead><tr><th>a</th>"
        "<th>b</th></tr></thead><tbody><tr><td>1 2</td></tr></tbody></table>",
    ),
    ("heading level", "## Contexto\n", "<h3>Contexto</h3>"),
    ("heading text", "## `check`\n", "<h2>check</h2>"),
    ("image", "![Mapa](mapa.png)\n", '<p><img src="mapa.png" alt=""></p>'),
    ("alert", "> [!NOTE]\n> x\n", '<div class="markdown-alert markdown-alert-tip"><p>x</p></div>'),
]


@pytest.mark.parametrize(("what", "markdown", "wrong"), WRONG, ids=[w[0] for w in WRONG])
def test_the_comparison_sees_a_wrong_rendering(what: str, markdown: str, wrong: str) -> None:
    body = Body("wrong", "snippet", markdown)
    theirs, ours = adjusted(body, ["alerts"] if what == "alert" else [])
    assert not difference(theirs, ours)
    assert difference(theirs, wrong)


# (what is not structure, one HTML, the same structure written otherwise)
SAME = [
    ("whitespace", "<ul>\n<li>a</li>\n</ul>\n<p>b\nc</p>", "<ul><li>a</li></ul><p>b c</p>"),
    ("classes and ids", '<h2 id="x" class="y">T</h2>', "<h2>T</h2>"),
    ("attribute order", '<a title="t" href="h">a</a>', '<a href="h" title="t">a</a>'),
    ("spelling", '<p>"a"<br />b &amp; &#241;</p>', "<p>&quot;a&quot;<br>b &amp; ñ</p>"),
    ("percent-encoding", '<a href="gu%C3%ADa%20uso.pdf">a</a>', '<a href="guía uso.pdf">a</a>'),
    ("alignment", '<td align="left">1</td>', '<td style="text-align:left">1</td>'),
    (
        "code language",
        '<pre lang="yaml"><code>x</code></pre>',
        '<pre><code class="language-yaml">x</code></pre>',
    ),
    (
        "checkbox",
        '<input type="checkbox" checked="" disabled="" />',
        '<input class="c" disabled type="checkbox" checked>',
    ),
]


@pytest.mark.parametrize(("what", "one", "other"), SAME, ids=[s[0] for s in SAME])
def test_the_comparison_ignores_what_is_not_structure(what: str, one: str, other: str) -> None:
    assert not difference(one, other)


def test_a_renderer_without_githubs_extensions_fails() -> None:
    """CommonMark alone (no tables, strikethrough, task lists or autolinks) is caught."""
    plain = MarkdownIt("commonmark")
    caught = {
        body.id
        for body in BODIES
        if body.kind == "snippet" and difference(github(body.text), plain.render(body.text))
    }
    expected = {
        "snippets/table-with-alignment.md",
        "snippets/strikethrough-double-tilde.md",
        "snippets/task-list.md",
        "snippets/bare-https-address.md",
        "snippets/bare-www-address.md",
        "snippets/bare-email-address.md",
    }
    assert expected <= caught
