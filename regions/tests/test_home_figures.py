"""The home page's key figures are live sums over the published partnerships."""

import pytest

from regions.factories import PartnershipFactory


def figures(client):
    response = client.get("/")
    assert response.status_code == 200
    return response.context["live_figures"], response.text


@pytest.mark.django_db
def test_only_published_partnerships_count(client, home_page):
    PartnershipFactory(companies_count=2500, students_count=30000)
    PartnershipFactory(companies_count=1500, students_count=None)
    draft = PartnershipFactory(live=False, companies_count=999, students_count=999)

    live, html = figures(client)
    assert live == {"partnerships": 2, "companies": 4000, "students": 30000}
    assert "<dd>4.000</dd>" in html and "<dd>30.000</dd>" in html
    assert "samenwerkingsverbanden" in html

    draft.save_revision().publish()
    live, _html = figures(client)
    assert live == {"partnerships": 3, "companies": 4999, "students": 30999}


@pytest.mark.django_db
def test_no_published_partnerships_no_figures(client, home_page):
    PartnershipFactory(live=False)
    live, html = figures(client)
    assert live == {"partnerships": 0, "companies": 0, "students": 0}
    assert "live-figures-heading" not in html
