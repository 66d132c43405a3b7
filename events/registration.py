"""Registering for a meeting: double opt-in, a seat limit, a waiting list, cancelling.

Every step that reads the number of seats taken and then writes runs in one transaction
that first locks the meeting's row (``SELECT … FOR UPDATE``): two people confirming the
last seat at the same moment are served one after the other, so the second sees the seat
taken and goes on the waiting list. SQLite (``make run``) ignores the lock; it lets only
one transaction write at a time anyway.

Links in the e-mails carry a signed token (``django.core.signing``) with the
registration's id and address: a forged one fails the signature, an old one its age.
E-mails are sent only after the transaction commits, so nothing is mailed for a change
that was rolled back.
"""

import datetime
import logging
from urllib.parse import urlencode

from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import formats, timezone

from events.models.registrations import Registration

logger = logging.getLogger(__name__)

CONFIRM_SALT = "events.registration.confirm"
CANCEL_SALT = "events.registration.cancel"
# A confirmation link is used right away or not at all; a cancel link until the meeting.
CONFIRM_MAX_AGE = datetime.timedelta(days=2)
CANCEL_MAX_AGE = datetime.timedelta(days=400)

DUPLICATE = "U bent met dit e-mailadres al aangemeld voor deze bijeenkomst. Kijk in uw e-mail voor de bevestigingslink."
FORGED = (
    "Deze link is niet geldig. Gebruik de link uit uw e-mail, zonder er iets aan te veranderen."
)
CONFIRM_EXPIRED = (
    "Deze bevestigingslink is verlopen. Meld u opnieuw aan om een nieuwe link te ontvangen."
)
CANCEL_EXPIRED = "Deze afmeldlink is verlopen. Neem contact met ons op om u af te melden."
GONE = "Deze aanmelding bestaat niet (meer). Misschien heeft u zich al afgemeld."
ENDED = "Deze bijeenkomst is al voorbij."


