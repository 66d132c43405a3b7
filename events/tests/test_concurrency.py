"""Two people confirming the last seat at the same moment never overbook it (PostgreSQL).

Each thread has its own database connection, so each confirmation is its own
transaction, committed for real (``transaction=True``). Counting the seats is slowed
down so that both transactions are inside the count at the same time: without the row
lock both would see a free seat (the control test shows that this overbooks); with it,
the second waits for the first to commit and then sees the seat taken.
"""

import threading
import time

import pytest
from django.db import connection
from django.test import RequestFactory

from events import registration as steps
from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from events.models import EventPage, Registration

SLOW_COUNT_SECONDS = 0.5

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL"
)


def slow_seats_taken(monkeypatch):
    counted = steps.seats_taken

    def slow(event):
        seats = counted(event)
        time.sleep(SLOW_COUNT_SECONDS)  # both transactions are between count and write
        return seats

    monkeypatch.setattr(steps, "seats_taken", slow)


def confirm_at_once(event, registrations):
    """Confirm each registration in its own thread and transaction, all starting together."""
    start = threading.Barrier(len(registrations))
    errors = []

    def confirm(registration):
        from django.db import connection as thread_connection

        try:
            token = steps.make_token(registration, steps.CONFIRM_SALT)
            start.wait()
            steps.confirm(event, RequestFactory().get("/"), token)
        except Exception as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=confirm, args=[r]) for r in registrations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    return sorted(Registration.objects.values_list("state", flat=True))


@pytest.fixture
def last_seat(live_db, home_page):
    agenda = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=agenda, capacity=2)
    RegistrationFactory(event=event, state=Registration.State.CONFIRMED)
    pending = [RegistrationFactory(event=event) for _ in range(2)]
    return event, pending


def test_two_confirmations_of_the_last_seat_never_overbook(last_seat, monkeypatch):
    event, pending = last_seat
    slow_seats_taken(monkeypatch)
    states = confirm_at_once(event, pending)
    assert states == ["bevestigd", "bevestigd", "wachtlijst"]
    assert Registration.objects.filter(event=event).confirmed().count() == event.capacity


def test_control_without_the_lock_the_same_race_overbooks(last_seat, monkeypatch):
    """Shows that the test above can fail: the same race, with a plain read instead of the lock."""
    event, pending = last_seat
    slow_seats_taken(monkeypatch)
    monkeypatch.setattr(steps, "lock_event", lambda pk: EventPage.objects.get(pk=pk))
    states = confirm_at_once(event, pending)
    assert states == ["bevestigd", "bevestigd", "bevestigd"]
