"""Wagtail's routes, remembered per content generation: a page is found with one query.

Wagtail finds the page for a URL by walking the tree: the site (one query), then per path
segment the child page and its specific row (two queries each). On the load-test data that
is 3 to 5 queries and 5 to 9 ms of ORM work before a page two levels deep starts to render.
Where a path leads changes only when content changes, and every such change starts a new
content generation (core/pagecache.py). So ``RouteMemoMiddleware`` remembers, per process
and per generation, which site answers a host and where each successful route went (the
page's class and id, and for a routable page its sub-view), and gives Wagtail that answer
on the next request: Wagtail reads ``request._wagtail_site`` before it looks the site up
(``Site.find_for_request``) and ``request._wagtail_route_for_request`` before it routes
(``Page.route_for_request``). The page itself is still read fresh, with ``live=True``.

Only routes that ended in a 200 are remembered, at most ``MAX_ROUTES`` per generation (and
``MAX_SITES`` hosts), so made-up URLs cannot fill the memory. It is on when
``FRAGMENT_CACHE_SECONDS`` is (like the cached header and footer it trusts the generation)
and the shared cache is reachable.
"""

import pickle  # nosec B403  # only the process's own Site objects, never outside data
import threading

from django.conf import settings
from wagtail import views as wagtail_views
from wagtail.models import Site
from wagtail.url_routing import RouteResult

from core.pagecache import current_generation

MAX_ROUTES = 20_000
# Hosts are checked against ALLOWED_HOSTS, which may hold a wildcard (".example.nl").
MAX_SITES = 100


class _Memo:
    """What one process learned in one content generation."""

    def __init__(self, generation):
        self.generation = generation
        self.sites = {}  # (host, port) -> pickled Site, unpickled afresh for each request
        self.routes = {}  # (site id, path) -> (page class, page id, args, kwargs, match)


_current = _Memo(None)
_lock = threading.Lock()


def memo_for(generation):
    """The memo of ``generation``; None for an older generation or no cache."""
    global _current
    if generation is None:
        return None
    with _lock:
        if _current.generation is None or generation > _current.generation:
            _current = _Memo(generation)
        return _current if _current.generation == generation else None


def forget():
    """Drop everything remembered (tests, and nothing else, need this)."""
    global _current
    with _lock:
        _current = _Memo(None)


class RouteMemoMiddleware:
    """Hand Wagtail's serve view the site and route it found before (module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        learn = getattr(request, "_route_memo_learn", None)
        if learn and request.method == "GET" and response.status_code == 200:
            remember_route(request, *learn)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or not settings.FRAGMENT_CACHE_SECONDS:
            return None
        memo = memo_for(current_generation(request))
        if memo is None:
            return None
        site = site_for(request, memo)
        if site is None:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        if not recall_route(request, memo, (site.pk, path)):
            request._route_memo_learn = (memo, (site.pk, path))
        return None


def site_for(request, memo):
    """The request's Site, from the memo when this process looked it up before."""
    key = (request.get_host(), request.get_port())
    pickled = memo.sites.get(key)
    if pickled is not None:
        request._wagtail_site = pickle.loads(pickled)  # nosec B301  # pickled just below
        return request._wagtail_site
    site = Site.find_for_request(request)
    if site is not None and len(memo.sites) < MAX_SITES:
        memo.sites[key] = pickle.dumps(site)
    return site


def recall_route(request, memo, key):
    """Set Wagtail's route for this request from the memo; False when it has none."""
    known = memo.routes.get(key)
    if known is None:
        return False
    page_class, page_id, args, kwargs, resolver_match = known
    page = page_class.objects.filter(pk=page_id, live=True).first()
    if page is None:  # gone since, in a generation not yet over
        return False
    if resolver_match is not None:
        request.routable_resolver_match = resolver_match
    request._wagtail_route_for_request = RouteResult(page, args=list(args), kwargs=dict(kwargs))
    return True


def remember_route(request, memo, key):
    result = getattr(request, "_wagtail_route_for_request", None)
    if result is None or len(memo.routes) >= MAX_ROUTES:
        return
    memo.routes[key] = (
        type(result.page),
        result.page.pk,
        tuple(result.args),
        dict(result.kwargs),
        getattr(request, "routable_resolver_match", None),
    )
