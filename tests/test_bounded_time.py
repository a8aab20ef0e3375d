"""`check` and `build` take time linear in the size of what they read, whatever the Markdown:
generated bodies up to the size cap (deep nesting of each container, delimiter runs, floods of
reference definitions and links, long lines of each special character, wide and long tables,
many lines) are each checked within a bound of CPU time; what no bound would hold is refused at
its line before it is parsed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.body import MAX_LINES
from generator.content.files import MAX_FILE_BYTES
from generator.content.markdown import parse_body
from generator.content.pipeline import check
from generator.content.problems import Problem
from generator.content.rawhtml import check_raw_html
from generator.site.htmlrender import render_html
from generator.site.sanitize import sanitize_html

from .checkrun import problems_of
from .command import cpu_seconds
from .conftest import VALID_PRACTICE, MakeRepo, create_repo
from .sitebuild import build

CHECK_SECONDS = 5  # for the whole repository with one file at the cap (measured: 0.5 to 3.5 s)
BUILD_SECONDS = 60
ROOM = MAX_FILE_BYTES - 2_000  # the practice around the body

CONTAINERS = ["> ", "- ", "* ", "1. ", "1) ", "> - ", "- > ", "  ", "- [ ] "]
DELIMITERS = ["*", "_", "~", "`", "**", "__", "~~", "***", "*_", "_*", "*a ", "a* ", "**a _b "]
SPECIALS = [*"[]()!<>`~#*_{}:/\\|&;\"'=-+.@", "![", "](", "<!--", "-->", "&#", "www.", "\t"]


def nested(marker: str, count: int) -> str:
    return marker * count + "texto\n"


def run_of(delimiter: str, count: int) -> str:
    return delimiter * count


def references(count: int, used: bool) -> str:
    definitions = "\n".join(f"[r{i}]: https://ejemplo.cl/{i}" for i in range(count))
    uses = " ".join(f"[x][r{i}]" for i in range(count)) + "\n\n" if used else ""
    return uses + definitions + "\n"


def table(columns: int, rows: int) -> str:
    row = "|" + "[a](https://a.cl) x|" * columns + "\n"
    return "|" + "a|" * columns + "\n|" + "-|" * columns + "\n" + row * rows


def lines_of(line: str, count: int) -> str:
    return line * count


# A body is drawn as a recipe (kind, what): its text is up to 500 KB, too long to show.
Recipe = tuple[str, object]
recipes = st.one_of(
    st.tuples(st.just("nest"), st.sampled_from(CONTAINERS)),
    st.tuples(st.just("run"), st.sampled_from(DELIMITERS)),
    st.tuples(st.just("refs"), st.booleans()),
    st.tuples(st.just("table"), st.sampled_from([2, 50, 1_000, 10_000])),
    st.tuples(
        st.just("special"),
        st.tuples(st.sampled_from(SPECIALS), st.sampled_from(["", " ", "a", "\n"])),
    ),
    st.tuples(
        st.just("lines"),
        st.sampled_from(["#\n", "a\n=\n", "- a\n", "1. a\n", "> a\n", "|a|\n", "\n"]),
    ),
    st.tuples(
        st.just("mix"), st.lists(st.sampled_from([*SPECIALS, *DELIMITERS, "a ", "\n"]), min_size=5)
    ),
)


def body_of(recipe: Recipe) -> str:
    """One hostile construct, repeated up to the size cap."""
    kind, what = recipe
    if kind == "nest":
        return nested(str(what), ROOM // len(str(what)))
    if kind == "run":
        return run_of(str(what), ROOM // len(str(what)))
    if kind == "refs":
        return references(ROOM // 60, used=bool(what))
    if kind == "table":
        columns = int(str(what))  # a row: «|» and «[a](https://a.cl) x|» a column
        return table(columns, max(1, (ROOM - 4 * columns - 4) // (20 * columns + 2)))
    if kind == "lines":
        line = str(what)
        return lines_of(line, min(MAX_LINES - 50, ROOM // len(line)) // line.count("\n"))
    unit = "".join(what) if isinstance(what, (list, tuple)) else str(what)
    return unit * (ROOM // len(unit))


def practice_with(body: str) -> str:
    return VALID_PRACTICE.replace("## Resultados\nTexto.", "## Resultados\n" + body)


def checked(root: Path) -> tuple[list[Problem], float]:
    """`check`'s problems, and the CPU time it took."""
    started = cpu_seconds()
    _, problems = check(root)  # a traceback fails the test
    return problems, cpu_seconds() - started


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_repo(tmp_path_factory.mktemp("acotado") / "repo")


