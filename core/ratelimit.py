"""A small fixed-window rate limit in the shared cache, for visitor-facing forms and search.

Counting happens in the cache (Redis in production), so every app server behind the
load balancer shares one count per client. Limits live in ``settings.RATE_LIMITS`` as
``scope: (requests, seconds)``.
"""

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


def over_limit(request, scope):
    """Count this request against ``scope``; True when the client went over the limit."""
    limit, period = settings.RATE_LIMITS[scope]
    key = f"ratelimit:{scope}:{client_address(request)}"
    # add() only sets a missing key, so the window starts at the first request.
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:
        # The key expired between add() and incr(): this request opens a new window.
        cache.set(key, 1, timeout=period)
        count = 1
    return count > limit


def too_many_requests(request, scope):
    """The polite Dutch 429 page, with Retry-After so well-behaved clients wait."""
    _limit, period = settings.RATE_LIMITS[scope]
    response = render(
        request, "429.html", {"retry_after_minutes": max(1, period // 60)}, status=429
    )
    response["Retry-After"] = str(period)
    return response
