"""Wagtail's routes, remembered per content generation: the walk down the tree is skipped.

Wagtail finds the page for a URL by walking the tree: the site (one query), the site's root
page as its specific type (one), then per path segment the child page and its specific row
(two queries each). Where a path leads changes only when content changes, and every such
change starts a new content generation (core/pagecache.py). So the site's root page
(``RouteMemoMixin``, on the home page) remembers, per process and per generation, where each
successful route below it went: the page's class and id and the path segments that page
handled itself (a routable page's sub-view). The next request for that path reads the page
fresh, with ``live=True``, and lets the page route the rest itself (``Page.route()``), which
for a routable page sets its sub-view and otherwise checks that it is live.

Only Wagtail's public API is used: ``Page.route()`` is the documented place to change
routing. The site lookup and the root page's specific row are Wagtail's own work before it
calls ``route()``, so they stay (two queries more than a memo that wrote Wagtail's
per-request attributes; docs/performance.md has the figures).

Only routes that ended in a 200 to a GET are remembered (``RouteMemoMiddleware`` learns them
once the response is known), at most ``MAX_ROUTES`` per generation, so made-up URLs cannot
fill the memory. It is on when ``FRAGMENT_CACHE_SECONDS`` is (like the cached header and
footer it trusts the generation) and the shared cache is reachable.
"""

import threading

from django.conf import settings

from core.pagecache import current_generation

MAX_ROUTES = 20_000


class Memo:
    """What one process learned in one content generation."""

    def __init__(self, generation):
        self.generation = generation
        # (root page id, path segments) -> (page class, page id, segments the page handles)
        self.routes = {}


_current = Memo(None)
_lock = threading.Lock()


def memo_for(generation):
    """The memo of ``generation``; None for an older generation or no cache."""
    global _current
    if generation is None:
        return None
    with _lock:
        if _current.generation is None or generation > _current.generation:
            _current = Memo(generation)
        return _current if _current.generation == generation else None


def current_memo():
    """The memo of the newest generation this process has seen (for tests and checks)."""
    return _current


def forget():
    """Drop everything remembered (tests, and nothing else, need this)."""
    global _current
    with _lock:
        _current = Memo(None)


class RouteMemoMixin:
    """For the page type at the root of a site: route from the memo when it knows the path."""

    def route(self, request, path_components):
        memo = memo_for(current_generation(request)) if settings.FRAGMENT_CACHE_SECONDS else None
        if memo is None:
            return super().route(request, path_components)
        key = (self.pk, tuple(path_components))
        known = memo.routes.get(key)
        if known is not None:
            page_class, page_id, rest = known
            page = page_class.objects.filter(pk=page_id, live=True).first()
            if page is not None:  # else gone since, in a generation not yet over
                return page.route(request, list(rest))
        result = super().route(request, path_components)
        if result.page.pk != self.pk:  # this page itself is found without a query
            # Each level of the tree below this page handled one segment; the page found
            # handled the rest itself.
            rest = tuple(path_components[result.page.depth - self.depth :])
            request.route_memo_candidate = (memo, key, (type(result.page), result.page.pk, rest))
        return result


class RouteMemoMiddleware:
    """Remember a route once it has answered a GET with 200 (module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        candidate = getattr(request, "route_memo_candidate", None)
        if candidate and request.method == "GET" and response.status_code == 200:
            memo, key, route = candidate
            if len(memo.routes) < MAX_ROUTES:
                memo.routes[key] = route
        return response
