"""core/ratelimit.py on the caches the site runs on: the window is what Retry-After says.

On Django's database cache (the default without Redis) ``incr()`` stores the count with the
cache's default timeout, so every refused request restarted the window: after a burst of
searches, /zoeken/ kept answering 429 (Retry-After: 60) for more than five minutes. These
tests use real clocks and short windows, on the database cache and on Redis.
"""

import time
import uuid

import pytest
import redis
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

REDIS_URL = "redis://127.0.0.1:6379/5"


def database_cache(prefix, timeout):
    return {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "django_cache",
        "KEY_PREFIX": prefix,
        "TIMEOUT": timeout,
    }


def redis_cache(prefix, timeout):
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        pytest.skip(f"Redis at {REDIS_URL} does not answer ({error}): start redis-server")
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": prefix,
        "TIMEOUT": timeout,
    }


@pytest.fixture(params=["database", "redis"])
def shared_cache(request, db, settings):
    """A cache like production's, with its own key prefix; ``(timeout)`` sets its default."""
    prefix = f"ratelimit-test-{uuid.uuid4().hex}"
    make = database_cache if request.param == "database" else redis_cache
    configured = []

    def configure(timeout=300):
        settings.CACHES = {"default": make(prefix, timeout)}
        # The test settings' cache is in memory, so migrate made no table (home/apps.py).
        call_command("createcachetable", verbosity=0)
        configured.append(True)

    yield configure
    if configured and request.param == "redis":
        cache.delete_pattern("*")  # this prefix's keys only


def search(client):
    """One search request (no query: only the rate limit and the page)."""
    return client.get("/zoeken/")


def retry_after(response):
    assert response.status_code == 429
    seconds = int(response["Retry-After"])
    assert seconds > 0
    return seconds


def test_refused_requests_do_not_restart_the_window(client, home_page, settings, shared_cache):
    shared_cache()  # the cache's default timeout (5 minutes) is longer than the window
    # Windows of a few seconds, long enough for a busy test machine's requests to fit in.
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": (2, 5)}
    assert [search(client).status_code for _ in range(2)] == [200, 200]
    first = retry_after(search(client))
    assert first <= 5
    assert search(Client(REMOTE_ADDR="192.0.2.8")).status_code == 200  # a window per address
    for _ in range(2):  # a client that keeps trying
        assert retry_after(search(client)) <= first
    time.sleep(first + 0.2)
    assert search(client).status_code == 200  # the window ended when Retry-After said


def test_the_window_lasts_as_long_as_retry_after_says(client, home_page, settings, shared_cache):
    shared_cache(timeout=1)  # the cache's default timeout is shorter than the window
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": (1, 5)}
    started = time.monotonic()
    assert search(client).status_code == 200
    first = retry_after(search(client))
    time.sleep(1.6)
    second = retry_after(search(client))  # still refused after the cache's own timeout
    assert second < first
    time.sleep(max(0, first - (time.monotonic() - started)) + 0.2)
    assert search(client).status_code == 200


def test_retry_after_and_the_page_say_the_same(client, home_page, settings, shared_cache):
    shared_cache()
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "contact": (0, 3600), "search": (0, 90)}
    response = search(client)
    assert 85 <= retry_after(response) <= 90
    assert "Probeer het over 2 minuten opnieuw" in response.text
