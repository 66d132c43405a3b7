"""Shared pieces of the property-based tests that send random input to every public URL.

Each app's ``test_fuzz.py`` builds the demo site once per module (``demo_database``), lists
the public URLs (``public_urls``) and sends them query strings, path segments and form
values drawn by hypothesis. ``check_response`` holds what every answer must satisfy: never
a server error, and a Dutch page for the visitor when the answer is HTML.

``FUZZ_EXAMPLES=<factor>`` multiplies the number of examples for a longer run by hand.
"""

import os
from contextlib import contextmanager, suppress
from urllib.parse import quote, quote_from_bytes, urlencode

from django.apps import apps
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from wagtail.models import Page

EXAMPLE_FACTOR = float(os.environ.get("FUZZ_EXAMPLES", "1"))
NOT_FOUND_TEXT = "Pagina niet gevonden"
NOT_FOUND_PATH = "/bestaat-niet/"


def fuzz_settings(examples):
    """Hypothesis settings of one fuzz test: ``examples`` requests, no time limit per request."""
    return settings(
        max_examples=max(1, int(examples * EXAMPLE_FACTOR)),
        deadline=None,
        # The client and the database are shared by all examples of a test, on purpose.
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
        # Keep the checkout clean; a failure prints its falsifying example to replay.
        database=None,
        print_blob=True,
    )


# --- the demo site, once per test module --------------------------------------------------


@contextmanager
def demo_database(django_db_blocker):
    """Load the demo content in one transaction that is rolled back when the module ends.

    The fuzz tests measure input handling, not the rate limits: with the real ones (e.g.
    5 contact messages an hour) nearly every example would get the 429 page. So every
    scope is lifted here, and a 429 counts as a failure.
    """
    unlimited = {
        scope: (10**9, period) for scope, (_n, period) in django_settings.RATE_LIMITS.items()
    }
    with django_db_blocker.unblock(), override_settings(RATE_LIMITS=unlimited):
        cache.clear()
        try:
            with transaction.atomic():
                call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
                yield
                transaction.set_rollback(True)
        finally:
            # Wagtail caches the site root paths; they pointed at rows that are gone now.
            cache.clear()


def public_urls():
    """Every public URL of the site: pages, their routes, documents and the fixed views.

    Returns a dict family → list of URLs. Routes of routable pages are listed by hand
    here: the page tree does not know them.
    """
    urls = {"page": [], "route": [], "document": [], "fixed": []}
    pages = Page.objects.live().public().filter(depth__gt=1).specific().order_by("path")
    for page in pages:
        url = page.url
        urls["page"].append(url)
        kind = page._meta.label
        if kind == "regions.NetworkMapPage":
            urls["route"] += [url + "kaart.geojson", url + "export.csv"]
            urls["route"] += [
                page.partnership_url(partnership)
                for partnership in apps.get_model("regions", "Partnership").objects.filter(
                    live=True
                )
            ]
        elif kind == "regions.RegionIndexPage":
            urls["route"].append(url + "kaart.geojson")
        elif kind == "news.NewsIndexPage":
            urls["route"].append(url + "feed/")
        elif kind == "events.EventIndexPage":
            urls["route"] += [url + "archief/", url + "agenda.ics"]
        elif kind == "events.EventPage":
            urls["route"].append(url + "bijeenkomst.ics")
    document_model = apps.get_model("core", "AccessibleDocument")
    urls["document"] = [document.url for document in document_model.objects.order_by("pk")]
    urls["fixed"] = [
        "/zoeken/",
        "/sitemap/",
        "/sitemap.xml",
        "/sitemap-paginas.xml",
        "/sitemap-samenwerkingen.xml",
        "/robots.txt",
        NOT_FOUND_PATH,
    ]
    # The load balancer's health check, where the project has one.
    with suppress(Resolver404):
        urls["fixed"] += ["/healthz"] if resolve("/healthz").url_name == "healthz" else []
    return urls


# --- strategies ----------------------------------------------------------------------------

# Any character a URL or form can carry as UTF-8 (lone surrogates cannot be encoded).
any_char = st.characters(exclude_categories=("Cs",))
control_chars = st.characters(max_codepoint=0x1F) | st.sampled_from("\x7f\x85\u2028\u200b\ufeff")
# Characters with a meaning somewhere: in URLs, SQL, full-text queries, HTML, CSV.
syntax_chars = st.sampled_from("%&=+#?;/\\'\"<>:!*()|~^[]{},.-_ @\t\n\r")
nasty_text = st.text(st.one_of(any_char, control_chars, syntax_chars), max_size=30)


# Markup that must never come back unescaped (a reflected cross-site script).
MARKUP = ["<script>fuzz()</script>", '"><svg onload=fuzz()>', "'><img src=x onerror=fuzz()>"]


