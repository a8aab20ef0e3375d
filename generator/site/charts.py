"""A small bar chart of the network's size over time, as inline SVG (its table is the text)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

BAR_WIDTH = 56
GAP = 24
HEIGHT = 160
TOP = 20
LABEL_SPACE = 40


def bar_chart(bars: Sequence[tuple[str, int, bool]], *, title: str) -> str:
    """`bars` are (label, value, is_goal); goals are drawn hollow."""
    top_value = max((value for _, value, _ in bars), default=1) or 1
    width = len(bars) * (BAR_WIDTH + GAP) + GAP
    total_height = HEIGHT + TOP + LABEL_SPACE
    parts = [
        f'<svg class="rc-grafico" viewBox="0 0 {width} {total_height}" width="{width}" '
        f'height="{total_height}" aria-labelledby="rc-grafico-titulo">',
        f'<title id="rc-grafico-titulo">{escape(title)}</title>',
    ]
    for index, (label, value, is_goal) in enumerate(bars):
        bar_height = round(HEIGHT * value / top_value)
        x = GAP + index * (BAR_WIDTH + GAP)
        y = TOP + HEIGHT - bar_height
        css = "rc-grafico-meta" if is_goal else "rc-grafico-barra"
        style = (
            'fill="none" stroke="#1565c0" stroke-dasharray="4 3"' if is_goal else 'fill="#1565c0"'
        )
        parts += [
            f'<rect class="{css}" x="{x}" y="{y}" width="{BAR_WIDTH}" '
            f'height="{bar_height}" {style}/>',
            f'<text x="{x + BAR_WIDTH // 2}" y="{y - 4}" text-anchor="middle" '
            f'font-size="13">{value}</text>',
            f'<text x="{x + BAR_WIDTH // 2}" y="{TOP + HEIGHT + 16}" text-anchor="middle" '
            f'font-size="11">{escape(label)}</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)
