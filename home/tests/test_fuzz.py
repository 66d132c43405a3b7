"""Property-based tests: random query strings, paths and form values for every public URL.

The demo site is built once for this module. Whatever hypothesis sends, the site answers
with one of the expected statuses and, for HTML, a Dutch page of the site: never a 5xx.
The other apps' ``test_fuzz.py`` modules fuzz their own filters in more depth.
"""

import io
import re
from urllib.parse import quote, urlencode, urlparse

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client, override_settings
from hypothesis import event, given
from hypothesis import strategies as st

from core.tests.fuzz import (
    NOT_FOUND_PATH,
    any_char,
    check_response,
    demo_database,
    fuzz_settings,
    get,
    headers,
    keys,
    nasty_queries,
    path_segments,
    post,
    public_urls,
    query_strings,
    raw_query_strings,
    values,
)
from home.models import ContactFormField, ContactPage, HomePage
from home.models.contact import HONEYPOT_FIELD as HONEYPOT

# Every parameter name a public view reads, over all apps (the sweep below sends them
# everywhere; a view must ignore the ones it does not know).
ALL_PARAMETERS = {
    "q",
    "page",
    "p",
    "regio",
    "provincie",
    "soort",
    "sector",
    "thema",
    "financiering",
    "status",
    "niveau",
    "jaar",
    "doel",
    "tag",
}


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with demo_database(django_db_blocker):
        contact = contact_pages()
        yield {**public_urls(), "contact": contact}


def all_urls(site):
    return site["page"] + site["route"] + site["document"] + site["fixed"]


def allowed_statuses(url):
    if url == NOT_FOUND_PATH:
        return (404,)
    if url == "/sitemap.xml":
        return (200, 404)  # ?p=<page> of the sitemap: a page that does not exist is a 404
    return (200,)


