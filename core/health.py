"""``/healthz`` for the load balancer: can this app server reach its database and cache?

200 ``{"status": "ok"}`` when both answer; 503 ``{"status": "unavailable"}`` otherwise,
without any detail (no error text, no host names): the reason goes to the log. Never
cached (no-store, and excluded from the page cache), not rate-limited, no session.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_works():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_works():
    # A key of its own per check: concurrent checks must not read each other's value.
    key = f"healthz:{secrets.token_hex(8)}"
    value = secrets.token_hex(8)
    cache.set(key, value, 10)
    works = cache.get(key) == value
    cache.delete(key)
    return works


@never_cache
@require_safe
def healthz(request):
    for name, check in (("database", database_works), ("cache", cache_works)):
        try:
            works = check()
        except Exception as error:  # any failure of the backend means "not healthy"
            logger.error("Health check: %s unavailable: %s", name, error)
            return JsonResponse({"status": "unavailable"}, status=503)
        if not works:
            logger.error("Health check: %s gave a wrong answer", name)
            return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
