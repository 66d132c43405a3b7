"""Site search: Dutch stemming on PostgreSQL, pagination, and bad input."""

import pytest
from django.db import connection

from home.factories import ProgrammePageFactory


@pytest.fixture
def pages(home_page):
    match = ProgrammePageFactory(
        parent=home_page, title="Werken in de regio", intro="Over een duurzame samenwerking."
    )
    other = ProgrammePageFactory(parent=home_page, title="Kantoortijden", intro="Open op maandag.")
    return match, other


@pytest.mark.django_db
def test_runs_on_postgresql():
    assert connection.vendor == "postgresql"


@pytest.mark.django_db
def test_dutch_stemming_finds_singular_for_plural(client, pages):
    match, other = pages
    response = client.get("/zoeken/", {"q": "samenwerkingen"})
    assert response.status_code == 200
    results = list(response.context["results"])
    assert [page.pk for page in results] == [match.pk]


@pytest.mark.django_db
def test_no_results_state(client, pages):
    response = client.get("/zoeken/", {"q": "ruimtevaart"})
    assert response.status_code == 200
    assert "Geen resultaten" in response.text


@pytest.mark.django_db
def test_empty_query_shows_form_without_results(client, pages):
    response = client.get("/zoeken/")
    assert response.status_code == 200
    assert response.context["results"] is None
    assert 'name="q"' in response.text


@pytest.mark.django_db
def test_drafts_are_not_found(client, home_page):
    draft = ProgrammePageFactory(parent=home_page, title="Geheim concept", live=False)
    assert not draft.live
    response = client.get("/zoeken/", {"q": "concept"})
    assert "Geheim concept" not in response.text
    # Positive control: the same search finds it once it is published.
    draft.save_revision().publish()
    assert "Geheim concept" in client.get("/zoeken/", {"q": "concept"}).text


@pytest.mark.django_db
def test_pagination(client, home_page):
    ProgrammePageFactory.create_batch(12, parent=home_page, intro="Samenwerking")
    first = client.get("/zoeken/", {"q": "samenwerking"})
    assert len(first.context["results"]) == 10
    assert "page=2" in first.text
    second = client.get("/zoeken/", {"q": "samenwerking", "page": 2})
    assert len(second.context["results"]) == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"q": "samenwerking", "page": "abc"},
        {"q": "samenwerking", "page": "-1"},
        {"q": "samenwerking", "page": "99999"},
        {"q": "sam\x00enwerking"},
        {"q": "(&|!):* 'samen"},
        {"q": "x" * 5000},
        {"q": "   "},
    ],
)
def test_bad_input_never_errors(client, pages, params):
    response = client.get("/zoeken/", params)
    assert response.status_code == 200


@pytest.mark.django_db
def test_overlong_query_gets_a_dutch_notice(client, pages):
    response = client.get("/zoeken/", {"q": "samenwerking " * 40})
    assert response.status_code == 200
    assert "te lang" in response.text


@pytest.mark.django_db
def test_sections_add_results_through_the_hook(client, pages):
    from wagtail import hooks

    def extra(request, query):
        return {
            "heading": "Samenwerkingen",
            "items": [{"title": "Testtreffer", "url": "/x/", "summary": ""}],
        }

    # Positive control first: without the hook the same search has no results.
    without = client.get("/zoeken/", {"q": "ruimtevaart"})
    assert "Geen resultaten" in without.text and "Testtreffer" not in without.text
    with hooks.register_temporarily("site_search_extra_results", extra):
        response = client.get("/zoeken/", {"q": "ruimtevaart"})
    assert "Testtreffer" in response.text
    assert "Geen resultaten" not in response.text