def long_strings():
    """Huge values, built by repetition: hypothesis would be slow to draw them char by char."""
    return st.builds(
        lambda piece, count: piece * count,
        st.sampled_from(["a", "é", "\x00", "%", "ab cd ", "🚀", "1"]),
        st.integers(min_value=201, max_value=20_000),
    )


def values(known=()):
    """Values of a query-string or form parameter: mostly nonsense, sometimes a real one.

    ``one_of`` picks its branches about equally often, so a branch listed twice is
    drawn twice as often.
    """
    strategies = [
        nasty_text,
        nasty_text,
        # A NUL byte inside: PostgreSQL refuses it in any string.
        st.tuples(nasty_text, nasty_text).map(lambda parts: "\x00".join(parts)),
        st.text(control_chars, min_size=1, max_size=5),
        st.integers().map(str),
        st.integers(min_value=-(10**40), max_value=10**40).map(str),
        st.floats().map(str),  # nan, inf, 1e+300, -0.0
        st.binary(max_size=12).map(quote_from_bytes),  # "%FF%00": percent signs in the value
        long_strings(),
        st.sampled_from(["", " ", "0", "-1", "1", "99999999999999999999", "None", "\x00", "'"]),
        st.sampled_from(MARKUP),
    ]
    if known:
        real = st.sampled_from(sorted(known))
        # Real values, as they are and spoilt: " twente", "twente\x00", "TWENTE".
        spoilt = st.tuples(nasty_text, real, nasty_text).map("".join)
        strategies += [real, real, spoilt, real.map(str.upper)]
    return st.one_of(*strategies)


def keys(names):
    """Parameter names: mostly the real ones, also near misses and random text."""
    real = st.sampled_from(sorted(names))
    return st.one_of(
        real,
        real,
        real,
        real.map(str.upper),
        real.map(lambda name: name + "[]"),
        nasty_text,
    )


def param_lists(names, known=()):
    """(key, value) pairs; repeated keys come naturally from drawing a list."""
    return st.lists(st.tuples(keys(names), values(known)), max_size=6)


def encoded_query_strings(names, known=()):
    """Query strings as a browser sends them: UTF-8, percent-encoded by urlencode."""
    return param_lists(names, known).map(urlencode)


raw_bytes = st.one_of(
    st.binary(max_size=12),
    st.sampled_from([b"%", b"%%", b"%zz", b"%ff", b"%c3%28", b"%ed%a0%80", b"%00", b"%2", b"+"]),
    st.sampled_from([b"&", b"=", b"==", b";", b"#", b"?", b"\xff\xfe", b"\xc3", b"\x00"]),
)


def raw_query_strings(names, known=()):
    """Query strings built byte by byte: broken percent-encodings, invalid UTF-8, stray ``&=``.

    WSGI hands QUERY_STRING to Django as bytes decoded as latin-1; so do these.
    """
    name = st.sampled_from(sorted(names)).map(str.encode)
    real = st.sampled_from(sorted(known) or [""]).map(lambda value: quote(value).encode())
    key = st.one_of(name, name, raw_bytes)
    value = st.one_of(real, raw_bytes, st.lists(st.one_of(real, raw_bytes), max_size=4))
    value = value.map(lambda drawn: b"".join(drawn) if isinstance(drawn, list) else drawn)
    pair = st.tuples(key, st.sampled_from([b"=", b"=", b"", b"=="]), value).map(b"".join)
    separator = st.sampled_from([b"&", b"&", b"&", b";", b"&&", b"%26"])
    return st.lists(st.tuples(pair, separator), max_size=6).map(
        lambda items: b"".join(p + s for p, s in items).decode("latin-1")
    )


# Request headers a view or middleware reads (language, cache validation, proxies, cookies).
HEADER_NAMES = [
    "HTTP_HOST",
    "HTTP_ACCEPT_LANGUAGE",
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_COOKIE",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_REFERER",
    "HTTP_USER_AGENT",
    "HTTP_ACCEPT",
    "HTTP_RANGE",
]
# WSGI hands headers to Django as their bytes decoded as latin-1; so do these.
header_values = st.one_of(
    nasty_text,
    st.binary(max_size=40),
    long_strings(),
    st.sampled_from(
        ['"abc"', "*", 'W/"x", *', "Mon, 01 Jan 3000 00:00:00 GMT", "bytes=0-0", "bytes=-1"]
        + ["nl", "en;q=2", "*;q=nan", "csrftoken=%00; sessionid=", "[::1]", "a" * 300 + ".nl"]
    ),
)
headers = st.dictionaries(
    st.sampled_from(HEADER_NAMES),
    header_values.map(
        lambda value: (value if isinstance(value, bytes) else value.encode()).decode("latin-1")
    ),
    max_size=4,
)


