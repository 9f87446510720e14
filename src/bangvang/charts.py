"""Bar charts drawn at build time as inline SVG: no script, nothing to download.

Horizontal bars with the label on its own line above each bar, so long
Vietnamese labels stay readable on a 360 px phone. Each chart is an image with
a text alternative; the same figures are always given in a table beside it.
"""

from __future__ import annotations

from markupsafe import Markup, escape

WIDTH = 360
ROW = 44        # label line + bar
BAR = 16
PAD_TOP = 8


def bar_chart(chart_id: str, title: str, rows: list[tuple[str, int]], unit: str) -> Markup:
    """An accessible SVG bar chart of (label, value) rows."""
    if not rows:
        return Markup("")
    top = max(value for _, value in rows) or 1
    height = PAD_TOP + ROW * len(rows)
    summary = "; ".join(f"{label}: {value} {unit}" for label, value in rows)
    parts = [
        f'<svg class="bv-chart" id="{escape(chart_id)}" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'role="img" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(summary)}</desc>',
    ]
    for i, (label, value) in enumerate(rows):
        y = PAD_TOP + i * ROW
        length = max(2.0, (WIDTH - 60) * value / top)
        parts.append(f'<text class="bv-chart__label" x="0" y="{y + 15}">{escape(label)}</text>')
        parts.append(f'<rect class="bv-chart__bar" x="0" y="{y + 21}" width="{length:.1f}" height="{BAR}" rx="3"/>')
        parts.append(f'<text class="bv-chart__value" x="{length + 5:.1f}" y="{y + 21 + BAR - 3}">{value}</text>')
    parts.append("</svg>")
    return Markup("\n".join(parts))  # whitespace between labels keeps words apart in the search index
