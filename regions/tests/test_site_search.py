"""Partnerships in the site search (/zoeken/): published only, public fields only."""

import pytest

from regions.factories import ConversationFactory, PartnershipFactory
from regions.models import Region


@pytest.fixture
def twente():
    return Region.objects.get(slug="twente")


@pytest.mark.django_db
def test_published_partnership_found_with_dutch_stemming(client, map_page, twente):
    partnership = PartnershipFactory(
        name="Zorgtechniek Twente", region=twente, summary="Een sterke samenwerking in de zorg."
    )
    response = client.get("/zoeken/", {"q": "samenwerkingen"})
    assert response.status_code == 200
    assert "Zorgtechniek Twente" in response.text
    assert map_page.partnership_url(partnership) in response.text
    assert "Zoek verder op de netwerkkaart" in response.text


@pytest.mark.django_db
def test_drafts_and_internal_conversations_are_not_searchable(client, map_page, twente):
    PartnershipFactory(name="Geheim concept", region=twente, live=False)
    published = PartnershipFactory(name="Open samenwerking", region=twente)
    ConversationFactory(
        partnership=published, summary="Vertrouwelijk: begrotingstekort", is_public=False
    )
    assert "Geheim concept" not in client.get("/zoeken/", {"q": "concept"}).text
    response = client.get("/zoeken/", {"q": "begrotingstekort"})
    assert "Open samenwerking" not in response.text
    assert "Vertrouwelijk" not in response.text
    assert "Geen resultaten" in response.text


@pytest.mark.django_db
def test_search_queries_do_not_grow_with_partnerships(client, map_page, twente):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    PartnershipFactory.create_batch(3, region=twente, summary="Samenwerking")
    client.get("/zoeken/", {"q": "samenwerking"})
    with CaptureQueriesContext(connection) as few:
        client.get("/zoeken/", {"q": "samenwerking"})
    PartnershipFactory.create_batch(30, region=twente, summary="Samenwerking")
    with CaptureQueriesContext(connection) as many:
        client.get("/zoeken/", {"q": "samenwerking"})
    assert len(few) == len(many)
