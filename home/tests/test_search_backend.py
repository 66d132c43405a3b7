"""core/searchbackend.py: every search box searches what was typed as words, on every backend.

SQLite, where query syntax gave a 500, is tested in home/tests/test_embedded_default.py
(the second pass of `make test`); these run on PostgreSQL, the main database.
"""

import pytest
from django.urls import reverse
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.database.postgres.postgres import PostgresSearchBackend
from wagtail.search.query import MATCH_ALL, MATCH_NONE, And, Boost, Not, Or, Phrase, PlainText

from core.searchbackend import WordsOnly, as_words, words
from home.factories import ProgrammePageFactory
from regions.factories import PartnershipFactory
from regions.models import Partnership


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ('"regio', "regio"),
        ('ict"', "ict"),
        ("samenwerking* OR (mbo)", "samenwerking OR mbo"),
        ("title:regio ^x NEAR(a b)", "title regio x NEAR a b"),
        ("Green-Tech auto's", "Green Tech auto s"),
        ("café_2024 Zoë", "café 2024 Zoë"),
        ("a & !b | c:*", "a b c"),
        ('" * ( ) : -', ""),
        ("", ""),
    ],
)
def test_words_keeps_letters_and_digits_only(typed, expected):
    assert words(typed) == expected


def test_query_objects_keep_their_meaning_with_words_only():
    assert as_words('"regio') == "regio"
    assert as_words('"') is MATCH_NONE  # no word left: nothing matches, still real results
    plain = as_words(PlainText("ict*", operator="or", boost=2))
    assert (plain.query_string, plain.operator, plain.boost) == ("ict", "or", 2)
    assert as_words(Phrase('twente "werkt')).query_string == "twente werkt"
    mixed = as_words(And([PlainText("mbo"), Phrase('"'), Phrase("hbo (x)")]))
    assert isinstance(mixed, And)
    assert [part.query_string for part in mixed.subqueries] == ["mbo", "hbo x"]
    assert as_words(Or([PlainText(":"), PlainText("mbo")])).query_string == "mbo"
    assert as_words(Not(PlainText("*x"))).subquery.query_string == "x"
    boosted = as_words(Boost(PlainText("x*"), 3))
    assert (boosted.subquery.query_string, boosted.boost) == ("x", 3)
    assert as_words(Not(Phrase("*"))) is MATCH_NONE
    assert as_words(MATCH_ALL) is MATCH_ALL


@pytest.mark.django_db
def test_the_default_backend_is_the_database_one_with_words_only():
    backend = get_search_backend()
    assert isinstance(backend, WordsOnly) and isinstance(backend, PostgresSearchBackend)


@pytest.mark.django_db
def test_site_search_finds_the_words_inside_query_syntax(client, home_page):
    match = ProgrammePageFactory(parent=home_page, title="Werken in de regio")
    other = ProgrammePageFactory(parent=home_page, title="Kantoortijden", intro="Open op maandag.")

    def found(typed):
        response = client.get("/zoeken/", {"q": typed})
        assert response.status_code == 200, typed
        return [page.pk for page in response.context["results"]]

    plain = found("regio")
    assert match.pk in plain and other.pk not in plain
    for typed in ['"regio', 'regio"', "regio*", "(regio)", "regio:*", "!regio", "^regio"]:
        assert found(typed) == plain, typed
    response = client.get("/zoeken/", {"q": '"'})
    assert response.status_code == 200
    assert len(response.context["results"]) == 0 and "Geen resultaten" in response.text


@pytest.mark.django_db
def test_admin_listing_search_with_fields_and_syntax(admin_client):
    twente = PartnershipFactory(name="Techniekpact Twente", city="Enschede")
    PartnershipFactory(name="Zorgacademie Zwolle", city="Zwolle")
    listing = reverse(Partnership.snippet_viewset.get_url_name("list"))
    for typed in ["Techniekpact", '"Techniekpact', "Techniek*", "enschede"]:
        response = admin_client.get(listing, {"q": typed})
        assert response.status_code == 200, typed
        assert [row.pk for row in response.context["object_list"]] == [twente.pk], typed
    response = admin_client.get(listing, {"q": '"'})
    assert response.status_code == 200 and len(response.context["object_list"]) == 0
