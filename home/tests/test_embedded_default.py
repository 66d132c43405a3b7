"""The second pass of `make test`: the site as `make run` serves it, on SQLite.

Marked ``sqlite``: the main pass (PostgreSQL) leaves these out, the second pass runs only
these, with cms/settings/test_sqlite.py (dev.py on SQLite). The demo site is built once for
the module. SQLite's full-text search (FTS5) reads query syntax that PostgreSQL's never saw,
so a lone ``"`` gave a 500 here while the PostgreSQL suite stayed green.
"""

import io
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from hypothesis import example, given
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from core.tests.fuzz import (
    NOT_FOUND_PATH,
    check_response,
    demo_database,
    fuzz_settings,
    get,
    nasty_queries,
    post,
    public_urls,
    query_strings,
    values,
)
from regions.models import NetworkMapPage, Partnership

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

SAMPLE_CSV = Path(__file__).resolve().parents[2] / "regions" / "data" / "sample_partnerships.csv"
# What a visitor may type that means something to FTS5 or to PostgreSQL's tsquery.
SYNTAX = ['"', '"regio', 'ict"', "*", "regio*", "(", ")", "NEAR(", "a OR", "AND", "NOT x"]
SYNTAX += ["^regio", "title:regio", "-", "+", "{", "}", ":", "'", "&", "|", "!", "\\"]
# The admin listings share the backend: a few of these suffice there.
ADMIN_SYNTAX = ['"', '"regio', "regio*", "NEAR(", "title:regio"]
SEARCH_WORDS = {"regio", "ICT", "Twente", "samenwerking", *SYNTAX}


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with demo_database(django_db_blocker):
        yield public_urls()


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("redacteur", "r@example.nl"))
    return client


def admin_listings():
    """Every searchable admin listing: each snippet's, and Wagtail's own."""
    home_page = Page.objects.get(depth=2)
    urls = [reverse(model.snippet_viewset.get_url_name("list")) for model in get_snippet_models()]
    urls += [
        reverse("wagtailadmin_pages:search"),
        reverse("wagtailadmin_explore", args=[home_page.pk]),
        reverse("wagtailimages:index"),
        reverse("wagtaildocs:index"),
        reverse("wagtailusers_users:index"),
    ]
    return urls


def search_titles(client, query):
    """The titles the site search lists for ``query``, pages and partnerships."""
    response = get(client, "/zoeken/", urlencode({"q": query}))
    check_response(response, (200,))
    results = list(response.context["results"] or [])
    extra = [
        item["title"] for section in response.context["extra_sections"] for item in section["items"]
    ]
    return [page.title for page in results] + extra


def test_runs_on_sqlite_with_the_make_run_settings():
    assert connection.vendor == "sqlite"
    assert settings.DEBUG is False  # pytest-django's default; the rest is dev.py
    assert settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache")
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "core.searchbackend"


def one_url_per_kind(site):
    """A URL of every kind of page, route, document and fixed view (the PostgreSQL pass
    visits them all; here each kind once keeps the pass short)."""
    urls, kinds = [], set()
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        if type(page) not in kinds:
            kinds.add(type(page))
            urls.append(page.url)
    map_page = NetworkMapPage.objects.live().get()
    write_ups = [url for url in site["route"] if url.startswith(map_page.url)]
    routes = [url for url in site["route"] if url not in write_ups] + write_ups[:1]
    return kinds, urls + routes + site["document"][:1] + site["fixed"]


def test_every_kind_of_public_url_answers(client, site):
    kinds, urls = one_url_per_kind(site)
    assert len(kinds) >= 10, kinds  # every page type of every app
    for url in urls:
        allowed = (404,) if url == NOT_FOUND_PATH else (200,)
        check_response(get(client, url), allowed)


def test_query_syntax_is_searched_as_words(client, site):
    found = search_titles(client, "regio")
    assert found  # the positive control: the demo has pages and partnerships on "regio"
    assert search_titles(client, '"regio') == search_titles(client, "regio*") == found
    assert search_titles(client, 'ict"') == search_titles(client, "ict")
    for query in SYNTAX:
        search_titles(client, query)
    for query in nasty_queries({"q", "page"}):
        check_response(get(client, "/zoeken/", query), (200,))


