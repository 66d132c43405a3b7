"""Polite reminders to contact persons to check a stale write-up (a cron job), with opt-out.

``manage.py mail_check_reminders`` mails each stale partnership's contact person
(regions/insight.py: not confirmed in twelve months) at most once per ``period``; every
mail sent is logged as a :class:`CheckReminder`. Each mail carries a personal opt-out link:
the address, signed with the site's secret key (Django's signing, its own salt) and valid
for ``OPT_OUT_MAX_AGE``. A forged or expired link changes nothing.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from .insight import stale_partnerships
from .models.insight import CheckReminder, ReminderOptOut

OPT_OUT_SALT = "regions.reminders.opt-out"
OPT_OUT_MAX_AGE = timedelta(days=400)  # a link in a yearly mail still works a year on
DEFAULT_PERIOD = timedelta(days=90)

SUBJECT = "Klopt de beschrijving van {name} nog?"
BODY = """Beste {person},

U staat op onze website genoemd als contactpersoon van {name}. Bezoekers vinden daar
wie er samenwerkt, waaraan en met welk resultaat. Het is meer dan een jaar geleden dat
iemand heeft bevestigd dat deze gegevens nog kloppen.

Wilt u de beschrijving even bekijken?
{writeup_url}

Is er iets veranderd, of klopt alles nog? Antwoord dan op deze e-mail; wij passen het
aan of zetten de datum van de laatste controle bij.

Met vriendelijke groet,
de redactie

Wilt u deze herinneringen niet meer ontvangen? Meld u af via:
{opt_out_url}
"""


def opt_out_token(email):
    return signing.dumps(email.strip().lower(), salt=OPT_OUT_SALT)


def email_from_token(token):
    """The address a token was made for; raises signing.BadSignature (expired included)."""
    return signing.loads(token, salt=OPT_OUT_SALT, max_age=OPT_OUT_MAX_AGE)


def opt_out(email):
    ReminderOptOut.objects.get_or_create(email=email)


def due_reminders(period=DEFAULT_PERIOD, now=None):
    """(partnership, email) pairs to mail now: stale, with a contact address, not opted
    out and not reminded within ``period``."""
    now = now or timezone.now()
    opted_out = set(ReminderOptOut.objects.values_list("email", flat=True))
    recent = set(
        CheckReminder.objects.filter(sent_at__gte=now - period).values_list(
            "partnership_id", flat=True
        )
    )
    candidates = (
        stale_partnerships(now=now)
        .exclude(contact_person__isnull=True)
        .exclude(contact_person__email="")
        .select_related("contact_person")
    )
    return [
        (partnership, partnership.contact_person.email)
        for partnership in candidates
        if partnership.pk not in recent
        and partnership.contact_person.email.strip().lower() not in opted_out
    ]


def send_reminder(partnership, email, writeup_url, base_url):
    """Mail one reminder and log it; the log row is written only once the mail is sent."""
    opt_out_url = base_url + reverse("regions_reminder_opt_out", args=[opt_out_token(email)])
    with transaction.atomic():
        send_mail(
            SUBJECT.format(name=partnership.name),
            BODY.format(
                person=partnership.contact_person.name,
                name=partnership.name,
                writeup_url=writeup_url,
                opt_out_url=opt_out_url,
            ),
            settings.DEFAULT_FROM_EMAIL,
            [email],
        )
        CheckReminder.objects.create(partnership=partnership, email=email)
