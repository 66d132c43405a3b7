"""End to end in Chromium: find a meeting, register, confirm by the e-mail link; axe."""

import re

import pytest
from django.core import mail

from events.models import Registration

pytestmark = pytest.mark.e2e


def test_find_register_and_confirm(page, live_server, demo_site, assert_accessible):
    page.goto(live_server.url + "/bijeenkomsten/")
    assert_accessible(page, "event-index")
    page.get_by_label("Regio", exact=True).select_option(label="Twente")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/bijeenkomsten/?regio=twente*")
    titles = page.locator(".card__title").all_inner_texts()
    assert titles == ["Regiobijeenkomst Twente: ondernemers aan zet"]

    page.get_by_role("link", name=re.compile("Lees meer")).first.click()
    assert_accessible(page, "event")
    page.get_by_label("Naam", exact=True).fill("Jan Jansen")
    page.get_by_label("E-mailadres", exact=True).fill("jan.browser@example.nl")
    page.get_by_label("Organisatie", exact=True).fill("ROC van Twente")
    page.get_by_role("button", name="Meld mij aan").click()
    assert page.locator("h1").inner_text() == "Controleer uw e-mail"
    assert_accessible(page, "event-registration-sent")

    link = re.search(r"http://\S+/bevestigen/\?code=\S+", mail.outbox[-1].body).group(0)
    assert link.startswith(live_server.url)  # built from the request: the live server
    page.goto(link)
    page.get_by_role("button", name="Bevestig mijn aanmelding").click()
    assert page.get_by_text("U heeft een plaats").is_visible()
    assert_accessible(page, "event-confirmed")
    registration = Registration.objects.get(email="jan.browser@example.nl")
    assert registration.state == Registration.State.CONFIRMED

    page.goto(live_server.url + "/bijeenkomsten/archief/")
    page.get_by_role("link", name=re.compile("Lees meer")).first.click()
    assert page.get_by_role("heading", name="Verslag").is_visible()
    assert_accessible(page, "event-report")
    assert page.outside_requests == []
