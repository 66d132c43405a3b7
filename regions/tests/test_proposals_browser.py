"""End to end in Debian's Chromium: register a partnership, confirm, approve, see it live."""

import re

import pytest
from django.apps import apps
from django.core import mail
from django.urls import reverse

from core.tests.editors import client_for
from home import roles
from home.factories import HomePageFactory
from regions.factories import NetworkMapPageFactory, PartnershipFactory
from regions.models import Partnership, Region

pytestmark = pytest.mark.e2e

NAME = "Waterstofcampus Noord-Veluwe"
NEW_CITY = "Harderwijk-proefplaats"


@pytest.fixture
def network(live_db, django_user_model):
    # The flush between browser tests removed the roles and the workflow of the migrations.
    roles.apply_roles(apps)
    home = HomePageFactory()
    map_page = NetworkMapPageFactory(parent=home)
    PartnershipFactory(name="Techniekpact Twente", slug="techniekpact")
    return map_page, client_for(django_user_model, roles.MODERATOR)


def mailed_link():
    return re.search(r"https?://\S+/bevestigen/\?code=\S+", mail.outbox[-1].body).group(0)


def approve(moderator, partnership):
    task_state = partnership.current_workflow_task_state
    url = reverse(
        "wagtailsnippets_regions_partnership:workflow_action",
        args=(partnership.pk, "approve", task_state.pk),
    )
    assert moderator.post(url, {"comment": "Mooi, dank."}).status_code == 302


def confirm_in_browser(page, live_server, assert_accessible, name):
    link = mailed_link()
    assert link.startswith(live_server.url)  # the link names the site the form was sent on
    page.goto(link)
    assert_accessible(page, f"voorstel-bevestigen-{name}")
    page.get_by_role("button", name="Bevestig mijn voorstel").click()
    page.get_by_text("is bevestigd").wait_for()


def assert_live_everywhere(page, live_server, text, title):
    """``text`` is on the map, in both open-data files, and a search for it finds ``title``."""
    page.goto(live_server.url + "/netwerkkaart/")
    assert text in page.content()
    for path in ("/netwerkkaart/kaart.geojson", "/netwerkkaart/export.csv"):
        assert text in page.request.get(live_server.url + path).text()
    page.goto(live_server.url + "/zoeken/?q=" + text.split()[0])
    assert page.locator("main").get_by_role("link", name=title).count()


def test_register_and_change_a_partnership(page, live_server, network, assert_accessible):
    map_page, moderator = network
    page.goto(live_server.url + "/netwerkkaart/")
    page.get_by_role("link", name="Meld een samenwerking aan").click()
    assert_accessible(page, "voorstel-formulier")

    # Sent empty: the error summary leads to the fields.
    page.get_by_role("button", name="Verstuur voorstel").click()
    page.get_by_text("Uw voorstel is nog niet verstuurd").wait_for()
    assert_accessible(page, "voorstel-fouten")

    page.get_by_label("Naam", exact=True).fill(NAME)
    page.get_by_label("Samenvatting").fill("Een mbo, een hogeschool en tien bedrijven leiden op.")
    page.get_by_label("Arbeidsmarktregio").select_option(label="Midden-Gelderland")
    page.get_by_label("Breedtegraad").fill("52,35")
    page.get_by_label("Lengtegraad").fill("5,62")
    page.get_by_label("Uw e-mailadres").fill("petra@example.nl")
    page.get_by_role("button", name="Verstuur voorstel").click()
    page.get_by_text("Bijna klaar").wait_for()
    assert_accessible(page, "voorstel-verstuurd")
    assert not Partnership.objects.filter(name=NAME).exists()

    confirm_in_browser(page, live_server, assert_accessible, "nieuw")
    partnership = Partnership.objects.get(name=NAME)
    assert not partnership.live
    approve(moderator, partnership)
    assert_live_everywhere(page, live_server, NAME, NAME)

    # A change through "Wijziging doorgeven" on the write-up.
    page.goto(live_server.url + "/netwerkkaart/techniekpact/")
    page.get_by_role("link", name="Wijziging doorgeven").click()
    assert_accessible(page, "voorstel-wijzigen")
    page.get_by_label("Plaats").fill(NEW_CITY)
    page.get_by_label("Uw e-mailadres").fill("jan@example.nl")
    page.get_by_role("button", name="Verstuur voorstel").click()
    page.get_by_text("Bijna klaar").wait_for()
    confirm_in_browser(page, live_server, assert_accessible, "wijziging")
    techniekpact = Partnership.objects.get(slug="techniekpact")
    assert techniekpact.city != NEW_CITY  # still under review
    approve(moderator, techniekpact)
    assert_live_everywhere(page, live_server, NEW_CITY, "Techniekpact Twente")
    assert "Mooi, dank." in mail.outbox[-1].body
    assert Region.objects.get(slug="midden-gelderland").partnerships.filter(live=True).exists()
