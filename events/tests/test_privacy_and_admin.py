"""Registrations are personal data: editors see and export them per meeting, formula-safe;
no public page, search, sitemap or calendar shows them; the retention command deletes them."""

import csv
import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from core.tests.editors import assert_refused, client_for
from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory, in_days
from events.models import Registration
from home import roles

MARKER_NAME = "Zeldzamenaam Qwyx"
MARKER_EMAIL = "qwyx.uniek@example.nl"
FORMULA = '=HYPERLINK("http://evil.example")'


@pytest.fixture
def meeting(home_page):
    agenda = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=agenda, title="Bijeenkomst met deelnemers")
    event.save_revision().publish()
    RegistrationFactory(
        event=event,
        name=MARKER_NAME,
        email=MARKER_EMAIL,
        organisation=FORMULA,
        state=Registration.State.CONFIRMED,
    )
    return event


@pytest.mark.django_db
def test_editors_see_and_export_the_list_per_meeting_formula_safe(
    django_user_model, meeting, home_page
):
    admin_client = client_for(django_user_model, roles.REDACTIE)  # the editors' group
    other = EventPageFactory(parent=meeting.get_parent(), title="Andere bijeenkomst")
    RegistrationFactory(event=other, name="Iemand Anders")
    listing = admin_client.get("/admin/snippets/events/registration/", {"event": meeting.pk}).text
    assert MARKER_NAME in listing and "Iemand Anders" not in listing
    response = admin_client.get(
        "/admin/snippets/events/registration/", {"event": meeting.pk, "export": "csv"}
    )
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0][:3] == ["Bijeenkomst", "Naam", "E-mailadres"]
    (row,) = rows[1:]
    assert row[1:3] == [MARKER_NAME, MARKER_EMAIL]
    assert row[3] == "'" + FORMULA  # neutralised: a spreadsheet shows it as text


@pytest.mark.django_db
@pytest.mark.parametrize("group", [roles.COMMUNICATIE, roles.MODERATOR])
def test_only_redactie_sees_the_registrations(django_user_model, meeting, group):
    client = client_for(django_user_model, group)
    assert_refused(client.get("/admin/snippets/events/registration/"))
    assert_refused(client.get("/admin/snippets/events/registration/", {"export": "csv"}))


@pytest.mark.django_db
def test_registrations_never_reach_public_output(client, meeting):
    # Positive control: the marker is stored and is what the admin shows (test above).
    assert Registration.objects.filter(name=MARKER_NAME).exists()
    urls = [
        meeting.url,
        "/bijeenkomsten/",
        "/bijeenkomsten/archief/",
        "/bijeenkomsten/agenda.ics",
        meeting.url + "bijeenkomst.ics",
        "/",
        "/sitemap.xml",
    ]
    for url in urls:
        text = client.get(url).content.decode()
        assert "Qwyx" not in text and MARKER_EMAIL not in text, url
    # Search finds the meeting by its own words (positive control), never by a registration
    # (the search page repeats the query, so look for the meeting's link).
    assert meeting.url in client.get("/zoeken/", {"q": "deelnemers"}).text
    for query in (MARKER_NAME, "Qwyx", MARKER_EMAIL):
        assert meeting.url not in client.get("/zoeken/", {"q": query}).text, query


@pytest.mark.django_db
def test_retention_command_deletes_old_registrations_only(meeting, caplog):
    agenda = meeting.get_parent()
    long_ago = EventPageFactory(parent=agenda, start=in_days(-40))
    recent = EventPageFactory(parent=agenda, start=in_days(-5))
    for event in (long_ago, recent):
        RegistrationFactory.create_batch(2, event=event)
    out = io.StringIO()
    with caplog.at_level("INFO", logger="events"):
        call_command("delete_old_registrations", "--days", "30", stdout=out)
    assert "Deleted 2 registrations of 1 meetings" in out.getvalue()
    assert "Deleted 2 registrations" in caplog.text
    assert not Registration.objects.filter(event=long_ago).exists()
    assert Registration.objects.filter(event=recent).count() == 2
    assert Registration.objects.filter(event=meeting).count() == 1
    # With 0 days, everything of an ended meeting goes.
    call_command("delete_old_registrations", "--days", "0", stdout=io.StringIO())
    assert not Registration.objects.filter(event=recent).exists()
    assert Registration.objects.filter(event=meeting).exists()


@pytest.mark.django_db
def test_retention_command_refuses_negative_days(meeting):
    with pytest.raises(CommandError, match="--days must be 0 or more"):
        call_command("delete_old_registrations", "--days", "-1")
    assert Registration.objects.count() == 1


@pytest.mark.django_db
def test_an_end_before_the_start_is_refused():
    from django.core.exceptions import ValidationError

    from events.models import EventPage

    start = datetime.datetime(2030, 1, 1, 14, tzinfo=datetime.UTC)
    page = EventPage(title="X", slug="x", start=start, end=start - datetime.timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "Het einde ligt voor het begin." in str(error.value)
