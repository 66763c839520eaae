"""Bar charts drawn on the server as inline SVG (no JavaScript; CSP allows SVG attributes).

Each chart is an ``<svg role="img">`` with a ``<title>`` and ``<desc>``; the page shows the same
numbers in a table beside it, so the chart is never the only way to read them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 640
LABEL_WIDTH = 220
VALUE_WIDTH = 70
BAR_HEIGHT = 22
GAP = 8


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as the table shows it ("42 %", "17")


def bar_chart(title: str, desc: str, bars: Sequence[Bar], *, ident: str) -> Markup:
    """A horizontal bar chart; bar length is proportional to ``value`` (0 when all are 0)."""
    top = max((b.value for b in bars), default=0.0)
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = max(len(bars), 1) * (BAR_HEIGHT + GAP) + GAP
    parts = [
        f'<svg role="img" aria-labelledby="{ident}-t {ident}-d" class="bars" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-t">{escape(title)}</title>',
        f'<desc id="{ident}-d">{escape(desc)}</desc>',
    ]
    for index, bar in enumerate(bars):
        y = GAP + index * (BAR_HEIGHT + GAP)
        length = round(span * bar.value / top, 1) if top > 0 else 0
        middle = y + BAR_HEIGHT / 2
        parts += [
            f'<text x="{LABEL_WIDTH - 6}" y="{middle}" text-anchor="end" '
            f'dominant-baseline="middle" class="label">{escape(_short(bar.label))}</text>',
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" '
            f'class="bar" fill="#0a58a8"/>',
            f'<text x="{LABEL_WIDTH + length + 6}" y="{middle}" dominant-baseline="middle" '
            f'class="value">{escape(bar.text)}</text>',
        ]
    parts.append("</svg>")
    return Markup("".join(parts))


def _short(label: str, limit: int = 24) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
