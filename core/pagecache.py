"""Whole-page cache for anonymous visitors, and the content generation that invalidates it.

Every cached page and fragment key contains the *content generation*: a number in the
shared cache that changes whenever published content may have changed (a page or snippet
published, unpublished, moved or deleted; a setting, taxonomy term, person, document or
image saved; every ``migrate``, so a deploy with new templates starts afresh). Old entries
are then never read again and expire on their own, so nothing has to know which URLs
showed what.

The generation is a nanosecond timestamp rather than a counter: if the cache loses the key
(eviction, restart), the new value is still newer than any generation used before, and
the open data's Last-Modified can be derived from it (see ``generation_time``).

``PageCacheMiddleware`` stores only what is the same for every visitor: GET responses with
status 200 to requests without a session or messages cookie, that set no cookie, used no
CSRF token, vary on nothing but Cookie/Accept-Language/Accept-Encoding and are not marked
private; never the paths in ``settings.PAGE_CACHE_EXCLUDED_PATHS`` (admin, documents,
rate-limited search, health check, static and media files). A hit answers conditional
requests itself (ETag / Last-Modified of the stored response).
``X-Cache: hit | miss | bypass`` shows what happened.
"""

import functools
import hashlib
import logging
import threading
import time
from datetime import UTC, datetime

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import parse_http_date_safe
from wagtail.models import DraftStateMixin, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

logger = logging.getLogger(__name__)

GENERATION_KEY = "content-generation"

# Saving or deleting a row of these apps may change what a public page shows. Our own apps
# say so on their AppConfig (``shows_public_content = True``, see content_apps()); the
# core may not name the apps above it.
THIRD_PARTY_CONTENT_APPS = {"wagtailcore", "wagtaildocs", "wagtailimages", "taggit"}
# Rows of those apps that never change a public page, but are written often: by editors
# saving drafts and commenting, by Wagtail's bookkeeping, or while rendering a page
# (renditions). Publishing sends its own signal.
IGNORED_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.referenceindex",
    "wagtailcore.uploadedfile",
    "wagtailimages.rendition",
}
# The response headers a cached page may vary on: the cache serves only visitors without a
# session, the site speaks one language, and the key says whether the client takes gzip.
SAFE_VARY = {"cookie", "accept-language", "accept-encoding"}
UNCACHEABLE_CACHE_CONTROL = {"private", "no-cache", "no-store"}
# Django's cookie-based message storage; a pending message is meant for one visitor.
MESSAGES_COOKIE = "messages"


# --- The shared cache, failing soft -------------------------------------------------------
# An unreachable cache must not take the site down: pages are then served uncached. The
# health check (core/health.py) reports the failure instead.


def cache_get(key):
    try:
        return cache.get(key)
    except Exception as error:  # the backend's own errors differ (Redis, database)
        logger.warning("Cache unavailable, serving uncached: %s", error)
        return None


def cache_set(key, value, timeout):
    try:
        cache.set(key, value, timeout)
    except Exception as error:
        logger.warning("Cache unavailable, not stored: %s", error)


# --- The content generation ----------------------------------------------------------------


def current_generation(request=None):
    """The content generation, read once per request; None when the cache is unreachable.

    A request keeps the generation it started with: a page rendered while a publish
    commits is stored under the old generation, which nobody reads any more.
    """
    if request is not None and hasattr(request, "content_generation"):
        return request.content_generation
    generation = cache_get(GENERATION_KEY)
    if generation is None:
        try:
            # add() keeps a value another process set in the meantime.
            cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
            generation = cache.get(GENERATION_KEY)
        except Exception as error:
            logger.warning("Cache unavailable, serving uncached: %s", error)
    if request is not None:
        request.content_generation = generation
    return generation


def generation_time(generation):
    """When the generation started, as an aware datetime (for Last-Modified)."""
    return datetime.fromtimestamp(generation / 1e9, tz=UTC)


def bump_generation():
    """Start a new content generation now: every cached page and fragment is outdated."""
    previous = cache_get(GENERATION_KEY) or 0
    # Strictly newer even if the clock stepped back.
    cache_set(GENERATION_KEY, max(time.time_ns(), previous + 1), None)


_pending = threading.local()
# True while ``migrate`` runs: data migrations save rows before the database cache table
# exists; migrate ends with one bump of its own (core/apps.py).
migrating = False


def _bump_if_pending():
    if getattr(_pending, "bump", False) and not migrating:
        _pending.bump = False
        bump_generation()


def content_changed(**_kwargs):
    """Signal receiver: bump the generation once the current transaction has committed.

    Bumping earlier would let a request read the new generation, then the old rows, and
    cache those. A publish sends dozens of signals; the flag makes its commit bump once.
    A rolled-back transaction leaves the flag set, which costs one extra bump later.
    """
    _pending.bump = True
    transaction.on_commit(_bump_if_pending, robust=True)


@functools.cache
def content_apps():
    """Labels of the apps whose rows public pages show (once the app registry is ready)."""
    return THIRD_PARTY_CONTENT_APPS | {
        config.label
        for config in apps.get_app_configs()
        if getattr(config, "shows_public_content", False)
    }


