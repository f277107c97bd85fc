"""Bar charts of briefings per year, drawn at build time as inline SVG.

No script and no web font: the chart is part of the page, works offline and follows the
light/dark palette through CSS classes (see docs/stylesheets/archive.css).
"""

from __future__ import annotations

from briefings.site.markup import html_text

BAR_WIDTH = 28
BAR_GAP = 14
PLOT_HEIGHT = 120
TOP = 22  # room for the count above the tallest bar
BOTTOM = 24  # room for the year below the bars
SIDE = 8
MAX_FILLED_SPAN = 40  # a longer run of years shows only the years that have briefings
UNKNOWN_LABEL = "不详"


def year_series(counts: dict[int | None, int]) -> list[tuple[str, int]]:
    """(label, count) per year, oldest first, empty years filled in, the unknown year last."""
    years = sorted(year for year in counts if year is not None)
    if years and years[-1] - years[0] < MAX_FILLED_SPAN:
        years = list(range(years[0], years[-1] + 1))
    series = [(str(year), counts.get(year, 0)) for year in years]
    if counts.get(None):
        series.append((UNKNOWN_LABEL, counts[None]))
    return series


def year_bar_chart(counts: dict[int | None, int], caption: str) -> str:
    """An HTML <figure> with an SVG bar per year, on one line."""
    series = year_series(counts)
    if not series:
        return ""
    tallest = max(count for _, count in series) or 1
    width = SIDE * 2 + len(series) * BAR_WIDTH + (len(series) - 1) * BAR_GAP
    height = TOP + PLOT_HEIGHT + BOTTOM
    baseline = TOP + PLOT_HEIGHT
    parts = [
        (
            # tabindex: on a phone the chart scrolls sideways, and a keyboard must reach it to scroll
            f'<figure class="year-chart" tabindex="0" data-search-exclude><svg class="year-chart__svg" '
            f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
            f'aria-label="{html_text(caption)}" xmlns="http://www.w3.org/2000/svg">'
            f"<title>{html_text(caption)}</title>"
        ),
        f'<line class="year-chart__axis" x1="0" y1="{baseline}" x2="{width}" y2="{baseline}"/>',
    ]
    for position, (label, count) in enumerate(series):
        x = SIDE + position * (BAR_WIDTH + BAR_GAP)
        bar = round(PLOT_HEIGHT * count / tallest)
        middle = x + BAR_WIDTH / 2
        tip = f"{label}：{count} 篇" if label == UNKNOWN_LABEL else f"{label} 年：{count} 篇"
        parts.append(f'<g class="year-chart__year"><title>{html_text(tip)}</title>')
        if count:
            parts.append(
                f'<rect class="year-chart__bar" x="{x}" y="{baseline - bar}" '
                f'width="{BAR_WIDTH}" height="{bar}" rx="2"/>'
            )
            parts.append(
                f'<text class="year-chart__count" x="{middle:g}" y="{baseline - bar - 6}" '
                f'text-anchor="middle">{count}</text>'
            )
        if _labelled(position, len(series)):
            parts.append(
                f'<text class="year-chart__label" x="{middle:g}" y="{height - 6}" '
                f'text-anchor="middle">{html_text(_short(label, len(series)))}</text>'
            )
        parts.append("</g>")
    parts.append(f"</svg><figcaption>{html_text(caption)}</figcaption></figure>")
    return "".join(parts)


def _labelled(position: int, total: int) -> bool:
    # Crowded charts label every other year; the first and the last are always labelled.
    return total <= 12 or position % 2 == 0 or position == total - 1


def _short(label: str, total: int) -> str:
    # 2021 -> '21 once the chart is too crowded for four digits
    return f"'{label[2:]}" if total > 12 and label.isdigit() else label
