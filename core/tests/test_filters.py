"""The one way to bind and check a public filter set (core.filters), shown on the news filters."""

import datetime

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from core.filters import PublicFilterSet
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.filters import NewsFilterSet
from news.models import NewsPage
from regions.filters import PartnershipFilterSet
from regions.models import Partnership, Region, Theme

UNKNOWN_THEME = "Het filter ‘Thema’ had een onbekende waarde en is genegeerd."


@pytest.fixture
def items(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    twente = Region.objects.get(slug="twente")
    return {
        "twente": NewsPageFactory(parent=index, regions=[twente], date=datetime.date(2024, 3, 1)),
        "elsewhere": NewsPageFactory(parent=index, date=datetime.date(2023, 3, 1)),
    }


def bind(query):
    return NewsFilterSet(QueryDict(query), queryset=NewsPage.objects.all())


@pytest.mark.django_db
def test_unknown_value_is_noted_and_dropped_the_others_filter(items):
    filters = bind("thema=bestaat-niet&regio=twente&page=2")
    assert filters.notes == [UNKNOWN_THEME]
    assert filters.active == {"regio": "twente"}
    assert list(filters.qs) == [items["twente"]]
    # The form shows what filtered the list, not the rejected value.
    assert filters.form.is_valid()
    assert filters.form["regio"].value() == "twente"
    assert filters.form["thema"].value() is None


@pytest.mark.django_db
def test_empty_query_string_filters_nothing_and_notes_nothing(items):
    filters = bind("")
    assert not filters.form.is_bound
    assert (filters.notes, filters.active, filters.querystring()) == ([], {}, "")
    assert set(filters.qs) == set(items.values())


@pytest.mark.django_db
def test_querystring_in_form_order_with_the_last_value_of_a_parameter(items):
    filters = bind("jaar=2023&jaar=2024&regio=twente")
    assert filters.querystring() == "regio=twente&jaar=2024"
    assert list(filters.qs) == [items["twente"]]


@pytest.mark.django_db
def test_choices_read_once_per_filter_set_and_fresh_for_the_next(items):
    theme_table = Theme._meta.db_table
    with CaptureQueriesContext(connection) as captured:
        filters = bind("thema=innovatie")
        list(filters.qs)
        str(filters.form)  # checked on two forms and drawn: still one read
    reads = [query for query in captured if f'FROM "{theme_table}"' in query["sql"]]
    assert len(reads) == 1, reads
    Theme.objects.create(slug="nieuw-thema", name="Nieuw thema")
    assert bind("thema=nieuw-thema").active == {"thema": "nieuw-thema"}


@pytest.mark.django_db
def test_open_data_reads_only_the_choices_it_is_given(db):
    with CaptureQueriesContext(connection) as captured:
        filters = PartnershipFilterSet(
            QueryDict("sector=ict"), queryset=Partnership.objects.published()
        )
        filters.qs.count()
    tables = {query["sql"].split(" FROM ")[1].split()[0] for query in captured}
    assert tables == {'"regions_sector"', '"regions_partnership"'}, tables


def test_every_public_filter_set_builds_on_the_shared_one():
    from cases.filters import CaseFilterSet

    for filter_set in [NewsFilterSet, CaseFilterSet, PartnershipFilterSet]:
        assert issubclass(filter_set, PublicFilterSet)
    assert NewsFilterSet.parameters() == ["thema", "regio", "jaar"]
