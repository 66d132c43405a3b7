"""The outlines of the labour-market regions and provinces, from our own static files.

The TopoJSON files in ``regions/static/regions/boundaries/`` (CBS via PDOK, CC-BY 4.0; see
the README there) are the base layer of every map: the browser reads them for Leaflet, and
this module reads them once per process for the maps drawn on the server as SVG (the
choropleth of ``/regios/`` and a profile's locator map). The outlines never change while the
site runs, so their SVG paths are computed once and cached, never per request.

Projection: equirectangular, longitudes scaled by cos(52°), the latitude in the middle of
the country, so the Netherlands keeps its familiar shape without a projection library.
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

BOUNDARIES_DIR = Path(__file__).resolve().parent / "static" / "regions" / "boundaries"
REGIONS_FILE = "arbeidsmarktregio_2025.topojson"
PROVINCES_FILE = "provincie_2025.topojson"
# Static paths (for {% static %}) of the files the browser reads.
REGIONS_STATIC = f"regions/boundaries/{REGIONS_FILE}"
PROVINCES_STATIC = f"regions/boundaries/{PROVINCES_FILE}"
ATTRIBUTION = "Grenzen: CBS, Kadaster (PDOK), CC BY 4.0"

LONGITUDE_SCALE = math.cos(math.radians(52))
PIXELS_PER_DEGREE = 200  # 1 unit of the viewBox; the SVG scales to its box anyway
MARGIN = 4


@dataclass(frozen=True)
class Shape:
    """One region or province: CBS code, name, SVG path and lon/lat bounding box."""

    code: str
    name: str
    path: str
    bounds: tuple  # (west, south, east, north)


@dataclass(frozen=True)
class Outlines:
    """The shapes of one file by name, and the viewBox that holds all of them."""

    shapes: dict
    view_box: str


def decode(topology, object_name):
    """TopoJSON → [(properties, [polygon, ...])], each polygon a list of rings of (lon, lat).

    The arcs are quantized and delta-encoded (the file's ``transform``); a negative arc
    index means the arc reversed (``~index``). Consecutive arcs of a ring share their
    joining point, which is kept once.
    """
    (scale_x, scale_y), (move_x, move_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)

    def ring(indexes):
        points = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc if not points else arc[1:])
        return points

    shapes = []
    for geometry in topology["objects"][object_name]["geometries"]:
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        shapes.append((geometry["properties"], [[ring(r) for r in p] for p in polygons]))
    return shapes


def read(file_name):
    with open(BOUNDARIES_DIR / file_name, encoding="utf-8") as handle:
        topology = json.load(handle)
    (object_name,) = topology["objects"]
    return decode(topology, object_name)


@cache
def extent():
    """(west, south, east, north) over both files, so every map shares one frame."""
    points = [
        point
        for file_name in (REGIONS_FILE, PROVINCES_FILE)
        for _, polygons in read(file_name)
        for polygon in polygons
        for ring in polygon
        for point in ring
    ]
    longitudes = [lon for lon, _ in points]
    latitudes = [lat for _, lat in points]
    return min(longitudes), min(latitudes), max(longitudes), max(latitudes)


def project(lon, lat):
    west, _, _, north = extent()
    x = (lon - west) * LONGITUDE_SCALE * PIXELS_PER_DEGREE + MARGIN
    y = (north - lat) * PIXELS_PER_DEGREE + MARGIN
    return x, y


def svg_path(polygons):
    """An SVG path: one closed subpath per ring, in tenths of a unit.

    Each point after the first is relative to the one before (``l``), worked out on the
    rounded values so the errors do not add up; that keeps the inline SVG a third smaller.
    """
    parts = []
    for polygon in polygons:
        for ring in polygon:
            points = [project(lon, lat) for lon, lat in ring]
            rounded = [(round(x * 10), round(y * 10)) for x, y in points]
            (x0, y0), steps = rounded[0], []
            for (px, py), (nx, ny) in zip(rounded, rounded[1:], strict=False):
                if (nx, ny) != (px, py):
                    steps.append(f"{tenths(nx - px)} {tenths(ny - py)}")
            parts.append(f"M{tenths(x0)} {tenths(y0)}l" + " ".join(steps) + "z")
    return "".join(parts)


def tenths(number):
    """An integer count of tenths as the shortest decimal text: 15 → 1.5, -20 → -2."""
    whole, rest = divmod(abs(number), 10)
    sign = "-" if number < 0 else ""
    return f"{sign}{whole}.{rest}" if rest else f"{sign}{whole}"


def bounds(polygons):
    points = [point for polygon in polygons for ring in polygon for point in ring]
    return (
        min(lon for lon, _ in points),
        min(lat for _, lat in points),
        max(lon for lon, _ in points),
        max(lat for _, lat in points),
    )


@cache
def outlines(file_name):
    """The shapes of a file by name (``statnaam``, as in regions.csv), computed once."""
    shapes = {
        properties["statnaam"]: Shape(
            code=properties["statcode"],
            name=properties["statnaam"],
            path=svg_path(polygons),
            bounds=bounds(polygons),
        )
        for properties, polygons in read(file_name)
    }
    west, south, east, north = extent()
    width = (east - west) * LONGITUDE_SCALE * PIXELS_PER_DEGREE + 2 * MARGIN
    height = (north - south) * PIXELS_PER_DEGREE + 2 * MARGIN
    return Outlines(shapes=shapes, view_box=f"0 0 {width:.0f} {height:.0f}")


def regions():
    return outlines(REGIONS_FILE)


def provinces():
    return outlines(PROVINCES_FILE)


def region_codes():
    """Region name → CBS statcode (``Twente`` → ``AM14``), for imports that use codes."""
    return {name: shape.code for name, shape in regions().shapes.items()}
