"""``/healthz``: 200 when the database and the cache work, a bare 503 when one does not."""

import json
import logging

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db

DATABASE_ERROR = 'could not connect to server: Connection refused. Is the server running on host "db-primary.internal"?'
CACHE_ERROR = "Error 111 connecting to redis.internal:6379. Connection refused."


def test_healthy(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


class BrokenCursor:
    def __enter__(self):
        raise OperationalError(DATABASE_ERROR)

    def __exit__(self, *exc):
        return False


def test_database_down_is_a_bare_503(client, monkeypatch, caplog):
    monkeypatch.setattr("core.health.connection.cursor", lambda: BrokenCursor())
    with caplog.at_level(logging.ERROR, logger="core.health"):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "unavailable"}
    assert b"db-primary" not in response.content and b"refused" not in response.content
    assert "no-store" in response["Cache-Control"]
    assert "database unavailable" in caplog.text  # the reason is in the log for operators


@pytest.mark.parametrize("failure", ["raises", "loses the value"])
def test_cache_down_is_a_bare_503(client, monkeypatch, caplog, failure):
    def set_fails(*args, **kwargs):
        raise ConnectionError(CACHE_ERROR)

    if failure == "raises":
        monkeypatch.setattr("core.health.cache.set", set_fails)
    else:
        monkeypatch.setattr("core.health.cache.get", lambda *args, **kwargs: None)
    with caplog.at_level(logging.ERROR, logger="core.health"):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "unavailable"}
    assert b"redis" not in response.content
    assert "cache" in caplog.text


def test_only_get_and_head(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_never_cached_and_never_rate_limited(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.RATE_LIMITS = {scope: (1, 60) for scope in settings.RATE_LIMITS}
    for _ in range(5):
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response["X-Cache"] == "bypass"
