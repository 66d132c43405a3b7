"""Open data of the network map: GeoJSON and CSV of published partnerships.

Public fields only, in a fixed order documented in docs/open-data.md; conversations are
never read here. Rows come from ``.values_list()`` plus one query per taxonomy, so the
number of SQL queries does not depend on the number of partnerships.
"""

import csv
import hashlib
import io
from collections import defaultdict

import orjson
from django.db.models import Count, Max, Q
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, quote_etag
from django.utils.http import http_date

from core.pagecache import current_generation, generation_time
from core.spreadsheet import safe_row

from .models.partnership import Partnership

KIND_LABELS = dict(Partnership.Kind.choices)
STATUS_LABELS = dict(Partnership.Status.choices)

# The CSV's columns, in order, each with the database lookup it comes from; None for those
# csv_response adds in between (the labels, the lists of terms and the URL). The GeoJSON (see
# geojson_response) carries what the map and most reusers need, kept small for speed; the
# CSV has every public column.
CSV_FIELDS = {
    "id": "id",
    "slug": "slug",
    "name": "name",
    "summary": "summary",
    "kind": "kind",
    "kind_label": None,
    "status": "status",
    "status_label": None,
    "region": "region__name",
    "region_slug": "region__slug",
    "province": "region__province__name",
    "province_slug": "region__province__slug",
    "city": "city",
    "latitude": "latitude",
    "longitude": "longitude",
    "website": "website",
    "start_year": "start_year",
    "companies_count": "companies_count",
    "students_count": "students_count",
    "teachers_count": "teachers_count",
    "schools_count": "schools_count",
    "sectors": None,
    "themes": None,
    "funding_sources": None,
    "url": None,
}
CSV_COLUMNS = list(CSV_FIELDS)
CSV_LOOKUPS = [lookup for lookup in CSV_FIELDS.values() if lookup]
CSV_LIST_SEPARATOR = "; "


def _terms_by_partnership(queryset, relation):
    """{partnership id: [term names]} for one many-to-many relation, in one query."""
    field = Partnership._meta.get_field(relation)
    through = field.remote_field.through
    target = field.m2m_reverse_field_name()
    pairs = (
        through.objects.filter(partnership__in=queryset.values("pk"))
        .order_by(f"{target}__name")
        .values_list("partnership_id", f"{target}__name")
    )
    terms = defaultdict(list)
    for partnership_id, name in pairs:
        terms[partnership_id].append(name)
    return terms


def geojson_response(queryset, writeup_base_url):
    """A FeatureCollection of the partnerships that have a location.

    Built from plain tuples with literal dicts and encoded with orjson: with thousands
    of partnerships, the Python per row is most of the time.
    """
    located = queryset.filter(latitude__isnull=False, longitude__isnull=False)
    rows = located.order_by("name", "pk").values_list(
        "id",
        "slug",
        "name",
        "summary",
        "kind",
        "status",
        "region__name",
        "region__province__name",
        "city",
        "companies_count",
        "students_count",
        "teachers_count",
        "schools_count",
        "latitude",
        "longitude",
    )
    sectors = _terms_by_partnership(located, "sectors")
    themes = _terms_by_partnership(located, "themes")
    features = [
        {
            "type": "Feature",
            "id": pk,
            "geometry": {"type": "Point", "coordinates": [lng, lat]},
            "properties": {
                "id": pk,
                "slug": slug,
                "name": name,
                "summary": summary,
                "kind": kind,
                "kind_label": KIND_LABELS.get(kind, ""),
                "status": status,
                "region": region,
                "province": province,
                "city": city,
                "url": f"{writeup_base_url}{slug}/",
                "sectors": sectors.get(pk, []),
                "themes": themes.get(pk, []),
                "companies_count": companies,
                "students_count": students,
                "teachers_count": teachers,
                "schools_count": schools,
            },
        }
        for (
            pk,
            slug,
            name,
            summary,
            kind,
            status,
            region,
            province,
            city,
            companies,
            students,
            teachers,
            schools,
            lat,
            lng,
        ) in rows
    ]
    # orjson writes the same compact UTF-8 as json.dumps(ensure_ascii=False,
    # separators=(",", ":")) in a tenth of the time (about 7 ms for 5,000 features).
    body = orjson.dumps({"type": "FeatureCollection", "features": features})
    response = HttpResponse(body, content_type="application/geo+json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may use it
    return response


def csv_response(queryset, writeup_base_url, filename="samenwerkingen.csv"):
    """One row per partnership (with or without location), UTF-8 with BOM for Excel.

    ``writeup_base_url`` is the absolute URL of the map page; a write-up lives below it.
    Rows are built from plain tuples, one tuple per row. A text cell that a spreadsheet
    would run as a formula gets a leading apostrophe from ``core.spreadsheet.safe_row``, the
    helper every export of the site shares (its call per cell costs about 1 µs, some 6 ms
    for 5,000 partnerships).
    """
    rows = queryset.order_by("name", "pk").values_list(*CSV_LOOKUPS)
    sectors, themes, funding = (
        _terms_by_partnership(queryset, relation)
        for relation in ("sectors", "themes", "funding_sources")
    )
    join = CSV_LIST_SEPARATOR.join
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for pk, slug, name, summary, kind, status, *place, website, year, c1, c2, c3, c4 in rows:
        cells = (
            pk,
            slug,
            name,
            summary,
            kind,
            KIND_LABELS.get(kind, ""),
            status,
            STATUS_LABELS.get(status, ""),
            *place,  # region, its slug, province, its slug, city, latitude, longitude
            website,
            year,
            c1,
            c2,
            c3,
            c4,
            join(sectors.get(pk, ())),
            join(themes.get(pk, ())),
            join(funding.get(pk, ())),
            f"{writeup_base_url}{slug}/",
        )
        writer.writerow(safe_row(cells))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def data_validators(request):
    """ETag and Last-Modified of the open data at this URL, or (None, None).

    From the live partnerships (how many, the newest publish, the newest save: an
    unpublish saves too), the content generation (a renamed region or sector changes the
    rows without touching a partnership; core/pagecache.py) and the raw query string (the
    filters) of this file. Without the cache there is no generation, so no validators.
    """
    generation = current_generation(request)
    if generation is None:
        return None, None
    state = Partnership.objects.aggregate(
        live_count=Count("pk", filter=Q(live=True)),
        published=Max("last_published_at", filter=Q(live=True)),
        saved=Max("updated_at"),
    )
    version = "|".join(
        str(part)
        for part in (
            generation,
            state["live_count"],
            state["published"],
            state["saved"],
            request.path,
            request.META.get("QUERY_STRING", ""),
        )
    )
    etag = quote_etag(hashlib.sha256(version.encode("utf-8", "backslashreplace")).hexdigest()[:32])
    changes = [generation_time(generation), state["published"], state["saved"]]
    last_modified = int(max(change for change in changes if change).timestamp())
    return etag, last_modified


def conditional_data_response(request, build):
    """``build()``'s response with ETag and Last-Modified, or 304 when the client has it."""
    etag, last_modified = data_validators(request)
    if etag is None:
        return build()
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        response = build()
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    return response
