"""Random bytes, random YAML and random Markdown never make `check` or `build` fail with a
traceback, never take longer than the bound, and never write outside the site folder."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.pipeline import check

from .command import run_generator
from .conftest import REPO, VALID_PRACTICE, create_repo
from .sitecheck import snapshot

BOUND_SECONDS = 10
MARKDOWN_ALPHABET = st.sampled_from(
    [*"[]()!<>`~#*_{}:/\\ -=|&;\"'\n\t.", "a", "é", "ñ", "<a ", "<img src=", "](", "```"]
)
markdown_text = st.lists(MARKDOWN_ALPHABET, max_size=400).map("".join)
yaml_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=30)
    | st.dates().map(str),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=12,
)
front_matter = st.dictionaries(
    st.sampled_from(["titulo", "resumen", "centro", "areas", "fecha", "estado", "resultados",
                     "replicas", "relacionadas", "contacto", "etiquetas", "otra"]),
    yaml_values,
    max_size=9,
)  # fmt: skip


def practice_from(data: dict[str, object], body: str) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_repo(tmp_path_factory.mktemp("hostil") / "repo")


def checked_quickly(root: Path, rel: str, content: bytes) -> None:
    (root / rel).write_bytes(content)
    started = time.monotonic()
    check(root)  # any exception fails the test: a traceback for the author
    assert time.monotonic() - started < BOUND_SECONDS


HOSTILE = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@HOSTILE
@given(content=st.binary(max_size=2000))
def test_random_bytes(root: Path, content: bytes) -> None:
    checked_quickly(root, "practices/diagnostico.md", content)
    checked_quickly(root, "centers/talca.yml", content)
    shutil.copyfile(REPO / "centers" / "talca.yml", root / "centers" / "talca.yml")


@HOSTILE
@given(data=front_matter, body=markdown_text)
def test_random_yaml_and_markdown(root: Path, data: dict[str, object], body: str) -> None:
    checked_quickly(root, "practices/diagnostico.md", practice_from(data, body).encode())
    valid_with_body = VALID_PRACTICE.replace("## Resultados\nTexto.", "## Resultados\n" + body)
    checked_quickly(root, "practices/diagnostico.md", valid_with_body.encode())


@settings(max_examples=6, deadline=None)
@given(body=markdown_text, data=front_matter, other=st.booleans())
def test_build_on_random_content(
    tmp_path_factory: pytest.TempPathFactory, body: str, data: dict[str, object], other: bool
) -> None:
    base = tmp_path_factory.mktemp("construir")
    root = create_repo(base / "repo")
    valid_with_body = VALID_PRACTICE.replace("## Resultados\nTexto.", "## Resultados\n" + body)
    (root / "practices" / "diagnostico.md").write_text(valid_with_body, encoding="utf-8")
    if other:  # else the random body alone, in a valid practice: the site is built
        (root / "practices" / "otra.md").write_text(practice_from(data, body), encoding="utf-8")
    before = snapshot(base)
    started = time.monotonic()
    result = run_generator("build", "--root", str(root))
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    assert time.monotonic() - started < 120  # a whole build, on a shared machine
    after = {rel: data for rel, data in snapshot(base).items() if not rel.startswith("repo/site/")}
    assert after == before  # nothing written outside the site folder
