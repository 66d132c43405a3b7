"""Registering: double opt-in, seat limit, waiting list, cancelling, and every bad input."""

import re
from urllib.parse import urlencode

import pytest
from django.core import mail, signing
from django.core.cache import cache

from events import registration as steps
from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory, in_days
from events.models import EventPage, Registration

FORM = {"name": "Jan Jansen", "email": "jan@example.nl", "organisation": "ROC Twente", "role": ""}


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


@pytest.fixture
def agenda(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def event(agenda):
    return EventPageFactory(parent=agenda, capacity=1)


def link(message, action):
    return re.search(rf"http://\S+/{action}/\?code=\S+", message.body).group(0)


def step_url(event, step, token):
    return f"{event.url}{event.reverse_subpage(step)}?{urlencode({'code': token})}"


def path(url):
    return url.split("testserver", 1)[1]


@pytest.mark.django_db(transaction=False)
def test_register_confirm_and_cancel(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.url, FORM)
    assert "Controleer uw e-mail" in response.text
    registration = Registration.objects.get()
    assert registration.state == Registration.State.PENDING
    confirm_url = path(link(mail.outbox[0], "bevestigen"))
    # Opening the link (as a mail scanner would) changes nothing; the button does.
    assert "Bevestig mijn aanmelding" in client.get(confirm_url).text
    assert Registration.objects.get().state == Registration.State.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        text = client.post(confirm_url).text
    assert "U heeft een plaats" in text
    assert Registration.objects.get().state == Registration.State.CONFIRMED
    assert mail.outbox[1].subject.startswith("U bent aangemeld")
    # A second click changes nothing.
    assert "U heeft een plaats" in client.post(confirm_url).text
    cancel_url = path(link(mail.outbox[1], "afmelden"))
    assert "Meld mij af" in client.get(cancel_url).text
    assert "U bent afgemeld" in client.post(cancel_url).text
    assert not Registration.objects.exists()
    assert "bestaat niet (meer)" in client.post(cancel_url).text


@pytest.mark.django_db
def test_full_meeting_puts_the_confirmed_on_the_waiting_list(client, event, rf):
    RegistrationFactory(event=event, state=Registration.State.CONFIRMED)
    late = RegistrationFactory(event=event)
    token = steps.make_token(late, steps.CONFIRM_SALT)
    text = client.post(step_url(event, "confirm", token)).text
    assert "wachtlijst" in text
    late.refresh_from_db()
    assert late.state == Registration.State.WAITING


@pytest.mark.django_db
def test_cancelling_a_seat_moves_the_first_on_the_waiting_list_up(
    client, event, django_capture_on_commit_callbacks
):
    seated = RegistrationFactory(event=event, state=Registration.State.CONFIRMED)
    first = RegistrationFactory(
        event=event, state=Registration.State.WAITING, email="eerste@example.nl"
    )
    second = RegistrationFactory(
        event=event, state=Registration.State.WAITING, email="tweede@example.nl"
    )
    token = steps.make_token(seated, steps.CANCEL_SALT)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(step_url(event, "cancel", token))
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, second.state) == (Registration.State.CONFIRMED, Registration.State.WAITING)
    assert [message.to for message in mail.outbox] == [["eerste@example.nl"]]
    assert "vrijgekomen" in mail.outbox[0].subject
    assert "/afmelden/" in mail.outbox[0].body


@pytest.mark.django_db
def test_duplicate_address_is_refused_in_dutch(client, event):
    RegistrationFactory(event=event, email="Jan@Example.nl")
    text = client.post(event.url, FORM).text
    assert "al aangemeld voor deze bijeenkomst" in text
    assert Registration.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change, message",
    [
        ({"registration_closes": in_days(-1)}, "De aanmelding voor deze bijeenkomst is gesloten."),
        ({"status": EventPage.Status.CANCELLED}, "Deze bijeenkomst is geannuleerd"),
        ({"status": EventPage.Status.POSTPONED}, "Deze bijeenkomst is verplaatst"),
    ],
)
def test_closed_or_cancelled_meeting_refuses_registering_and_confirming(
    client, event, change, message
):
    pending = RegistrationFactory(event=event)
    EventPage.objects.filter(pk=event.pk).update(**change)
    text = client.post(event.url, FORM).text
    assert message in text
    assert Registration.objects.count() == 1
    token = steps.make_token(pending, steps.CONFIRM_SALT)
    response = client.post(step_url(event, "confirm", token))
    assert response.status_code == 400 and message in response.text
    pending.refresh_from_db()
    assert pending.state == Registration.State.PENDING
    assert not mail.outbox


@pytest.mark.django_db
def test_forged_expired_and_foreign_tokens(client, event, agenda, monkeypatch):
    registration = RegistrationFactory(event=event)
    forged = steps.make_token(registration, steps.CONFIRM_SALT)[:-2] + "xx"
    others = [forged, "onzin", "", signing.dumps({"id": registration.pk}, salt="iets-anders")]
    for token in others:
        for method in (client.get, client.post):
            response = method(step_url(event, "confirm", token))
            assert response.status_code == 400 and "Deze link is niet geldig" in response.text
    # A cancel token does not confirm.
    cancel_token = steps.make_token(registration, steps.CANCEL_SALT)
    assert client.post(step_url(event, "confirm", cancel_token)).status_code == 400
    # A token for another meeting's registration does not work here.
    other = RegistrationFactory(event=EventPageFactory(parent=agenda))
    response = client.post(step_url(event, "confirm", steps.make_token(other, steps.CONFIRM_SALT)))
    assert "bestaat niet (meer)" in response.text
    # Three days old: past the two days a confirmation link lives.
    real_time = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() - 3 * 24 * 3600)
    old = steps.make_token(registration, steps.CONFIRM_SALT)
    monkeypatch.undo()
    response = client.post(step_url(event, "confirm", old))
    assert response.status_code == 400 and "verlopen" in response.text
    registration.refresh_from_db()
    assert registration.state == Registration.State.PENDING


@pytest.mark.django_db
def test_bad_form_input_stores_nothing(client, event):
    text = client.post(event.url, {**FORM, "email": "geen-adres", "name": ""}).text
    assert "U bent nog niet aangemeld" in text and "Naam:" in text and "E-mailadres:" in text
    assert not Registration.objects.exists() and not mail.outbox


@pytest.mark.django_db
def test_honeypot_stores_and_sends_nothing(client, event):
    text = client.post(event.url, {**FORM, "uw-website": "http://spam.example"}).text
    assert "Controleer uw e-mail" in text
    assert not Registration.objects.exists() and not mail.outbox


@pytest.mark.django_db
def test_rate_limit_answers_in_dutch(client, event, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "event_registration": (2, 3600)}
    for number in range(2):
        client.post(event.url, {**FORM, "email": f"persoon{number}@example.nl"})
    response = client.post(event.url, {**FORM, "email": "derde@example.nl"})
    assert response.status_code == 429 and "Retry-After" in response
    assert Registration.objects.count() == 2


@pytest.mark.django_db
def test_mail_failure_is_logged_and_the_registration_kept(
    client, event, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("SMTP down")

    monkeypatch.setattr(steps, "send_mail", broken)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.url, FORM)
    assert response.status_code == 200
    assert Registration.objects.count() == 1
    assert "failed" in caplog.text


@pytest.mark.django_db
def test_meeting_without_seat_limit_has_no_form(client, agenda):
    page = EventPageFactory(parent=agenda, capacity=None)
    text = client.get(page.url).text
    assert "Meld mij aan" not in text
    assert client.post(page.url, FORM).status_code == 200
    assert not Registration.objects.exists()