@fuzz_settings(examples=50)
@given(query=query_strings({"q", "page"}, known=SEARCH_WORDS), text=values(SEARCH_WORDS))
@example(query="", text='"')  # the 500 of issue 20, on every run
@example(query="q=%22&page=2", text='ict"')
def test_site_and_map_search_survive_random_queries(client, site, query, text):
    # The last q wins: every example searches, whatever the raw query string held.
    raw = f"{query}&{urlencode({'q': text})}"
    check_response(get(client, "/zoeken/", raw), (200,))
    check_response(get(client, NetworkMapPage.objects.get().url, raw), (200,))


def test_admin_listing_searches(editor, site):
    listings = admin_listings()
    partnerships = reverse(Partnership.snippet_viewset.get_url_name("list"))
    for url in listings:
        for query in ["regio", *ADMIN_SYNTAX]:
            check_response(get(editor, url, urlencode({"q": query})), (200,), "admin")
    # Positive control: the listing search finds by a word, with or without syntax around it.
    name = Partnership.objects.filter(live=True).order_by("pk").first().name
    word = max(name.split(), key=len)
    for query in [word, f'"{word}', f"{word}*"]:
        response = get(editor, partnerships, urlencode({"q": query}))
        assert name in response.content.decode(), query


def test_admin_listing_search_after_update_index(editor, site):
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    for url in admin_listings():
        check_response(get(editor, url, urlencode({"q": "regio"})), (200,), "admin")
    assert search_titles(editor, "regio")


def test_import_then_search_and_show(client, site):
    out = io.StringIO()
    call_command("import_partnerships", str(SAMPLE_CSV), "--publish", stdout=out, stderr=out)
    assert "2 new" in out.getvalue()
    imported = Partnership.objects.get(slug="techniekhuis-zwolle")
    assert imported.live
    assert "Techniekhuis Zwolle" in search_titles(client, '"Techniekhuis')
    map_page = NetworkMapPage.objects.get()
    check_response(get(client, map_page.partnership_url(imported)), (200,))


def test_a_proposal_is_sent_and_confirmed(client, site):
    """The public proposal form and its e-mail link, as `make run` serves them."""
    from django.core import mail
    from django.core.cache import cache

    from regions.models import PartnershipProposal, Region

    cache.clear()  # the rate limit counts in the cache
    map_page = NetworkMapPage.objects.get()
    form_url = map_page.url + map_page.reverse_subpage("proposal_new")
    check_response(get(client, form_url), (200,))
    data = {
        "name": "Proefpact Embedded",
        "summary": "Een proef op SQLite.",
        "kind": "other",
        "status": "active",
        "region": str(Region.objects.get(slug="twente").pk),
        "latitude": "52,2",
        "longitude": "6,9",
        "email": "proef@example.nl",
    }
    check_response(post(client, form_url, data), (200,))
    link = urlsplit(next(w for w in mail.outbox[-1].body.split() if "?code=" in w))
    check_response(post(client, f"{link.path}?{link.query}", {}), (200,))
    proposal = PartnershipProposal.objects.get(changes__name="Proefpact Embedded")
    assert proposal.status == PartnershipProposal.Status.OPEN
    assert proposal.partnership.current_workflow_state is not None


def test_network_insight_on_sqlite(client, editor, site):
    """The overlap SQL, the similar list, the monitor and its CSV run on SQLite too."""
    from regions import insight
    from regions.factories import PartnershipFactory
    from regions.models import NetworkMonitorPage, Region, Sector, Theme

    twente = Region.objects.get(slug="twente")
    shared = {"themes": list(Theme.objects.all()[:2]), "sectors": list(Sector.objects.all()[:1])}
    first = PartnershipFactory(name="Overlap-sqlite-1", region=twente, **shared)
    PartnershipFactory(name="Overlap-sqlite-2", region=twente, **shared)
    pairs = [(o.first_name, o.second_name) for o in insight.possible_overlaps()]
    assert ("Overlap-sqlite-1", "Overlap-sqlite-2") in pairs
    write_up = get(client, NetworkMapPage.objects.get().partnership_url(first))
    check_response(write_up, (200,))
    assert "Overlap-sqlite-2" in write_up.content.decode()  # the similar list
    monitor = NetworkMonitorPage.objects.live().get().url
    for url in (monitor, f"{monitor}cijfers.csv", f"{monitor}?provincie=overijssel&soort=civ"):
        check_response(get(client, url), (200,))
    check_response(get(editor, reverse("regions_upkeep_report")), (200,), "admin")
