"""The cron mail to contact persons of stale partnerships, its log and the opt-out link."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail, signing
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from core.factories import PersonFactory
from regions.factories import PartnershipFactory
from regions.models import CheckReminder, Partnership, ReminderOptOut
from regions.reminders import OPT_OUT_MAX_AGE, OPT_OUT_SALT, opt_out_token


def run(*args):
    out = StringIO()
    call_command("mail_check_reminders", *args, stdout=out)
    return out.getvalue()


def stale(name, email, **fields):
    partnership = PartnershipFactory(
        name=name, contact_person=PersonFactory(name=f"Contact {name}", email=email), **fields
    )
    Partnership.objects.filter(pk=partnership.pk).update(
        first_published_at=timezone.now() - timedelta(days=400)
    )
    return partnership


@pytest.fixture
def partnerships(map_page):
    return {
        "stale": stale("Oude pps", "anna@example.nl"),
        "draft": stale("Concept pps", "bram@example.nl", live=False),
        "no address": stale("Zonder adres", ""),
        "fresh": PartnershipFactory(
            contact_person=PersonFactory(email="cor@example.nl"),
            first_published_at=timezone.now(),
        ),
    }


@pytest.mark.django_db
def test_mails_each_stale_contact_once_per_period_and_logs_it(partnerships):
    assert run() == "Sent 1 reminder(s).\n"
    (message,) = mail.outbox
    assert message.to == ["anna@example.nl"]
    assert message.subject == "Klopt de beschrijving van Oude pps nog?"
    assert "Beste Contact Oude pps," in message.body
    assert "http://localhost/netwerkkaart/" + partnerships["stale"].slug + "/" in message.body
    assert "/herinneringen/afmelden/" in message.body
    log = CheckReminder.objects.get()
    assert (log.partnership, log.email) == (partnerships["stale"], "anna@example.nl")
    # Within the period: nothing again. After it: once more.
    assert run() == "Sent 0 reminder(s).\n"
    CheckReminder.objects.update(sent_at=timezone.now() - timedelta(days=91))
    assert run() == "Sent 1 reminder(s).\n"
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_dry_run_sends_and_logs_nothing(partnerships):
    assert run("--dry-run") == (
        "Would mail anna@example.nl about Oude pps.\nWould send 1 reminder(s).\n"
    )
    assert mail.outbox == [] and not CheckReminder.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["0", "-3", "veel", ""])
def test_bad_period_is_refused(partnerships, value):
    with pytest.raises(CommandError, match="--period-days"):
        run("--period-days", value)
    assert mail.outbox == []


@pytest.mark.django_db
def test_without_a_map_page_nothing_is_sent(home_page):
    stale("Oude pps", "anna@example.nl")
    with pytest.raises(CommandError, match="network map"):
        run()
    assert mail.outbox == [] and not CheckReminder.objects.exists()


@pytest.mark.django_db
def test_opt_out_link_confirms_then_stops_the_mails(client, partnerships):
    url = reverse("regions_reminder_opt_out", args=[opt_out_token("Anna@example.nl")])
    page = client.get(url)
    assert page.status_code == 200
    assert "anna@example.nl" in page.text
    assert not ReminderOptOut.objects.exists()  # a GET (a mail scanner) changes nothing
    done = client.post(url)
    assert "U bent afgemeld." in done.text
    assert ReminderOptOut.objects.filter(email="anna@example.nl").exists()
    assert run() == "Sent 0 reminder(s).\n"
    client.post(url)  # twice is once
    assert ReminderOptOut.objects.count() == 1


@pytest.mark.django_db
def test_forged_damaged_and_expired_tokens_change_nothing(client, partnerships):
    good = opt_out_token("anna@example.nl")
    forged = signing.dumps("anna@example.nl", salt="een-ander-doel")
    expired = signing.TimestampSigner(salt=OPT_OUT_SALT).sign_object(
        "anna@example.nl"
    )  # signed now; read later than the maximum age below
    for token in (forged, good[:-3] + "abc", "onzin", good.replace(":", "x")):
        response = client.post(reverse("regions_reminder_opt_out", args=[token]))
        assert response.status_code == 400
        assert "ongeldig of verlopen" in response.text
    later = timezone.now() + OPT_OUT_MAX_AGE + timedelta(days=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("time.time", lambda: later.timestamp())
        response = client.post(reverse("regions_reminder_opt_out", args=[expired]))
    assert response.status_code == 400
    assert not ReminderOptOut.objects.exists()
