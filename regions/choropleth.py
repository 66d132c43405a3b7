"""A map of the labour-market regions coloured by a figure, drawn on the server as SVG.

Like the charts (regions/charts.py): no JavaScript and nothing loaded, so it works
everywhere, prints, and reads in a screen reader: every region is a link whose name says
the region and its value, and the table beside the map holds the same numbers. The
outlines come from regions/boundaries.py, computed once per process.
Pure functions: they take plain values and return markup and legend rows.
"""

from dataclasses import dataclass
from functools import cache

from django.utils.html import format_html, format_html_join

from regions import boundaries
from regions.charts import format_value

CLASSES = 5  # colour steps; the CSS has choropleth__k1 … k5 (light to dark)
NO_DATA = "geen gegevens"


@dataclass(frozen=True)
class Area:
    """One region on the map: its name, link, value (None when unknown) and value text."""

    name: str
    url: str
    value: object
    text: str


@dataclass(frozen=True)
class Step:
    """One legend row: the CSS class of its colour and the range of values it stands for."""

    css_class: str
    label: str


def steps(values, unit=""):
    """Split the known values into at most five colour steps of about equal size.

    Returns (value → css class, legend steps). The steps are drawn from the values that
    occur, so every legend row names a range that is really on the map ("3 – 5"), and a
    handful of distinct counts each get their own colour.
    """
    distinct = sorted({value for value in values if value is not None})
    if not distinct:
        return {}, []
    count = min(CLASSES, len(distinct))
    groups = [
        distinct[i * len(distinct) // count : (i + 1) * len(distinct) // count]
        for i in range(count)
    ]
    classes, legend = {}, []
    for index, group in enumerate(groups):
        # Fewer steps than colours: spread them over the scale, lightest to darkest.
        shade = 1 + round(index * (CLASSES - 1) / (count - 1)) if count > 1 else 3
        css_class = f"choropleth__k{shade}"
        low, high = format_value(group[0], unit), format_value(group[-1], unit)
        legend.append(Step(css_class, low if low == high else f"{low} – {high}"))
        classes.update(dict.fromkeys(group, css_class))
    return classes, legend


def choropleth_svg(areas, title, unit="", svg_id="regiokaart"):
    """The regions as links, coloured by value, with the province borders on top.

    Returns (SVG markup, legend steps). A region the outline file does not know is left
    out of the drawing (it is still in the table).
    """
    classes, legend = steps([area.value for area in areas], unit)
    outlines = boundaries.regions()
    rows = []
    for area in areas:
        shape = outlines.shapes.get(area.name)
        if shape is None:
            continue
        name = f"{area.name}: {area.text}"
        css_class = classes.get(area.value, "choropleth__none")
        rows.append((area.url, name, name, css_class, shape.path))
    title_id = f"{svg_id}-titel"
    svg = format_html(
        '<svg class="choropleth" id="{}" xmlns="http://www.w3.org/2000/svg" '
        'aria-labelledby="{}" viewBox="{}" width="100%" preserveAspectRatio="xMidYMid meet">'
        '<title id="{}">{}</title>{}'
        '<path class="choropleth__provinces" aria-hidden="true" d="{}"></path></svg>',
        svg_id,
        title_id,
        outlines.view_box,
        title_id,
        title,
        format_html_join(
            "",
            '<a href="{}" aria-label="{}"><title>{}</title>'
            '<path class="choropleth__region {}" d="{}"></path></a>',
            rows,
        ),
        province_borders(),
    )
    if any(area.value is None for area in areas):
        legend.append(Step("choropleth__none", NO_DATA))
    return svg, legend


def locator_svg(region_name, label):
    """A small map of the Netherlands with one region filled: where this region lies.

    Decoration with a name (role="img"): the page says the region and province in words.
    """
    outlines = boundaries.regions()
    shape = outlines.shapes.get(region_name)
    if shape is None:
        return ""
    return format_html(
        '<svg class="locator" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{}" '
        'viewBox="{}" width="100%" preserveAspectRatio="xMidYMid meet">'
        # The provinces are the land: the same outline as all regions, in fewer bytes.
        '<path class="locator__land" d="{}"></path>'
        '<path class="locator__region" d="{}"></path></svg>',
        label,
        outlines.view_box,
        province_borders(),
        shape.path,
    )


@cache
def province_borders():
    """All province outlines as one path, computed once: borders on the coloured map, the
    land on the locator."""
    return "".join(shape.path for shape in boundaries.provinces().shapes.values())