def nasty_queries(names):
    """Known-hard query strings, sent on every run: hypothesis may not draw each of them."""
    queries = ["=", "&&&==&", "%", "%zz=%zz", "%ff%fe=%ff", "page=-1", "page=0", "p=0"]
    queries += ["page=99999999999999999999", "page=1e9", "page=nan", "p=99999999999999999999"]
    for name in sorted(names):
        queries += [
            f"{name}=%00",
            f"{name}=a%00b",
            f"{name}=%ff",
            f"{name}=99999999999999999999",
            f"{name}=-1",
            f"{name}[]=a&{name}[]=b",
            f"{name}=" + "%F0%9F%9A%80" * 300,
            f"{name}=" + "x" * 10_000,
            urlencode({name: MARKUP[1]}),
        ]
    return queries


def query_strings(names, known=()):
    """Half as a browser encodes them, half raw bytes."""
    return st.one_of(encoded_query_strings(names, known), raw_query_strings(names, known))


def path_segments(known=()):
    """Extra path segments: percent-encoded garbage, dots, real route names, real slugs."""
    segment = st.one_of(
        st.text(any_char, min_size=1, max_size=20).map(lambda text: quote(text, safe="")),
        st.binary(min_size=1, max_size=10).map(quote_from_bytes),
        st.from_regex(r"[a-z0-9\-_]{1,20}", fullmatch=True),
        st.sampled_from(
            [".", "..", "%2e%2e", "%2F", "kaart.geojson", "export.csv", "feed", "index.html"]
            + sorted(known)
        ),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
    )
    return st.tuples(st.lists(segment, min_size=1, max_size=3), st.booleans()).map(
        lambda drawn: "/".join(drawn[0]) + ("/" if drawn[1] else "")
    )


# --- requests and what every answer must satisfy -------------------------------------------


def get(client, path, query="", method="GET", **headers):
    """GET (or HEAD) ``path`` with a raw query string and WSGI headers, in a savepoint.

    A database error must not poison the transaction of the examples that follow
    (hypothesis replays the failing one while shrinking).
    """
    with transaction.atomic():
        response = client.generic(method, path, QUERY_STRING=query, **headers)
    consume(response)
    return response


def post(client, path, data=None, body=None, content_type=None):
    """POST a form (``data``) or a raw body, in a savepoint (see ``get``)."""
    with transaction.atomic():
        if body is not None:
            # generic() sends the bytes as they are; post() would re-encode them.
            response = client.generic("POST", path, data=body, content_type=content_type)
        else:
            response = client.post(path, data=data)
    consume(response)
    return response


def consume(response):
    """Read a streamed answer (a document download) completely: errors happen while streaming.

    The test client closes the response once its stream is exhausted; closing it again
    would close the database connection in the middle of the module's transaction.
    """
    if response.streaming:
        response.content_bytes = b"".join(response.streaming_content)


def check_response(response, allowed=(200,), what=""):
    """No server error ever; an allowed status; HTML answers are the site's Dutch pages."""
    where = f"{what} {response.request.get('PATH_INFO')}?{response.request.get('QUERY_STRING')}"
    assert response.status_code < 500, f"server error {response.status_code} for {where}"
    assert response.status_code in allowed, f"unexpected {response.status_code} for {where}"
    if response.streaming or "text/html" not in response.get("Content-Type", ""):
        return
    if response.request["REQUEST_METHOD"] == "HEAD":
        assert not response.content, f"a body in the answer to HEAD {where}"
        return
    html = response.content.decode()
    assert "Traceback" not in html, where
    assert not any(markup in html for markup in MARKUP), f"unescaped input in {where}"
    if response.status_code == 404:
        assert NOT_FOUND_TEXT in html, f"not the Dutch 404 page for {where}"
    elif response.status_code == 200:
        assert '<html lang="nl"' in html, f"not a page of the site for {where}"


# --- the filter forms' notes ----------------------------------------------------------------

UNKNOWN_VALUE_NOTE = "‘{label}’ had een onbekende waarde"


def last_values(pairs):
    """What a form reads from a query string: the last value of each parameter."""
    return dict(pairs)


def check_filter_notes(response, pairs, choices):
    """The page notes, in Dutch, exactly the filters whose value it ignored.

    ``choices`` maps a parameter to (label, valid values); an empty value is no filter.
    """
    sent = last_values(pairs)
    html = response.content.decode()
    for name, (label, valid) in choices.items():
        value = sent.get(name, "")
        ignored = value != "" and value not in valid
        noted = UNKNOWN_VALUE_NOTE.format(label=label) in html
        assert noted == ignored, f"{name}={value!r}: note shown {noted}, expected {ignored}"