class Refused(Exception):
    """A step that cannot be taken; ``message`` says why, in Dutch, for the visitor."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def lock_event(event_id):
    """Lock the meeting's row until the transaction ends and return it fresh.

    Only the meeting's own table row (``of=("self",)``): the page tree stays free for
    editors. Every change of who holds a seat takes this lock first.
    """
    # Imported here: the page model imports this module for its routes.
    from events.models import EventPage

    return EventPage.objects.select_for_update(of=("self",)).get(pk=event_id)


def seats_taken(event):
    return Registration.objects.filter(event_id=event.pk).confirmed().count()


def make_token(registration, salt):
    return signing.dumps({"id": registration.pk, "email": registration.email}, salt=salt)


def read_token(event, token, salt, max_age, expired_message):
    """The registration a link is for; Refused when it is forged, too old or gone."""
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise Refused(expired_message) from None
    except signing.BadSignature:
        raise Refused(FORGED) from None
    if not isinstance(data, dict) or not isinstance(data.get("id"), int):
        raise Refused(FORGED)
    registration = Registration.objects.filter(pk=data["id"], event_id=event.pk).first()
    if registration is None or registration.email != data.get("email"):
        raise Refused(GONE)
    return registration


def confirm_registration(event, token):
    """The pending or confirmed registration a confirmation link is for."""
    return read_token(event, token, CONFIRM_SALT, CONFIRM_MAX_AGE, CONFIRM_EXPIRED)


def cancel_registration(event, token):
    """The registration a cancel link is for."""
    return read_token(event, token, CANCEL_SALT, CANCEL_MAX_AGE, CANCEL_EXPIRED)


def register(event, request, *, name, email, organisation, role=""):
    """Store a pending registration and mail its confirmation link; Refused when closed,
    cancelled or already registered."""
    email = email.strip()
    try:
        with transaction.atomic():
            event = lock_event(event.pk)
            reason = event.closed_reason()
            if reason:
                raise Refused(reason)
            if Registration.objects.filter(event_id=event.pk, email__iexact=email).exists():
                raise Refused(DUPLICATE)
            registration = Registration.objects.create(
                event=event, name=name, email=email, organisation=organisation, role=role
            )
            link = step_link(event, request, "confirm", make_token(registration, CONFIRM_SALT))
            transaction.on_commit(lambda: mail(registration, *confirmation_mail(event, link)))
    except IntegrityError:
        # The unique constraint caught a second form sent at the same moment.
        raise Refused(DUPLICATE) from None
    return registration


def confirm(event, request, token):
    """Confirm a registration: a seat while there is one, else the waiting list.

    Returns the registration as it is afterwards (its ``state`` says which).
    """
    with transaction.atomic():
        event = lock_event(event.pk)
        registration = confirm_registration(event, token)
        if registration.state != Registration.State.PENDING:
            return registration  # a second click changes nothing
        reason = event.closed_reason()
        if reason:
            raise Refused(reason)
        registration.confirmed_at = timezone.now()
        if seats_taken(event) < event.capacity:
            registration.state = Registration.State.CONFIRMED
        else:
            registration.state = Registration.State.WAITING
        registration.save(update_fields=["state", "confirmed_at"])
        transaction.on_commit(
            lambda: mail(registration, *confirmed_mail(event, request, registration))
        )
    return registration


def cancel(event, request, token):
    """Delete a registration; a freed seat goes to the first on the waiting list (mailed).

    Returns the registration that moved up, or None.
    """
    with transaction.atomic():
        event = lock_event(event.pk)
        registration = cancel_registration(event, token)
        if event.has_ended:
            raise Refused(ENDED)
        freed = registration.state == Registration.State.CONFIRMED
        registration.delete()
        if not freed or event.status == event.Status.CANCELLED:
            return None
        promoted = Registration.objects.filter(event_id=event.pk).waiting().first()
        if promoted is None or seats_taken(event) >= event.capacity:
            return None
        promoted.state = Registration.State.CONFIRMED
        promoted.save(update_fields=["state"])
        transaction.on_commit(lambda: mail(promoted, *promoted_mail(event, request, promoted)))
    return promoted


# --- e-mails ---------------------------------------------------------------------------


def when(event):
    start = timezone.localtime(event.start)
    end = timezone.localtime(event.end)
    day = formats.date_format(start, "l j F Y")
    return f"{day}, {start:%H:%M}–{end:%H:%M} uur"


def step_link(event, request, step, token):
    """The absolute address of the ``confirm`` or ``cancel`` step with its signed code."""
    query = urlencode({"code": token})
    return request.build_absolute_uri(f"{event.url}{event.reverse_subpage(step)}?{query}")


def cancel_link(event, request, registration):
    return step_link(event, request, "cancel", make_token(registration, CANCEL_SALT))


def confirmation_mail(event, link):
    return (
        f"Bevestig uw aanmelding: {event.title}",
        f"Bedankt voor uw aanmelding voor {event.title} ({when(event)}).\n\n"
        f"Uw aanmelding telt pas als u haar bevestigt. Open deze link binnen twee dagen:\n{link}\n\n"
        "Heeft u zich niet aangemeld? Dan kunt u deze e-mail negeren; uw gegevens worden "
        "dan na afloop van de bijeenkomst verwijderd.",
    )


def confirmed_mail(event, request, registration):
    link = cancel_link(event, request, registration)
    if registration.state == Registration.State.CONFIRMED:
        subject = f"U bent aangemeld: {event.title}"
        text = f"Uw plaats voor {event.title} ({when(event)}) is bevestigd."
    else:
        subject = f"U staat op de wachtlijst: {event.title}"
        text = (
            f"{event.title} ({when(event)}) is vol. U staat op de wachtlijst; komt er een "
            "plaats vrij, dan krijgt u die automatisch en sturen we u een e-mail."
        )
    return (
        subject,
        f"{text}\n\nKunt u toch niet? Meld u dan af, zodat een ander uw plaats krijgt:\n{link}",
    )


def promoted_mail(event, request, registration):
    link = cancel_link(event, request, registration)
    return (
        f"Er is een plaats voor u vrijgekomen: {event.title}",
        f"Goed nieuws: er is een plaats vrijgekomen voor {event.title} ({when(event)}). "
        f"U stond op de wachtlijst en bent nu aangemeld.\n\nKunt u toch niet? Meld u dan af:\n{link}",
    )


def mail(registration, subject, text):
    """Send one e-mail to the registered person; a failure is logged, never shown."""
    try:
        send_mail(subject, text, None, [registration.email])
    except Exception:
        logger.exception("Registration %s: e-mail '%s' failed.", registration.pk, subject)
