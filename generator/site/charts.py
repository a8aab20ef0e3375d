"""A small bar chart of the network's size over time, as inline SVG (its table is the text).

The labels come from the data, whatever their length ("2020", "fin de 2020", "meta 2021"):
each is split over at most two lines and every bar's slot is made wide enough for its label,
so no two labels touch at any width (the SVG scales as a whole on a narrow screen).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from html import escape

BAR_WIDTH = 56
GAP = 24
HEIGHT = 160
TOP = 20
LABEL_FONT = 12
VALUE_FONT = 13
LINE_HEIGHT = 15
# A generous average advance of a sans-serif character, in ems: labels are measured with it.
CHAR_WIDTH_EM = 0.62
LABEL_PADDING = 12  # at least this much space between two neighbouring labels
ONE_LINE_UP_TO = 10  # characters; a longer label is split over two lines


def label_lines(label: str) -> list[str]:
    """One line, or the two lines (split at a space) whose longer one is shortest."""
    words = label.split()
    if len(label) <= ONE_LINE_UP_TO or len(words) < 2:
        return [label]
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    first, second = min(splits, key=lambda pair: max(len(pair[0]), len(pair[1])))
    return [first, second]


def _text_width(text: str, font: int = LABEL_FONT) -> float:
    return len(text) * font * CHAR_WIDTH_EM


def _opening(
    width: int, height: int, chart_id: str, title: str, description: str | None
) -> list[str]:
    """The <svg> tag, its title and its description (if any), which name and describe it."""
    title_id = f"{chart_id}-titulo"
    described = ""
    if description is not None:
        described = f' role="img" aria-describedby="{chart_id}-descripcion"'
    parts = [
        f'<svg class="rc-grafico" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" aria-labelledby="{title_id}"{described}>',
        f'<title id="{title_id}">{escape(title)}</title>',
    ]
    if description is not None:
        parts.append(f'<desc id="{chart_id}-descripcion">{escape(description)}</desc>')
    return parts


def bar_chart(
    bars: Sequence[tuple[str, int, bool]],
    *,
    title: str,
    at_least: Collection[int] = (),
    chart_id: str = "rc-grafico",
    description: str | None = None,
) -> str:
    """`bars` are (label, value, is_goal); goals are drawn hollow; the bars at the indices
    `at_least` are minimums, and their value reads "al menos N". `chart_id` names the title
    (and the description) of each chart of a page; with a `description`, the chart is an image
    named by its title and described by it (the page's table gives the same numbers)."""
    top_value = max((value for _, value, _ in bars), default=1) or 1
    lines = [label_lines(label) for label, _, _ in bars]
    values = [
        f"al menos {value}" if index in at_least else str(value)
        for index, (_, value, _) in enumerate(bars)
    ]
    slots = [
        max(
            BAR_WIDTH + GAP,
            max(_text_width(line) for line in ls) + LABEL_PADDING,
            _text_width(shown, VALUE_FONT) + LABEL_PADDING,
        )
        for ls, shown in zip(lines, values, strict=True)
    ]
    width = round(sum(slots))
    label_space = max((len(ls) for ls in lines), default=1) * LINE_HEIGHT + 10
    total_height = HEIGHT + TOP + label_space
    parts = _opening(width, total_height, chart_id, title, description)
    left = 0.0
    for (_, value, is_goal), slot, label, shown in zip(bars, slots, lines, values, strict=True):
        middle = round(left + slot / 2)
        left += slot
        bar_height = round(HEIGHT * value / top_value)
        x = middle - BAR_WIDTH // 2
        y = TOP + HEIGHT - bar_height
        css = "rc-grafico-meta" if is_goal else "rc-grafico-barra"
        style = (
            'fill="none" stroke="#1565c0" stroke-dasharray="4 3"' if is_goal else 'fill="#1565c0"'
        )
        parts += [
            f'<rect class="{css}" x="{x}" y="{y}" width="{BAR_WIDTH}" '
            f'height="{bar_height}" {style}/>',
            f'<text x="{middle}" y="{y - 4}" text-anchor="middle" font-size="{VALUE_FONT}">'
            f"{shown}</text>",
            f'<text class="rc-grafico-etiqueta" x="{middle}" y="{TOP + HEIGHT + LINE_HEIGHT}" '
            f'text-anchor="middle" font-size="{LABEL_FONT}">',
            *(
                f'<tspan x="{middle}" dy="{LINE_HEIGHT if index else 0}">{escape(line)}</tspan>'
                for index, line in enumerate(label)
            ),
            "</text>",
        ]
    parts.append("</svg>")
    return "".join(parts)
