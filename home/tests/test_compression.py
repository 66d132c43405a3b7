"""gzip for generated text (core/middleware.py), stored compressed in the page cache."""

import gzip

import pytest
from django.core.cache import cache
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from core.middleware import CompressTextMiddleware

pytestmark = pytest.mark.django_db
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture(autouse=True)
def caching_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def test_pages_are_compressed_for_clients_that_take_gzip(client, home_page):
    plain = client.get("/")
    packed = client.get("/", **GZIP)
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert len(packed.content) < len(plain.content) / 2
    assert gzip.decompress(packed.content) == plain.content


def test_the_cache_keeps_a_compressed_and_a_plain_copy(client, home_page):
    assert client.get("/", **GZIP)["X-Cache"] == "miss"
    plain = client.get("/")
    assert (plain["X-Cache"], plain.get("Content-Encoding")) == ("miss", None)
    hit = client.get("/", **GZIP)
    assert (hit["X-Cache"], hit["Content-Encoding"]) == ("hit", "gzip")
    plain_hit = client.get("/")
    assert (plain_hit["X-Cache"], plain_hit.get("Content-Encoding")) == ("hit", None)
    assert gzip.decompress(hit.content) == plain_hit.content


@pytest.mark.parametrize(
    "content_type, compressed",
    [
        ("text/html; charset=utf-8", True),
        ("text/csv; charset=utf-8", True),
        ("application/geo+json; charset=utf-8", True),
        ("application/rss+xml; charset=utf-8", True),
        ("image/png", False),
        ("application/pdf", False),
        ("", False),
    ],
)
def test_only_text_types_are_compressed(content_type, compressed):
    request = RequestFactory().get("/", **GZIP)
    response = HttpResponse(b"tekst " * 200, content_type=content_type)
    if not content_type:
        del response["Content-Type"]
    response = CompressTextMiddleware(lambda _request: response)(request)
    assert (response.get("Content-Encoding") == "gzip") is compressed


def test_streamed_files_are_left_alone():
    request = RequestFactory().get("/", **GZIP)
    response = StreamingHttpResponse([b"tekst " * 200], content_type="text/plain")
    response = CompressTextMiddleware(lambda _request: response)(request)
    assert not response.has_header("Content-Encoding")
    assert b"".join(response.streaming_content) == b"tekst " * 200


def test_pages_vary_only_on_what_changes_them(client, home_page):
    """Cookie (an editor gets the user bar) and encoding; not the browser's language."""
    for headers in ({}, {**GZIP, "HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}):
        response = client.get("/", **headers)
        vary = {part.strip().lower() for part in response["Vary"].split(",")}
        assert vary == {"cookie", "accept-encoding"}
        body = response.content
        if response.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        assert b'lang="nl"' in body
