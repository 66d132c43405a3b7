"""Simple bar charts of a region's key figures, drawn on the server as inline SVG.

No chart JavaScript: the SVG is part of the HTML, prints, and is read by screen readers
through its <title> and <desc> (role="img" with aria-labelledby). The table next to
each chart holds the same numbers, so the chart is never the only place to find them.
Pure functions: they take plain values and return markup.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

WIDTH = 640
LABEL_WIDTH = 250  # room for the indicator names left of the bars
VALUE_ROOM = 130  # room for the value (e.g. "27.400 studenten") right of the longest bar
BAR_HEIGHT = 22
ROW_HEIGHT = 34
PADDING = 8


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal
    unit: str = ""


@dataclass(frozen=True)
class Chart:
    """One chart: bars that share a unit and a year, so their lengths compare fairly."""

    title: str
    bars: tuple


def format_value(value, unit=""):
    """Dutch notation: 12.345 and 4,5; the unit after it ("%" without a space)."""
    value = Decimal(value)
    decimals = 0 if value == value.to_integral_value() else 1
    text = number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def group_charts(figures, topic_labels):
    """Charts per topic and unit, each indicator with its own most recent value.

    ``figures`` are objects with topic, indicator, value, unit and year; ``topic_labels``
    maps a topic to its Dutch name. Mixing units (percentages and headcounts) in one
    chart would make the bars meaningless, hence one chart per unit. A newer figure for one
    indicator never hides the others: each bar is its indicator's latest year, and when
    the years differ the bar's label names its year.
    """
    groups = {}
    for figure in figures:
        indicators = groups.setdefault((figure.topic, figure.unit), {})
        latest = indicators.get(figure.indicator.lower())
        if latest is None or figure.year > latest.year:
            indicators[figure.indicator.lower()] = figure
    charts = []
    for (topic, unit), indicators in groups.items():
        rows = list(indicators.values())
        years = sorted({row.year for row in rows})
        mixed = len(years) > 1
        bars = tuple(
            Bar(f"{row.indicator} ({row.year})" if mixed else row.indicator, row.value, unit)
            for row in rows
        )
        period = f"{years[0]}–{years[-1]}" if mixed else f"{years[0]}"
        label = topic_labels.get(topic, topic)
        title = f"{label} ({unit}, {period})" if unit else f"{label} ({period})"
        charts.append(Chart(title=title, bars=bars))
    return charts


def bar_chart_svg(chart, chart_id):
    """An accessible horizontal bar chart; an empty chart says there is nothing to show."""
    title_id, desc_id = f"{chart_id}-titel", f"{chart_id}-beschrijving"
    if chart.bars:
        description = "; ".join(
            f"{bar.label}: {format_value(bar.value, bar.unit)}" for bar in chart.bars
        )
    else:
        description = "Er zijn nog geen cijfers om te tonen."
    height = max(len(chart.bars), 1) * ROW_HEIGHT + 2 * PADDING
    return format_html(
        '<svg class="bar-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        'aria-labelledby="{} {}" viewBox="0 0 {} {}" width="100%" '
        'preserveAspectRatio="xMinYMin meet">'
        '<title id="{}">{}</title><desc id="{}">{}</desc>{}</svg>',
        title_id,
        desc_id,
        WIDTH,
        height,
        title_id,
        chart.title,
        desc_id,
        description,
        _bars(chart.bars) if chart.bars else _empty(height),
    )


def _bars(bars):
    largest = max((abs(bar.value) for bar in bars), default=0)
    if all(bar.unit == "%" for bar in bars):
        # Percentages are drawn against 100%, so a lone 5% bar does not fill the chart.
        largest = max(largest, Decimal(100))
    largest = largest or 1
    room = WIDTH - LABEL_WIDTH - VALUE_ROOM
    rows = []
    for index, bar in enumerate(bars):
        length = max(float(abs(bar.value) / largest) * room, 1)
        top = PADDING + index * ROW_HEIGHT
        rows.append(_bar_row(top, length, bar.label, format_value(bar.value, bar.unit)))
    return _bar_rows(rows)


def _bar_row(top, length, label, value):
    """The values of one bar's markup (see _bar_rows): label, bar, value text."""
    middle = top + BAR_HEIGHT / 2
    return (
        LABEL_WIDTH - 8,
        middle,
        _shorten(label),
        LABEL_WIDTH,
        top,
        f"{length:.1f}",
        BAR_HEIGHT,
        f"{LABEL_WIDTH + length + 6:.1f}",
        middle,
        value,
    )