@pytest.mark.timeout(180)  # 25 bodies of 500 KB: ~35 s, more with both cores busy
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(recipe=recipes)
def test_check_takes_bounded_time_on_any_body_up_to_the_cap(root: Path, recipe: Recipe) -> None:
    text = practice_with(body_of(recipe))
    assert len(text.encode("utf-8")) <= MAX_FILE_BYTES
    (root / "practices" / "diagnostico.md").write_text(text, encoding="utf-8")
    problems, seconds = checked(root)
    for _ in range(2):  # again, a moment later: a stall of the machine passes, slow code does not
        if seconds < CHECK_SECONDS:
            break
        time.sleep(2)
        problems, seconds = checked(root)
    assert seconds < CHECK_SECONDS
    assert all(p.message and p.line >= 1 and p.column >= 1 for p in problems)


@pytest.mark.timeout(240)
@settings(max_examples=4, deadline=None)
@given(recipe=recipes)
def test_build_takes_bounded_time_on_any_body_up_to_the_cap(
    tmp_path_factory: pytest.TempPathFactory, recipe: Recipe
) -> None:
    root = create_repo(tmp_path_factory.mktemp("acotado-build") / "repo")
    text = practice_with(body_of(recipe))
    (root / "practices" / "diagnostico.md").write_text(text, encoding="utf-8")
    started = cpu_seconds()
    result = build(root)
    assert cpu_seconds() - started < BUILD_SECONDS
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr


@pytest.mark.parametrize("line", ["#\n", "a\r\n", "a\r", "\n"])
def test_more_lines_than_the_parsers_bear_are_refused_before_they_are_parsed(
    make_repo: MakeRepo, line: str
) -> None:
    """250,000 lines of «#» (500 KB) took check 6.7 s and build 134 s of CPU."""
    text = practice_with("Texto.\n\n" + line * 150_000)
    root = make_repo({"practices/diagnostico.md": text})
    started = cpu_seconds()
    problems = problems_of(root)
    assert cpu_seconds() - started < 2
    [(place, code)] = [((p["line"], p["column"]), p["code"]) for p in problems]
    first = text.splitlines().index("## Resultados") + 2  # the body's line 1 is its file's line…
    assert code == "texto-demasiado-largo" and place[1] == 1
    assert place[0] > first + MAX_LINES - 20


def test_the_issues_attack_takes_the_time_of_its_parse(make_repo: MakeRepo) -> None:
    """447 KB of 10,000 reference links: over 60 s in check, over 120 s in build (now past the
    lines a body may have: 9,000 of them here)."""
    root = make_repo({"practices/diagnostico.md": practice_with(references(9_000, used=True))})
    started = cpu_seconds()
    assert problems_of(root) == []
    assert cpu_seconds() - started < CHECK_SECONDS
    started = cpu_seconds()
    assert build(root).returncode == 0
    assert cpu_seconds() - started < BUILD_SECONDS


HTML_PIECES = [
    *("<b>", "</b>", "<i>", "</i>", "<span>", "</span>", "<a href='x.md'>", "</a>", "<div>"),
    *("</div>", "<p>", "</p>", "<ul>", "<li>", "</ul>", "<blockquote>", "</blockquote>"),
    *("<table>", "<tr>", "<td>", "</table>", "<details>", "<summary>", "</details>", "x", "\n\n"),
    *('<b class="{n}">', '<span title="{n}">', "<em><strong>", "</em>"),
]


@pytest.mark.timeout(180)
@settings(max_examples=20, deadline=None)
@given(pieces=st.lists(st.sampled_from(HTML_PIECES), min_size=2, max_size=10))
def test_raw_html_check_accepts_is_sanitized_in_bounded_time(pieces: list[str]) -> None:
    """100,000 «<div>» took the build's sanitizer 270 s (and Pagefind 140 s): an HTML parser
    walks the elements open around each new one. Whatever `check` accepts of a body's raw
    HTML, up to the size cap, the sanitizer answers within a bound."""
    unit = "".join(pieces)
    body = "".join(unit.replace("{n}", str(n)) for n in range(ROOM // (len(unit) + 5)))
    parsed = parse_body(body)
    if check_raw_html(parsed, body, 1, "practices/x.md"):
        return  # refused: the build never sees it
    html = render_html(body)
    started = cpu_seconds()
    sanitize_html(html)
    assert cpu_seconds() - started < 3