def model_changed(sender, **kwargs):
    """post_delete / m2m_changed receiver for every model; filters by label."""
    meta = sender._meta
    if meta.app_label not in content_apps() or meta.label_lower in IGNORED_MODELS:
        return
    content_changed()


def model_saved(sender, instance, created=False, **kwargs):
    """post_save receiver for every model.

    Pages and snippets with drafts (Wagtail's ``DraftStateMixin``) change on the public site
    through Wagtail's own signals: published, unpublished, moved (and deleted, above). Their
    other saves record a draft, a lock or a workflow step, so only the creation of a row that
    is live at once counts (a page copied or aliased live, factories, the load-test data).
    """
    if isinstance(instance, DraftStateMixin) and not (created and instance.live):
        return
    model_changed(sender)


def connect_signals():
    """Called once from CoreConfig.ready()."""
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(content_changed, dispatch_uid=f"pagecache-{id(signal)}")
    post_save.connect(model_saved, dispatch_uid="pagecache-model-saved")
    for signal in (post_delete, m2m_changed):
        signal.connect(model_changed, dispatch_uid=f"pagecache-model-{id(signal)}")


# --- Fragments (see core/templatetags/frames.py) --------------------------------------------


def menu_section(request, page):
    """The url_path of the top-level page ``page`` lies in ("" for the home page or none).

    The main menu marks exactly that item as current, so a header cached per section
    never shows another section as current.
    """
    site = Site.find_for_request(request)
    if page is None or site is None:
        return ""
    # Wagtail keeps the site root paths in the cache: no query.
    root_path = next(
        (root.root_path for root in Site.get_site_root_paths() if root.site_id == site.pk), ""
    )
    url_path = getattr(page, "url_path", "") or ""
    if not root_path or not url_path.startswith(root_path):
        return ""
    first = url_path[len(root_path) :].split("/", 1)[0]
    return f"{root_path}{first}/" if first else ""


def fragment_key(request, name, page=None, per_section=False):
    """The cache key of a site-wide fragment, or None when it cannot be cached now."""
    generation = current_generation(request)
    site = Site.find_for_request(request)
    if generation is None or site is None:
        return None
    section = menu_section(request, page) if per_section else ""
    digest = hashlib.sha256(section.encode()).hexdigest()[:32]
    return f"fragment:{generation}:{name}:{site.pk}:{digest}"


# --- Whole pages ----------------------------------------------------------------------------


def is_cacheable_request(request):
    """Only anonymous GET/HEAD requests outside the excluded paths."""
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS)):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or MESSAGES_COOKIE in cookies:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def is_cacheable_response(request, response):
    """Only a complete 200 that is the same for every visitor without a session."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_USED"):
        return False
    cache_control = {
        part.split("=")[0].strip().lower() for part in response.get("Cache-Control", "").split(",")
    }
    if cache_control & UNCACHEABLE_CACHE_CONTROL:
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= SAFE_VARY


def page_key(request, generation):
    """Scheme, host, path, the raw query string (filters) and whether the client takes gzip
    (core/middleware.py compresses inside this cache) identify a cached page."""
    gzip = "gzip" if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else ""
    url = "|".join(
        (
            request.scheme,
            request.get_host(),
            request.path,
            request.META.get("QUERY_STRING", ""),
            gzip,
        )
    )
    digest = hashlib.sha256(url.encode("utf-8", "backslashreplace")).hexdigest()
    return f"page:{generation}:{digest}"


def response_from_entry(request, entry):
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    response["X-Cache"] = "hit"
    if not (response.has_header("ETag") or response.has_header("Last-Modified")):
        return response
    # The view is skipped, so answer If-None-Match / If-Modified-Since here.
    conditional = get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )
    conditional["X-Cache"] = "hit"
    return conditional


class PageCacheMiddleware:
    """Serve anonymous visitors' pages from the shared cache (module docstring).

    Sits right after Django's SecurityMiddleware, so that on the way out it sees every
    cookie and header the inner middleware added, and stores the headers with the page:
    the Content-Security-Policy too, which depends only on settings and SiteSettings (a
    change there starts a new generation).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds:
            return self.get_response(request)
        generation = current_generation(request) if is_cacheable_request(request) else None
        if generation is None:
            response = self.get_response(request)
            response["X-Cache"] = "bypass"
            return response
        key = page_key(request, generation)
        entry = cache_get(key)
        if entry is not None:
            return response_from_entry(request, entry)
        response = self.get_response(request)
        if not is_cacheable_response(request, response):
            response["X-Cache"] = "bypass"
            return response
        # A logged-in editor gets another page (the user bar) at the same URL.
        patch_vary_headers(response, ["Cookie"])
        entry = {
            "status": response.status_code,
            "content": response.content,
            "headers": list(response.headers.items()),
        }
        cache_set(key, entry, seconds)
        response["X-Cache"] = "miss"
        return response
