"""Wagtail's routes remembered per content generation (core/routing.py).

Tests run inside one transaction that never commits, so nothing starts a new content
generation by itself; ``committed()`` runs what a real commit would run.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from core import routing
from home.factories import HomePageFactory, ProgrammePageFactory
from home.models import ProgrammePage

pytestmark = pytest.mark.django_db
# What the memo saves on /kennis/knelpunten/: for kennis and knelpunten the child and its
# specific row (4 queries), less the one read of the page itself. The site and the home
# page's specific row are Wagtail's lookups before it asks the root page to route.
SAVED_FOR_DEPTH_4 = 3
# The whole request from the memo, with header and footer from the fragment cache: routing
# 3 (the site, the home page's specific row, the page), the page's own content 5.
DEPTH_4_FROM_MEMO_QUERIES = 8


@pytest.fixture(autouse=True)
def memo_on(caches_on):
    """The route memo on; the page cache stays off, so every request reaches the view."""


@pytest.fixture
def pages(home_page):
    kennis = ProgrammePageFactory(parent=home_page, title="Kennis", slug="kennis")
    child = ProgrammePageFactory(parent=kennis, title="Knelpunten", slug="knelpunten")
    return kennis, child


def get(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, len(captured)


def remembered():
    return routing.current_memo().routes


def test_second_request_is_routed_from_the_memo_with_the_same_page(client, pages):
    client.get("/kennis/knelpunten/")  # warm Wagtail's per-process caches and the frames
    routing.forget()
    first, first_queries = get(client, "/kennis/knelpunten/")
    second, second_queries = get(client, "/kennis/knelpunten/")
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert first_queries - second_queries == SAVED_FOR_DEPTH_4
    assert second_queries == DEPTH_4_FROM_MEMO_QUERIES
    assert [path for _root, path in remembered()] == [("kennis", "knelpunten")]


def test_the_page_is_read_fresh_and_live_within_a_generation(client, pages):
    _kennis, child = pages
    client.get("/kennis/knelpunten/")
    # Changed without a commit, so the generation stays: the memo still points here.
    Page.objects.filter(pk=child.pk).update(title="Nieuwe titel")
    assert "Nieuwe titel" in client.get("/kennis/knelpunten/").text
    Page.objects.filter(pk=child.pk).update(live=False)
    assert client.get("/kennis/knelpunten/").status_code == 404


def test_a_publish_elsewhere_starts_afresh(client, pages, committed):
    kennis, child = pages
    client.get("/kennis/knelpunten/")
    generation = routing.current_memo().generation
    with committed():
        child.unpublish()
    assert routing.current_memo().generation == generation  # nothing asked for yet
    assert client.get("/kennis/knelpunten/").status_code == 404
    assert routing.current_memo().generation > generation
    assert remembered() == {}
    # A page that gets another slug: its old path leads nowhere, its new one to it.
    client.get("/kennis/")
    kennis = kennis.specific
    kennis.slug = "kennisbank"
    with committed():
        kennis.save_revision().publish()
    old_path = client.get("/kennis/")  # Wagtail made a redirect for the old slug
    assert (old_path.status_code, old_path["Location"]) == (301, "/kennisbank/")
    assert client.get("/kennisbank/knelpunten/").status_code == 404  # still unpublished
    assert client.get("/kennisbank/").status_code == 200


def test_failed_routes_are_never_remembered(client, pages):
    assert client.get("/bestaat-niet/").status_code == 404
    assert client.get("/kennis/knelpunten/nog-dieper/").status_code == 404
    assert client.post("/kennis/").status_code == 200  # answered, but not a GET
    assert remembered() == {}


def test_the_memo_holds_a_bounded_number_of_routes(client, pages, monkeypatch):
    monkeypatch.setattr(routing, "MAX_ROUTES", 2)
    ProgrammePageFactory(parent=pages[0], title="Aanpak", slug="aanpak")
    for url in ("/", "/kennis/", "/kennis/knelpunten/", "/kennis/aanpak/"):
        assert client.get(url).status_code == 200
    # The home page itself needs no memo: it is the root Wagtail starts from.
    assert [path for _root, path in remembered()] == [("kennis",), ("kennis", "knelpunten")]
    assert client.get("/kennis/knelpunten/").status_code == 200


def test_each_host_keeps_its_own_site_and_routes(client, home_page, pages, settings):
    settings.ALLOWED_HOSTS = ["*"]
    other_home = HomePageFactory(title="Andere site", slug="andere")
    Site.objects.filter(is_default_site=True).update(root_page=home_page)
    Site.objects.create(hostname="andere.example", port=80, root_page=other_home)
    ProgrammePageFactory(parent=other_home, title="Elders", slug="kennis")
    for _ in range(2):
        here = client.get("/kennis/")
        there = client.get("/kennis/", HTTP_HOST="andere.example")
        assert "Kennis" in here.text and "Elders" not in here.text
        assert "Elders" in there.text
    assert len(remembered()) == 2


def test_off_without_fragment_caching_or_without_a_cache(client, pages, settings, monkeypatch):
    settings.FRAGMENT_CACHE_SECONDS = 0
    client.get("/kennis/")
    assert remembered() == {}
    settings.FRAGMENT_CACHE_SECONDS = 3600
    monkeypatch.setattr(routing, "current_generation", lambda request: None)
    assert client.get("/kennis/").status_code == 200
    assert remembered() == {}


def test_a_request_of_an_older_generation_neither_reads_nor_writes():
    assert routing.memo_for(None) is None
    newer = routing.memo_for(200)
    assert routing.memo_for(100) is None
    assert routing.memo_for(200) is newer
    assert routing.memo_for(300) is not newer


def test_remembered_pages_keep_their_class(client, pages):
    client.get("/kennis/")
    ((page_class, _id, _rest),) = remembered().values()
    assert page_class is ProgrammePage


def test_view_restrictions_still_apply_to_a_remembered_route(client, pages, django_user_model):
    kennis, _child = pages
    PageViewRestriction.objects.create(page=kennis, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(django_user_model.objects.create_user("lezer", password="x"))
    assert client.get("/kennis/knelpunten/").status_code == 200
    assert len(remembered()) == 1
    client.logout()
    response = client.get("/kennis/knelpunten/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_home_page_answers_again_and_again_without_a_memo_entry(client, pages):
    assert [client.get("/").status_code for _ in range(3)] == [200, 200, 200]
    assert remembered() == {}
    assert client.get("/kennis/").status_code == 200  # positive control: this one is kept
    assert len(remembered()) == 1
