"""A small fixed-window rate limit in the shared cache, for visitor-facing forms and search.

Counting happens in the cache (Redis in production, a database table without it), so every
app server behind the load balancer shares one count per client. Limits live in
``settings.RATE_LIMITS`` as ``scope: (requests, seconds)``.

A client's window starts with its first request and lasts ``seconds``; its start is kept
in the cache and names the window's counter, so the window ends when ``Retry-After`` says,
on every cache backend. Before, Django's database cache stored each ``incr()`` with its
default timeout (5 minutes), so every refused request restarted the window; now the
counter's lifetime is only housekeeping, and ``touch()`` keeps it until the window's end.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render


def client_address(request):
    """The visitor's address; behind a trusted proxy the last X-Forwarded-For hop it added."""
    if settings.RATE_LIMIT_TRUST_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR", "")


def window(request, scope):
    """(counter key, whole seconds left) of the client's current window in ``scope``.

    The first request of a window stores its start (``add()`` sets only a missing key);
    the counter's key carries that start, so an old window's count never carries over.
    """
    _limit, period = settings.RATE_LIMITS[scope]
    now = time.time()
    start_key = f"ratelimit:{scope}:{client_address(request)}"
    cache.add(start_key, now, timeout=period)
    start = cache.get(start_key, now)
    seconds_left = math.ceil(start + period - now)
    if seconds_left <= 0:  # the start key outlived its window (a cache's rounding)
        cache.set(start_key, now, timeout=period)
        start, seconds_left = now, period
    return f"{start_key}:{start!r}", seconds_left


def over_limit(request, scope):
    """Count this request against ``scope``; True when the client went over the limit."""
    limit, _period = settings.RATE_LIMITS[scope]
    key, seconds_left = window(request, scope)
    cache.add(key, 0, timeout=seconds_left)
    try:
        count = cache.incr(key)
    except ValueError:
        # The counter went between add() and incr() (culled, or the cache restarted).
        cache.set(key, 1, timeout=seconds_left)
        count = 1
    # The counter must last until the window ends, whatever incr() did to its lifetime.
    cache.touch(key, timeout=seconds_left)
    return count > limit


def too_many_requests(request, scope):
    """The polite Dutch 429 page, with Retry-After: the seconds until the window ends."""
    _key, seconds_left = window(request, scope)
    response = render(
        request, "429.html", {"retry_after_minutes": math.ceil(seconds_left / 60)}, status=429
    )
    response["Retry-After"] = str(seconds_left)
    return response