def _bar_rows(rows):
    # The texts repeat the <desc>; hide them from screen readers to avoid reading twice.
    return format_html_join(
        "",
        '<g aria-hidden="true"><text class="bar-chart__label" x="{}" y="{}" '
        'text-anchor="end" dominant-baseline="middle">{}</text>'
        '<rect class="bar-chart__bar" x="{}" y="{}" width="{}" height="{}"></rect>'
        '<text class="bar-chart__value" x="{}" y="{}" dominant-baseline="middle">{}</text></g>',
        rows,
    )


def _empty(height):
    return mark_safe(  # nosec B308 B703  # two numbers formatted here, fixed text
        f'<text class="bar-chart__empty" x="{WIDTH / 2:.0f}" y="{height / 2:.0f}" '
        'text-anchor="middle" dominant-baseline="middle" aria-hidden="true">'
        "Nog geen cijfers</text>"
    )


def _shorten(label, limit=32):
    """Long indicator names are cut in the chart; the table and <desc> have them whole."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def reach_chart_svg(title, bars, ambition, chart_id):
    """Percentages per region against an ambition band (e.g. 15–25 %), shaded behind them.

    ``bars`` are :class:`Bar` with a unit of "%"; only those with a value are drawn, the
    others are counted in the description (the table next to the chart lists them as
    "onbekend"). The band and its label say where the programme wants every region to be.
    """
    title_id, desc_id = f"{chart_id}-titel", f"{chart_id}-beschrijving"
    low, high = ambition
    known = [bar for bar in bars if bar.value is not None]
    parts = [f"{bar.label}: {format_value(bar.value, '%')}" for bar in known]
    unknown = len(bars) - len(known)
    if unknown:
        parts.append(f"{unknown} regio’s onbekend")
    description = f"Ambitie {low} tot {high}%. " + ("; ".join(parts) or "Nog geen cijfers.")
    top_room = 24  # the band's label above the bars
    height = max(len(known), 1) * ROW_HEIGHT + 2 * PADDING + top_room
    largest = max([Decimal(high) + 5, *(Decimal(bar.value) for bar in known)])
    room = WIDTH - LABEL_WIDTH - VALUE_ROOM

    def x(value):
        return LABEL_WIDTH + float(Decimal(value) / largest) * room

    band = format_html(
        '<g aria-hidden="true"><rect class="reach-chart__band" x="{}" y="{}" width="{}" '
        'height="{}"></rect><text class="reach-chart__band-label" x="{}" y="{}" '
        'text-anchor="middle">ambitie {}–{}%</text></g>',
        f"{x(low):.1f}",
        top_room,
        f"{x(high) - x(low):.1f}",
        height - top_room,
        f"{(x(low) + x(high)) / 2:.1f}",
        16,
        low,
        high,
    )
    rows = [
        _bar_row(
            top_room + PADDING + index * ROW_HEIGHT,
            max(x(bar.value) - LABEL_WIDTH, 1),
            bar.label,
            format_value(bar.value, "%"),
        )
        for index, bar in enumerate(known)
    ]
    return format_html(
        '<svg class="bar-chart reach-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        'aria-labelledby="{} {}" viewBox="0 0 {} {}" width="100%" '
        'preserveAspectRatio="xMinYMin meet">'
        '<title id="{}">{}</title><desc id="{}">{}</desc>{}{}</svg>',
        title_id,
        desc_id,
        WIDTH,
        height,
        title_id,
        title,
        desc_id,
        description,
        band,
        _bar_rows(rows) if rows else _empty(height),
    )
