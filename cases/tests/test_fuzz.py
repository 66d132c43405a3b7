"""Property-based tests of the case index and the case pages.

The demo site is built once for this module; hypothesis sends the filters random values
(real goals, regions, themes and sectors among them) and raw query strings. The index
always answers with its page and a Dutch note for each filter it ignored.
"""

from urllib.parse import urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cases.filters import FILTER_PARAMETERS
from cases.models import CaseIndexPage, CasePage, GoalPage
from core.tests.fuzz import (
    check_filter_notes,
    check_response,
    demo_database,
    fuzz_settings,
    get,
    nasty_queries,
    param_lists,
    path_segments,
    query_strings,
)
from regions.models import Region, Sector, Theme

PARAMETERS = set(FILTER_PARAMETERS) | {"page", "q", "tag"}


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with demo_database(django_db_blocker):
        cases = CasePage.objects.live().public()
        goals = {str(pk) for pk in GoalPage.objects.live().values_list("pk", flat=True)}
        choices = {
            "doel": ("Doel", goals),
            "regio": ("Regio", set(Region.objects.values_list("slug", flat=True))),
            "thema": ("Thema", set(Theme.objects.values_list("slug", flat=True))),
            "sector": ("Sector", set(Sector.objects.values_list("slug", flat=True))),
        }
        # Ids of other pages (not goals) must be ignored like any unknown value.
        other_ids = {str(pk) for pk in cases.values_list("pk", flat=True)}
        yield {
            "index": CaseIndexPage.objects.get().url,
            "cases": [case.url for case in cases.order_by("path")],
            "slugs": set(cases.values_list("slug", flat=True)),
            "choices": choices,
            "known": set().union(*(valid for _label, valid in choices.values())) | other_ids,
        }


@pytest.mark.django_db
@fuzz_settings(examples=120)
@given(data=st.data())
def test_case_index_notes_exactly_the_filters_it_ignored(client, site, data):
    pairs = data.draw(param_lists(PARAMETERS, site["known"]), label="pairs")
    response = get(client, site["index"], urlencode(pairs))
    check_response(response, (200,))
    check_filter_notes(response, pairs, site["choices"])
    assert {case.slug for case in response.context["results"]} <= site["slugs"]


@pytest.mark.django_db
@fuzz_settings(examples=60)
@given(data=st.data())
def test_case_index_survives_raw_query_strings(client, site, data):
    query = data.draw(query_strings(PARAMETERS, site["known"]), label="query")
    check_response(get(client, site["index"], query), (200,))


@pytest.mark.django_db
@fuzz_settings(examples=50)
@given(data=st.data())
def test_cases_ignore_random_query_strings(client, site, data):
    url = data.draw(st.sampled_from(site["cases"]), label="url")
    query = data.draw(query_strings(PARAMETERS, site["known"]), label="query")
    check_response(get(client, url, query), (200,))


@pytest.mark.django_db
@fuzz_settings(examples=50)
@given(data=st.data())
def test_random_paths_under_the_cases_are_not_found(client, site, data):
    path = site["index"] + data.draw(path_segments(site["slugs"]), label="path")
    response = get(client, path)
    check_response(response, (200, 301, 302, 404))
    if response.status_code == 200:
        assert response.wsgi_request.path.rstrip("/") in {u.rstrip("/") for u in site["cases"]}


@pytest.mark.django_db
def test_case_index_survives_the_nasty_queries(client, site):
    for query in nasty_queries(PARAMETERS):
        check_response(get(client, site["index"], query), (200,))
