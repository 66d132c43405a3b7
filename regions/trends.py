"""A region's figures over the years, drawn on the server as an SVG line chart.

Like the bar charts (regions/charts.py): role="img" with a title and a description that
read every value, and a table beside it with the same numbers. Each indicator a region has
for two or more years gets a trend; where other regions publish the same indicator, their
average for each year is drawn beside it as a dashed line.
Pure functions: they take plain values and return markup.
"""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join

from regions.charts import format_value

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 50, 40, 28, 34  # room for the axis labels and the values


@dataclass(frozen=True)
class Point:
    year: int
    value: object  # Decimal
    average: object = None  # the regions' average that year, or None
    regions: int = 0  # how many regions that average is over


@dataclass(frozen=True)
class Trend:
    """One indicator of one region over the years, oldest first."""

    indicator: str
    unit: str
    points: tuple

    @property
    def has_average(self):
        return any(point.average is not None for point in self.points)

    @property
    def title(self):
        first, last = self.points[0].year, self.points[-1].year
        unit = f"{self.unit}, " if self.unit else ""
        return f"{self.indicator} ({unit}{first}–{last})"


def trends(figures, averages):
    """The trends of the indicators with two years or more, in the figures' order.

    ``averages`` maps (indicator in lower case, unit, year) to (average, number of
    regions); an average over fewer than two regions is no comparison and is left out.
    """
    series = {}
    for figure in figures:
        key = (figure.indicator.lower(), figure.unit)
        name, years = series.setdefault(key, (figure.indicator, {}))
        years[figure.year] = figure.value
    made = []
    for (lowered, unit), (name, years) in series.items():
        if len(years) < 2:
            continue
        points = []
        for year in sorted(years):
            average, regions = averages.get((lowered, unit, year), (None, 0))
            if regions < 2:
                average, regions = None, 0
            points.append(Point(year, years[year], average, regions))
        made.append(Trend(name, unit, tuple(points)))
    return made


def trend_svg(trend, chart_id, region_name):
    """An accessible line chart of one trend, with the average dashed beside it."""
    title_id, desc_id = f"{chart_id}-titel", f"{chart_id}-beschrijving"
    values = [point.value for point in trend.points]
    values += [point.average for point in trend.points if point.average is not None]
    # From zero (a cut-off axis would exaggerate a change), with room above the highest
    # point for its label. Not against 100% like the bars: a 3-to-4% change would vanish.
    top = max(max(values), 1) * 115 / 100
    first, last = trend.points[0].year, trend.points[-1].year

    def x(year):
        return LEFT + (year - first) / ((last - first) or 1) * (WIDTH - LEFT - RIGHT)

    def y(value):
        return TOP + (1 - float(value) / float(top)) * (HEIGHT - TOP - BOTTOM)

    description = f"{region_name}: " + "; ".join(
        f"{point.year} {format_value(point.value, trend.unit)}" for point in trend.points
    )
    if trend.has_average:
        description += ". Gemiddelde van de regio's met dit cijfer: " + "; ".join(
            f"{point.year} {format_value(point.average, trend.unit)}"
            for point in trend.points
            if point.average is not None
        )
    own = " ".join(f"{x(p.year):.1f},{y(p.value):.1f}" for p in trend.points)
    average = " ".join(
        f"{x(p.year):.1f},{y(p.average):.1f}" for p in trend.points if p.average is not None
    )
    marks = format_html_join(
        "",
        '<circle class="trend__point" cx="{}" cy="{}" r="4"></circle>'
        '<text class="trend__value" x="{}" y="{}" text-anchor="middle">{}</text>'
        '<text class="trend__year" x="{}" y="{}" text-anchor="middle">{}</text>',
        (
            (
                f"{x(p.year):.1f}",
                f"{y(p.value):.1f}",
                f"{x(p.year):.1f}",
                f"{y(p.value) - 10:.1f}",
                format_value(p.value, "%" if trend.unit == "%" else ""),
                f"{x(p.year):.1f}",
                HEIGHT - 10,
                p.year,
            )
            for p in trend.points
        ),
    )
    # The texts repeat the <desc>; hidden from screen readers to avoid reading twice.
    return format_html(
        '<svg class="trend" xmlns="http://www.w3.org/2000/svg" role="img" '
        'aria-labelledby="{} {}" viewBox="0 0 {} {}" width="100%" '
        'preserveAspectRatio="xMinYMin meet"><title id="{}">{}</title><desc id="{}">{}</desc>'
        '<g aria-hidden="true">'
        '<line class="trend__axis" x1="{}" y1="{}" x2="{}" y2="{}"></line>'
        '<text class="trend__scale" x="{}" y="{}" text-anchor="end">0</text>'
        "{}"
        '<polyline class="trend__line" points="{}"></polyline>{}</g></svg>',
        title_id,
        desc_id,
        WIDTH,
        HEIGHT,
        title_id,
        trend.title,
        desc_id,
        description,
        LEFT - 10,
        f"{y(0):.1f}",
        WIDTH - RIGHT + 10,
        f"{y(0):.1f}",
        LEFT - 16,
        f"{y(0) + 4:.1f}",
        format_html('<polyline class="trend__average" points="{}"></polyline>', average)
        if average
        else "",
        own,
        marks,
    )
