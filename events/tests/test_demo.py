"""The demo meetings: upcoming, full with a waiting list, past with a report; idempotent."""

import os

import pytest
from django.core.management import call_command

from events.models import EventPage, Registration


@pytest.mark.django_db
def test_demo_meetings(client, demo_site):
    agenda = client.get("/bijeenkomsten/").text
    assert "Regiobijeenkomst Twente" in agenda and "Regiobijeenkomst Rijnmond" in agenda
    assert "Regiobijeenkomst Flevoland" not in agenda
    assert "Regiobijeenkomst Flevoland" in client.get("/bijeenkomsten/archief/").text

    full = EventPage.objects.get(slug="regiobijeenkomst-rijnmond-ict-talent-in-de-haven")
    assert full.is_full and full.registrations.waiting().count() == 2
    text = client.get(full.url).text
    assert "Vol" in text and "wachtlijst" in text
    # Registrations never show on the public page.
    first = full.registrations.confirmed().first()
    assert first.email.startswith("deelnemer1.")
    assert first.email not in text and first.name not in text

    past = EventPage.objects.get(slug="regiobijeenkomst-flevoland-data-en-omscholing")
    text = client.get(past.url).text
    assert "Verslag" in text and "Presentaties" in text
    assert "mogelijk niet digitaal toegankelijk" in text
    assert "Doel:" in text  # the goal it serves, chosen through home's registry

    before = (EventPage.objects.count(), Registration.objects.count())
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert (EventPage.objects.count(), Registration.objects.count()) == before
