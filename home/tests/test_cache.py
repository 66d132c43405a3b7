"""The page cache for anonymous visitors, the cached header and footer, and what outdates them.

Tests run inside one transaction that never commits, so nothing bumps the content
generation by itself: ``committed()`` runs what a real commit would run.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template, TemplateSyntaxError
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site

from core.apps import prepare_cache
from core.factories import PersonFactory
from core.models import SiteSettings
from core.pagecache import GENERATION_KEY, current_generation
from home.factories import ContactPageFactory, HomePageFactory, ProgrammePageFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
PAGE_TABLE = 'FROM "wagtailcore_page"'
MENU_QUERY = re.compile(r'WHERE .*"show_in_menus"')


@pytest.fixture(autouse=True)
def caching_on(caches_on):
    caches_on.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def sections(home_page):
    """Two menu sections with a page below the first: /<home>/kennis/, /<home>/regio/."""
    kennis = ProgrammePageFactory(parent=home_page, title="Kennis", slug="kennis")
    regio = ProgrammePageFactory(parent=home_page, title="Regio", slug="regio")
    child = ProgrammePageFactory(parent=kennis, title="Knelpunten", slug="knelpunten")
    return kennis, regio, child


def menu(response):
    """[(title, is current)] of the main menu, in order."""
    nav = response.text.split('aria-label="Hoofdmenu"', 1)[1].split("</nav>", 1)[0]
    return [
        (title, "aria-current" in attributes)
        for attributes, title in re.findall(r"<a ([^>]*)>([^<]*)</a>", nav)
    ]


def page_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, [query["sql"] for query in captured]


# --- Whole pages --------------------------------------------------------------------------


def test_second_anonymous_visit_is_a_hit_without_rendering(client, home_page):
    first, miss_queries = page_queries(client, "/")
    second, hit_queries = page_queries(client, "/")
    assert (first.status_code, first["X-Cache"]) == (200, "miss")
    assert (second.status_code, second["X-Cache"]) == (200, "hit")
    assert second.content == first.content
    assert any(PAGE_TABLE in sql for sql in miss_queries)
    # The security headers middleware still looks up the site and its settings; no page
    # is loaded, no template rendered.
    assert not any(PAGE_TABLE in sql for sql in hit_queries)
    assert len(hit_queries) < len(miss_queries) / 3
    assert "Cookie" in second["Vary"]


def test_a_hit_has_the_headers_of_the_miss(client, home_page):
    miss = client.get("/")
    hit = client.get("/")
    for header in ("Content-Security-Policy", "X-Frame-Options", "Permissions-Policy"):
        assert hit[header] == miss[header], header
    # Django's security middleware sits outside the cache and adds its headers every time.
    assert hit["X-Content-Type-Options"] == "nosniff" and hit["Referrer-Policy"]
    assert hit["Content-Length"] == str(len(hit.content))


def test_static_files_bypass_the_cache(client):
    assert client.get("/static/css/site.css")["X-Cache"] == "bypass"


def test_switched_off_nothing_is_cached(client, home_page, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/")
    response, queries = page_queries(client, "/")
    assert "X-Cache" not in response
    assert any(PAGE_TABLE in sql for sql in queries)


def test_query_string_is_part_of_the_key_and_head_uses_the_get_entry(client, home_page):
    assert client.get("/")["X-Cache"] == "miss"
    assert client.get("/?pagina=2")["X-Cache"] == "miss"
    assert client.get("/?pagina=2")["X-Cache"] == "hit"
    head = client.head("/")
    assert (head.status_code, head["X-Cache"], head.content) == (200, "hit", b"")


def test_odd_query_strings_are_cached_like_any_other(client, home_page):
    for url in ("/?q=%ff%fe", "/?q=" + "x" * 3000, "/?a=1&a=2&&="):
        assert client.get(url)["X-Cache"] == "miss"
        response = client.get(url)
        assert (response.status_code, response["X-Cache"]) == (200, "hit")


def test_an_unknown_host_is_refused_not_cached(client, home_page, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    for _ in range(2):
        assert client.get("/", HTTP_HOST="evil.example").status_code == 400


def test_editors_are_never_served_or_stored(client, home_page):
    editor = get_user_model().objects.create_superuser("redacteur", "r@example.nl", "geheim-1234")
    client.force_login(editor)
    logged_in = client.get("/")
    assert logged_in["X-Cache"] == "bypass"
    assert "userbar" in logged_in.text

    visitor = client.__class__()
    first = visitor.get("/")
    assert first["X-Cache"] == "miss"  # the editor's page was not stored
    assert "userbar" not in first.text
    assert client.get("/")["X-Cache"] == "bypass"  # and the visitor's is not served to editors


def test_a_session_or_message_cookie_bypasses_the_cache(client, home_page):
    client.get("/")
    client.cookies[django_settings.SESSION_COOKIE_NAME] = "some-session"
    assert client.get("/")["X-Cache"] == "bypass"
    del client.cookies[django_settings.SESSION_COOKIE_NAME]
    client.cookies["messages"] = "pending"
    assert client.get("/")["X-Cache"] == "bypass"


def test_post_is_neither_served_nor_stored(client, home_page):
    assert client.post("/")["X-Cache"] == "bypass"
    assert client.get("/")["X-Cache"] == "miss"


@pytest.mark.parametrize("url", ["/zoeken/?q=samenwerking", "/healthz", "/admin/login/"])
def test_excluded_paths_are_never_cached(client, home_page, url):
    assert client.get(url)["X-Cache"] == "bypass"
    assert client.get(url)["X-Cache"] == "bypass"


def test_search_stays_rate_limited(client, home_page, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": (2, 60)}
    codes = [client.get("/zoeken/?q=regio").status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_errors_are_not_cached(client, home_page):
    assert client.get("/bestaat-niet/").status_code == 404
    response = client.get("/bestaat-niet/")
    assert (response.status_code, response["X-Cache"]) == (404, "bypass")


def test_pages_with_a_csrf_token_are_not_cached(client, home_page):
    contact = ContactPageFactory(parent=home_page)
    for _ in range(2):
        response = client.get(contact.url)
        assert response.status_code == 200
        assert "csrfmiddlewaretoken" in response.text
        assert response["X-Cache"] == "bypass"


def test_a_broken_cache_serves_pages_uncached(client, home_page, sections, monkeypatch):
    class Unreachable:
        def __getattr__(self, name):
            def fail(*args, **kwargs):
                raise ConnectionError("Error 111 connecting to redis.internal:6379")

            return fail

    monkeypatch.setattr("core.pagecache.cache", Unreachable())
    response = client.get(sections[0].url)
    assert (response.status_code, response["X-Cache"]) == (200, "bypass")
    assert menu(response) == [("Kennis", True), ("Regio", False)]


# --- What outdates cached pages -----------------------------------------------------------


def test_publish_shows_only_after_commit(client, home_page, django_capture_on_commit_callbacks):
    client.get("/")
    with django_capture_on_commit_callbacks() as callbacks:
        home_page.title = "Samen sterker in de regio"
        home_page.save_revision().publish()
        # Until the commit other visitors read the old rows, so the old page is right.
        assert client.get("/")["X-Cache"] == "hit"
    assert callbacks
    for callback in callbacks:
        callback()
    response = client.get("/")
    assert response["X-Cache"] == "miss"
    assert "Samen sterker in de regio" in response.text


def test_unpublish_and_delete_remove_the_page_and_its_menu_item(client, sections, committed):
    kennis, regio, child = sections
    assert client.get(regio.url).status_code == 200
    assert client.get(child.url)["X-Cache"] == "miss"
    assert client.get(child.url)["X-Cache"] == "hit"
    regio_url, child_url = regio.url, child.url

    with committed():
        regio.unpublish()
    assert client.get(regio_url).status_code == 404
    assert menu(client.get(child_url)) == [("Kennis", True)]

    with committed():
        child.delete()
    assert client.get(child_url).status_code == 404


def test_publishing_a_menu_page_and_moving_one_update_the_menu(client, home_page, committed):
    kennis = ProgrammePageFactory(parent=home_page, title="Kennis", slug="kennis")
    assert menu(client.get(kennis.url)) == [("Kennis", True)]

    with committed():
        nieuw = ProgrammePageFactory(parent=home_page, title="Nieuws", slug="nieuws", live=False)
        nieuw.save_revision().publish()
    assert menu(client.get(kennis.url)) == [("Kennis", True), ("Nieuws", False)]

    with committed():
        Page.objects.get(pk=nieuw.pk).move(Page.objects.get(pk=kennis.pk), pos="left")
    assert menu(client.get(kennis.url)) == [("Nieuws", False), ("Kennis", True)]


def test_site_settings_outdate_header_and_footer(client, home_page, committed):
    assert client.get("/")["X-Cache"] == "miss"
    with committed():
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        site_settings.organisation_name = "Regionaal Kennisnetwerk"
        site_settings.save()
    response = client.get("/")
    assert response["X-Cache"] == "miss"
    header, footer = response.text.split('id="inhoud"')
    assert "Regionaal Kennisnetwerk" in header and "Regionaal Kennisnetwerk" in footer


def test_which_saves_start_a_new_generation(home_page, committed):
    def bumps(change):
        before = current_generation()
        with committed():
            change()
        return current_generation() != before

    image = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    assert bumps(lambda: PersonFactory(name="Adviseur"))
    assert bumps(lambda: image.save())
    # Written while rendering or saving a draft: never a public change by itself.
    assert not bumps(lambda: image.get_rendition("width-100"))
    assert not bumps(lambda: home_page.save_revision())
    # Outside the content apps (e.g. a visitor's session, an editor's account).
    assert not bumps(lambda: get_user_model().objects.create_user("lezer"))


def test_pages_and_partnerships_change_the_site_only_through_wagtails_signals(
    home_page, django_user_model, committed
):
    """Drafts, locks and new draft rows never outdate the cache; publishing, unpublishing,
    a row created live and a delete do (Wagtail's public signals and ``live``)."""
    from regions.factories import PartnershipFactory

    def bumps(change):
        before = current_generation()
        with committed():
            change()
        return current_generation() != before

    def lock(instance, user):  # as Wagtail's LockView saves a lock
        instance.locked, instance.locked_by, instance.locked_at = True, user, timezone.now()
        instance.save(update_fields=["locked", "locked_by", "locked_at"])

    editor = django_user_model.objects.create_user("redacteur")
    page = ProgrammePageFactory(parent=home_page, title="Kennis", slug="kennis")
    partnership = PartnershipFactory(name="Techniekpact")
    assert not bumps(lambda: ProgrammePageFactory(parent=home_page, slug="concept", live=False))
    assert not bumps(lambda: PartnershipFactory(name="Nog een concept", live=False))
    assert not bumps(lambda: page.save_revision(user=editor))
    assert not bumps(lambda: partnership.save_revision(user=editor))
    assert not bumps(lambda: lock(page, editor))
    assert not bumps(lambda: lock(partnership, editor))
    # Positive controls: what the public does see.
    assert bumps(lambda: ProgrammePageFactory(parent=home_page, slug="meteen-live"))
    assert bumps(lambda: page.save_revision().publish())
    assert bumps(lambda: partnership.save_revision().publish())
    assert bumps(lambda: Page.objects.get(pk=page.pk).specific.unpublish())
    assert bumps(lambda: Page.objects.get(pk=page.pk).delete())


def test_generation_survives_a_lost_key_and_always_moves_forward(home_page):
    first = current_generation()
    cache.delete(GENERATION_KEY)
    second = current_generation()
    assert second > first


# --- Header and footer fragments ----------------------------------------------------------


def test_menu_marks_the_current_section_with_cached_fragments(client, sections, settings):
    settings.PAGE_CACHE_SECONDS = 0  # render every page, so only the fragments are cached
    kennis, regio, child = sections
    assert menu(client.get(kennis.url)) == [("Kennis", True), ("Regio", False)]
    assert menu(client.get(regio.url)) == [("Kennis", False), ("Regio", True)]
    assert menu(client.get("/")) == [("Kennis", False), ("Regio", False)]
    response, queries = page_queries(client, child.url)
    assert menu(response) == [("Kennis", True), ("Regio", False)]
    # The Kennis section's header came from the cache: no menu query.
    assert not any(MENU_QUERY.search(sql) for sql in queries)


def test_fragments_switched_off_render_every_time(client, sections, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0
    client.get(sections[0].url)
    _response, queries = page_queries(client, sections[2].url)
    assert any(MENU_QUERY.search(sql) for sql in queries)


def test_each_site_gets_its_own_header_and_footer(client, home_page, settings):
    settings.PAGE_CACHE_SECONDS = 0
    other_home = HomePageFactory.build(title="Tweede site", slug="tweede")
    Page.get_first_root_node().add_child(instance=other_home)
    other = Site.objects.create(hostname="tweede.example", port=80, root_page=other_home)
    SiteSettings.objects.create(site=other, organisation_name="Tweede organisatie")

    first = client.get("/").text
    second = client.get("/", HTTP_HOST="tweede.example").text
    assert "Tweede organisatie" not in first
    assert second.count("Tweede organisatie") >= 2  # header and footer


def test_the_tag_refuses_wrong_arguments():
    for source in (
        "{% load frames %}{% cached_frame %}x{% endcached_frame %}",
        '{% load frames %}{% cached_frame "kop" per_page %}x{% endcached_frame %}',
    ):
        with pytest.raises(TemplateSyntaxError, match="Usage"):
            Template(source)


def test_the_tag_renders_without_a_request():
    template = Template('{% load frames %}{% cached_frame "kop" %}{{ tekst }}{% endcached_frame %}')
    assert template.render(Context({"tekst": "Hallo"})) == "Hallo"


# --- The database cache (no REDIS_URL) -----------------------------------------------------

DATABASE_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "test_page_cache",
    }
}


def test_migrate_creates_the_cache_table_and_pages_are_cached_in_it(client, home_page):
    with override_settings(CACHES=DATABASE_CACHE):
        assert "test_page_cache" not in connection.introspection.table_names()
        prepare_cache(sender=None, using="default")  # what post_migrate runs
        assert "test_page_cache" in connection.introspection.table_names()
        assert client.get("/")["X-Cache"] == "miss"
        assert client.get("/")["X-Cache"] == "hit"
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM test_page_cache")
            assert cursor.fetchone()[0] >= 3  # generation, page, header and footer


@pytest.mark.parametrize(
    ("redis_url", "backend"),
    [("", "django.core.cache.backends.db.DatabaseCache"), ("redis://cache:6379/0", "RedisCache")],
)
def test_settings_pick_redis_or_the_database(redis_url, backend):
    env = {**os.environ, "REDIS_URL": redis_url, "DJANGO_SETTINGS_MODULE": "cms.settings.base"}
    result = subprocess.run(
        [sys.executable, "-c", "from cms.settings import base; print(base.CACHES)"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert backend in result.stdout
