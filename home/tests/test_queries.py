"""SQL query counts of each page type: pinned, and flat as content grows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.factories import ProgrammePageFactory

# Pinned budgets. A change that adds queries must change these numbers on purpose.
# 7 + the live key figures aggregate + latest news and upcoming meetings (each view
# restrictions, rows)
HOME_QUERIES = 12
PROGRAMME_QUERIES = 13
# With published partnerships the live figures show, and the link to the monitor page.
HOME_WITH_FIGURES_QUERIES = HOME_QUERIES + 1


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_home_page_queries_pinned_and_flat(client, home_page):
    ProgrammePageFactory.create_batch(3, parent=home_page)
    client.get("/")  # warm Wagtail's per-process caches (site root paths)
    few = count_queries(client, "/")
    ProgrammePageFactory.create_batch(40, parent=home_page)
    many = count_queries(client, "/")
    assert few == many == HOME_QUERIES


@pytest.mark.django_db
def test_home_page_with_live_figures_queries_pinned_and_flat(client, home_page):
    from regions.factories import NetworkMonitorPageFactory, PartnershipFactory
    from regions.tests.conftest import bulk_partnerships

    NetworkMonitorPageFactory(parent=ProgrammePageFactory(parent=home_page))
    PartnershipFactory()
    client.get("/")
    few = count_queries(client, "/")
    bulk_partnerships(500)
    many = count_queries(client, "/")
    assert few == many == HOME_WITH_FIGURES_QUERIES
    assert "Het netwerk in beeld" in client.get("/").text


@pytest.mark.django_db
def test_programme_page_queries_pinned_and_flat(client, home_page):
    parent = ProgrammePageFactory(parent=home_page)
    ProgrammePageFactory.create_batch(3, parent=parent)
    client.get(parent.url)
    few = count_queries(client, parent.url)
    ProgrammePageFactory.create_batch(40, parent=parent)
    ProgrammePageFactory.create_batch(20, parent=home_page)
    many = count_queries(client, parent.url)
    assert few == many == PROGRAMME_QUERIES


@pytest.mark.django_db
def test_search_queries_flat(client, home_page):
    ProgrammePageFactory.create_batch(3, parent=home_page, intro="Samenwerking in de regio.")
    url = "/zoeken/?q=samenwerking"
    client.get(url)
    few = count_queries(client, url)
    ProgrammePageFactory.create_batch(40, parent=home_page, intro="Samenwerking in de regio.")
    many = count_queries(client, url)
    assert few == many
