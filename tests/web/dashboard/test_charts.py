"""The server-side SVG bar chart."""

from __future__ import annotations

import re

from app.web.charts import LABEL_WIDTH, VALUE_WIDTH, WIDTH, Bar, bar_chart


def test_bars_are_proportional_accessible_and_escaped() -> None:
    svg = str(
        bar_chart(
            "Placed <all>",
            "Share by group",
            [Bar("A & B", 0.5, "50 %"), Bar("C", 0.25, "25 %"), Bar("D", 0.0, "0 %")],
            ident="c1",
        )
    )
    assert svg.startswith('<svg role="img" aria-labelledby="c1-t c1-d"')
    assert '<title id="c1-t">Placed &lt;all&gt;</title>' in svg
    assert '<desc id="c1-d">Share by group</desc>' in svg
    assert ">A &amp; B<" in svg and "style=" not in svg
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([0-9.]+)"', svg)]
    longest = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    assert widths == [longest, longest / 2, 0]


def test_empty_and_all_zero_charts_draw_no_bars_of_length() -> None:
    assert "<rect" not in str(bar_chart("t", "d", [], ident="e"))
    zero = str(bar_chart("t", "d", [Bar("x", 0, "0")], ident="z"))
    assert 'width="0"' in zero