@pytest.mark.django_db
def test_url_list_covers_the_sitemap_and_every_url_answers(client, site):
    listed = set(all_urls(site))
    index = get(client, "/sitemap.xml").content.decode()
    sections = [urlparse(loc) for loc in re.findall(r"<loc>([^<]+)</loc>", index)]
    in_sitemap = set()
    for section in sections:
        sitemap = get(client, section.path, section.query).content.decode()
        in_sitemap |= {urlparse(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    assert len(sections) >= 2 and len(in_sitemap) > 40
    assert in_sitemap <= listed, in_sitemap - listed
    assert len(site["route"]) > 20 and len(site["document"]) >= 1
    for url in sorted(listed):
        check_response(get(client, url), allowed_statuses(url))


@pytest.mark.django_db
@fuzz_settings(examples=150)
@given(data=st.data())
def test_every_public_url_survives_random_query_strings(client, site, data):
    url = data.draw(st.sampled_from(all_urls(site)), label="url")
    query = data.draw(query_strings(ALL_PARAMETERS), label="query")
    check_response(get(client, url, query), allowed_statuses(url))


@pytest.mark.django_db
@fuzz_settings(examples=60)
@given(data=st.data())
def test_every_public_url_survives_random_headers(site, data):
    """Garbage in Host, Accept-Language, If-None-Match, Cookie, Range... and HEAD requests."""
    url = data.draw(st.sampled_from(all_urls(site)), label="url")
    sent = data.draw(headers, label="headers")
    method = data.draw(st.sampled_from(["GET", "HEAD"]), label="method")
    # A new client each time: no cookie of an earlier example comes along.
    response = get(Client(), url, method=method, **sent)
    allowed = allowed_statuses(url) + (304,)
    if "HTTP_HOST" in sent:
        allowed += (400,)  # a host name that is no host name: Django's DisallowedHost
    check_response(response, allowed)


@pytest.mark.django_db
@fuzz_settings(examples=60)
@given(data=st.data())
def test_every_public_url_survives_a_random_post(client, site, data):
    """Pages answer a POST like a GET (the contact form has its own tests below)."""
    contact_urls = {url for url, _page, _names in site["contact"]}
    url = data.draw(
        st.sampled_from([url for url in all_urls(site) if url not in contact_urls]), label="url"
    )
    fields = data.draw(st.dictionaries(keys(ALL_PARAMETERS), values()), label="fields")
    allowed = allowed_statuses(url) + (405,)  # e.g. the health check takes GET and HEAD only
    check_response(post(client, url, data=fields), allowed)


@pytest.mark.django_db
@fuzz_settings(examples=100)
@given(data=st.data())
def test_random_path_segments_under_every_page_are_not_found_or_a_known_url(client, site, data):
    base = data.draw(st.sampled_from(site["page"] + site["route"][:3]), label="base")
    if not base.endswith("/"):
        base += "/"
    path = base + data.draw(path_segments(), label="segments")
    response = get(client, path)
    check_response(response, (200, 301, 302, 404))
    if response.status_code == 200:
        # Only a real route may answer: e.g. ".../feed" + "/" or "kaart.geojson/".
        known = {url.rstrip("/") for url in all_urls(site)}
        assert response.wsgi_request.path.rstrip("/") in known, path


@pytest.mark.django_db
@fuzz_settings(examples=40)
@given(data=st.data())
def test_the_page_cache_never_answers_one_query_with_another(client, site, data):
    """With the page cache on, a page asked for again is the page the view makes.

    Pages with a form (contact, a meeting's registration, the proposal forms) carry a fresh
    CSRF token in every response, so the page cache passes them by; the token is the one
    part of them that differs between two renders and is left out of the comparison, as is a
    calendar file's DTSTAMP (the moment it was made).
    """
    url = data.draw(st.sampled_from(site["page"] + site["route"]), label="url")
    first, second = (data.draw(query_strings(ALL_PARAMETERS), label=label) for label in "12")
    with override_settings(PAGE_CACHE_SECONDS=300):
        get(client, url, first)
        get(client, url, second)
        cached = get(client, url, second)
    fresh = get(client, url, second)
    check_response(cached, allowed_statuses(url))
    assert (cached.status_code, without_csrf_token(cached.content)) == (
        fresh.status_code,
        without_csrf_token(fresh.content),
    )


CSRF_TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
# A calendar file stamps the moment it was made (DTSTAMP, RFC 5545) and is not page-cached.
CALENDAR_STAMP = re.compile(rb"(\r\nDTSTAMP:)[0-9TZ]+")


def without_csrf_token(content):
    return CALENDAR_STAMP.sub(rb"\1", CSRF_TOKEN.sub(rb"\1\2", content))


def test_only_the_csrf_token_is_left_out_of_the_comparison():
    form = b'<input type="hidden" name="csrfmiddlewaretoken" value="abc123"><p>Twente</p>'
    assert without_csrf_token(form) == (
        b'<input type="hidden" name="csrfmiddlewaretoken" value=""><p>Twente</p>'
    )
    stamped = b"BEGIN:VEVENT\r\nDTSTAMP:20261206T120000Z\r\nSUMMARY:Twente"
    assert without_csrf_token(stamped) == b"BEGIN:VEVENT\r\nDTSTAMP:\r\nSUMMARY:Twente"
    # Positive control: any other difference still shows.
    assert without_csrf_token(form) != without_csrf_token(form.replace(b"Twente", b"Zeeland"))


SEARCH_WORDS = {"samenwerking", "ICT", "Twente", "mbo", "'", "!", "&", "|", ":*", "a & !b", '"'}


@pytest.mark.django_db
@fuzz_settings(examples=100)
@given(query=query_strings({"q", "page"}, known=SEARCH_WORDS), text=values(SEARCH_WORDS))
def test_search_survives_random_queries(client, site, query, text):
    # The last q wins: every example searches, whatever the raw query string held.
    check_response(get(client, "/zoeken/", f"{query}&{urlencode({'q': text})}"), (200,))


@pytest.mark.django_db
def test_search_and_sitemap_survive_the_nasty_queries(client, site):
    for query in nasty_queries({"q", "page"}):
        check_response(get(client, "/zoeken/", query), (200,))
    for query in nasty_queries({"p"}):
        check_response(get(client, "/sitemap.xml", query), (200, 404))


@pytest.mark.django_db
def test_too_many_parameters_are_a_bad_request(client, site):
    """Django refuses more than DATA_UPLOAD_MAX_NUMBER_FIELDS parameters: 400, not 500."""
    query = "&".join(f"regio{index}=x" for index in range(10_001))
    response = get(client, "/netwerkkaart/", query)
    assert response.status_code == 400


@pytest.mark.django_db
def test_bad_request_page_is_dutch(client, site):
    response = get(client, "/netwerkkaart/", "&".join(["a=1"] * 10_001))
    assert response.status_code == 400
    assert '<html lang="nl"' in response.content.decode()


@pytest.mark.django_db
@fuzz_settings(examples=60)
@given(
    document_id=st.one_of(
        st.integers(min_value=0, max_value=20), st.integers(min_value=2**31, max_value=10**30)
    ),
    name=st.one_of(values(), st.just("regioprofiel.pdf")),
)
def test_random_document_urls_are_not_found(client, site, document_id, name):
    path = f"/documenten/{document_id}/{quote(name, safe='')}"
    check_response(get(client, path), (404,))


@pytest.mark.django_db
@fuzz_settings(examples=40)
@given(data=st.data())
def test_real_documents_survive_random_query_strings(client, site, data):
    url = data.draw(st.sampled_from(site["document"]), label="url")
    response = get(client, url, data.draw(query_strings({"dl", "download"}), label="query"))
    check_response(response, (200,))
    assert response.content_bytes.startswith(b"%PDF-")


# --- the contact form --------------------------------------------------------------------

# (label, field type, required, choices): every type Wagtail's form builder offers.
EVERY_FIELD_TYPE = [
    ("Naam", "singleline", True, ""),
    ("E-mailadres", "email", True, ""),
    ("Vraag", "multiline", True, ""),
    ("Aantal studenten", "number", False, ""),
    ("Website", "url", False, ""),
    ("Akkoord", "checkbox", False, ""),
    ("Onderwerpen", "checkboxes", False, "ICT, Techniek, Zorg"),
    ("Regio", "dropdown", False, "Noord, Zuid"),
    ("Sectoren", "multiselect", False, "ICT, Zorg"),
    ("Rol", "radio", False, "Docent, Ondernemer"),
    ("Datum", "date", False, ""),
    ("Moment", "datetime", False, ""),
    ("Bron", "hidden", False, ""),
]
# A complete, valid message; the fuzz replaces some of it, so valid posts happen too.
PLAUSIBLE = {
    "naam": "Jan de Vries",
    "e_mailadres": "jan@example.nl",
    "organisatie": "ROC",
    "vraag": "Hoe start ik een samenwerking?",
}
FORM_VALUES = {
    "jan@example.nl",
    "ICT",
    "Zorg",
    "Noord",
    "Docent",
    "on",
    "true",
    "2024-02-29",
    "2023-02-29",
    "2024-01-31 12:00",
    "2024-10-27 02:30",  # happens twice in Amsterdam (end of summer time)
    "2024-03-31 02:30",  # never happens in Amsterdam
    "0001-01-01",
    "9999-12-31 23:59",
    "https://example.nl",
    "javascript:alert(1)",
    "1e999999",
    "NaN",
    "<script>alert(1)</script>",
    "a@b.nl\nBcc: c@d.nl",
}
CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=latin-1",
    "application/x-www-form-urlencoded; charset=nonsense",
    "multipart/form-data",
    "multipart/form-data; boundary=xyz",
    "text/plain",
    "application/json",
]
# Django's own messages in English would mean the visitor is not served in Dutch.
ENGLISH = re.compile(r"\b(This field|Enter a|Ensure this|Select a valid|Null characters)\b")


def contact_pages():
    """(URL, page, field names) of the contact forms: the demo's and one with every field type.

    The demo's is made here when the demo content has none. The second one shows that
    whatever fields an editor adds, no input breaks the form.
    """
    pages = list(ContactPage.objects.live())
    specs = [("contact-alle-velden", EVERY_FIELD_TYPE)]
    if not pages:
        specs.append(("contact", EVERY_FIELD_TYPE[:3]))
    for slug, fields in specs:
        page = ContactPage(
            title="Stel uw vraag",
            slug=slug,
            to_address="adviseurs@example.nl",
            from_address="website@example.nl",
        )
        page.form_fields = [
            ContactFormField(
                sort_order=index, label=label, field_type=kind, required=required, choices=choices
            )
            for index, (label, kind, required, choices) in enumerate(fields)
        ]
        HomePage.objects.get().add_child(instance=page)
        pages.append(page)
    return [
        (page.url, page, [field.clean_name for field in page.get_form_fields()]) for page in pages
    ]


@pytest.fixture(scope="module")
def contact(site):
    return site["contact"]


def upload(name, content):
    """A file part with any file name ("..", "a/b", NUL...): the client sends it as it is."""
    part = io.BytesIO(content)
    part.name = name
    return part


def form_data(names):
    """Form fields as a dict; a list value repeats the field, as a browser would not."""
    value = st.one_of(
        values(FORM_VALUES),
        st.lists(values(FORM_VALUES), min_size=2, max_size=3),
        st.builds(upload, st.text(any_char, min_size=1, max_size=10), st.binary(max_size=50)),
    )
    fields = st.dictionaries(keys(set(names) | {HONEYPOT, "csrfmiddlewaretoken"}), value)
    return st.one_of(fields, fields.map(lambda fuzzed: {**PLAUSIBLE, **fuzzed}))


def raw_bodies(names):
    return st.one_of(
        raw_query_strings(set(names) | {HONEYPOT}, FORM_VALUES).map(
            lambda text: text.encode("latin-1")
        ),
        st.binary(max_size=200),
    )


def check_contact_response(response, page, stored_before, mails_before):
    """Stored and mailed exactly when the message was accepted; otherwise Dutch errors.

    Returns the outcome; the fuzz tests record it as a hypothesis event, so that
    ``pytest --hypothesis-show-statistics`` shows how often each outcome was reached.
    """
    stored = page.get_submission_class().objects.filter(page=page).count() - stored_before
    mailed = len(mail.outbox) - mails_before
    check_response(response, (200, 400), what="contact")
    if response.status_code == 400:  # a body Django cannot parse
        assert stored == mailed == 0
        return "400"
    if response.wsgi_request.POST.get(HONEYPOT, "").strip():
        assert stored == mailed == 0, "the spam trap was filled: nothing is kept or sent"
        return "spam trap"
    if stored:
        assert stored == mailed == 1
        return "stored and mailed"
    form = response.context["form"]
    assert form.errors, "not stored, yet no error for the visitor"
    assert mailed == 0
    messages = " ".join(str(error) for errors in form.errors.values() for error in errors)
    assert not ENGLISH.search(messages), messages
    return "form errors"


@pytest.mark.django_db
@fuzz_settings(examples=120)
@given(data=st.data())
def test_contact_form_survives_random_form_values(client, contact, data):
    url, page, names = data.draw(st.sampled_from(contact), label="page")
    fields = data.draw(form_data(names), label="fields")
    stored, mails = page.get_submission_class().objects.filter(page=page).count(), len(mail.outbox)
    event(check_contact_response(post(client, url, data=fields), page, stored, mails))


@pytest.mark.django_db
@fuzz_settings(examples=100)
@given(data=st.data())
def test_contact_form_survives_raw_bodies(client, contact, data):
    url, page, names = data.draw(st.sampled_from(contact), label="page")
    body = data.draw(raw_bodies(names), label="body")
    content_type = data.draw(st.sampled_from(CONTENT_TYPES), label="content type")
    stored, mails = page.get_submission_class().objects.filter(page=page).count(), len(mail.outbox)
    response = post(client, url, body=body, content_type=content_type)
    event(check_contact_response(response, page, stored, mails))


@pytest.mark.django_db
@fuzz_settings(examples=40)
@given(data=st.data())
def test_without_a_csrf_token_nothing_is_stored(contact, data):
    """Browsers' rules, not the test client's: a post without the form's token is refused.

    With a CSRF cookie but no matching token in the form, Django reads the body too.
    """
    client = Client(enforce_csrf_checks=True)
    if data.draw(st.booleans(), label="with a CSRF cookie"):
        client.cookies["csrftoken"] = "a" * 32
    url, page, names = data.draw(st.sampled_from(contact), label="page")
    stored, mails = page.get_submission_class().objects.filter(page=page).count(), len(mail.outbox)
    response = post(client, url, data=data.draw(form_data(names), label="fields"))
    assert response.status_code in (400, 403)
    assert page.get_submission_class().objects.filter(page=page).count() == stored
    assert len(mail.outbox) == mails


@pytest.mark.django_db
def test_oversized_contact_posts_are_bad_requests_and_store_nothing(client, contact):
    """More fields than DATA_UPLOAD_MAX_NUMBER_FIELDS, or a body over the memory limit."""
    url, page, _names = contact[0]
    too_many = "&".join(f"veld{index}=x" for index in range(10_001)).encode()
    too_big = b"vraag=" + b"x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    for body in (too_many, too_big):
        response = post(client, url, body=body, content_type="application/x-www-form-urlencoded")
        check_contact_response(response, page, 0, len(mail.outbox))
        assert response.status_code == 400


@pytest.mark.django_db
def test_contact_form_accepts_a_plain_valid_message(client, contact):
    """The fuzz above must be able to reach the success path: a valid message is kept."""
    for url, page, names in contact:
        fields = {name: PLAUSIBLE[name] for name in names if name in PLAUSIBLE}
        mails = len(mail.outbox)
        response = post(client, url, data=fields)
        check_contact_response(response, page, 0, mails)
        form = response.context.get("form")
        assert form is None or not form.errors, form.errors
        assert page.get_submission_class().objects.filter(page=page).count() == 1, url
        assert len(mail.outbox) == mails + 1
