"""Every link of a body is found where its author wrote it, in one pass: the line and column of
its destination in its own text (an inline link) or in its definition (a reference link),
inside any block; and the time grows with the body, not with the square of its links."""

from __future__ import annotations

import pytest

from generator.content.markdown import parse_body

from .command import cpu_seconds

BODY = """\
Primero [uno](a.md) y [dos](b.md "título")
y en otra línea ![foto](adjuntos/f.png).

> Una cita con [tres](c.md).

- Un punto con [cuatro][ref] y [cinco][].
  - Dentro, [seis](d.md#seccion).

## Título con [siete](e.md)

| A | B |
|---|---|
| [ocho](f.md) | [nueve](f.md) |

Texto con [otra.md](otra.md) y <https://auto.cl>.

[ref]: g.md
[cinco]:
   h.md
"""


def places(body: str) -> list[tuple[int, int, str, bool]]:
    return [(link.line, link.column, link.target, link.is_image) for link in parse_body(body).links]


def test_each_link_is_found_where_it_is_written() -> None:
    lines = BODY.splitlines()
    found = places(BODY)
    for line, column, target, _ in found:
        assert lines[line][column - 1 :].startswith(target), (line, column, target)
    assert found == [
        (0, 15, "a.md", False),
        (0, 29, "b.md", False),
        (1, 25, "adjuntos/f.png", True),
        (3, 23, "c.md", False),
        (16, 8, "g.md", False),  # the reference's definition
        (18, 4, "h.md", False),  # on the line after its label
        (6, 20, "d.md#seccion", False),
        (8, 23, "e.md", False),
        (12, 10, "f.md", False),
        (12, 26, "f.md", False),  # the second cell, not the first one's equal text
        (14, 21, "otra.md", False),  # the destination, not the text before it
    ]


def test_a_destination_not_found_as_written_is_placed_at_its_link() -> None:
    body = "Texto\ncon [un enlace](a&amp;b.md) más.\n"  # parsed as «a&b.md»
    ((line, column, target, _),) = places(body)
    assert (line, column) == (1, 5)
    assert target == "a&b.md"


@pytest.mark.parametrize("kind", ["reference", "inline"])
def test_ten_thousand_links_take_the_time_of_their_parse(kind: str) -> None:
    """The issue's attack: 10,000 reference links (447 KB) took over 60 s in `check`; the
    time grew with the square of the count (1.4 s for 500, 4.0 s for 1,000, 11.9 s for 2,000)."""
    count = 10_000
    if kind == "reference":
        uses = " ".join(f"[x][r{i}]" for i in range(count))
        body = uses + "\n\n" + "\n".join(f"[r{i}]: https://ejemplo.cl/{i}" for i in range(count))
    else:
        body = " ".join(f"[x](https://ejemplo.cl/{i})" for i in range(count))
    started = cpu_seconds()
    links = parse_body(body).links
    assert cpu_seconds() - started < 3
    assert len(links) == count
    last = links[-1]
    written = body.splitlines()[last.line][last.column - 1 :]
    assert written.startswith(f"https://ejemplo.cl/{count - 1}")
