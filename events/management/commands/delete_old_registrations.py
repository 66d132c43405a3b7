"""Delete the registrations of meetings that ended more than N days ago (run daily by cron).

Registrations are personal data, kept only as long as the organisers need them.
"""

import datetime
import logging

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from events.models import Registration

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Delete registrations of meetings that ended more than --days days ago."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.EVENT_REGISTRATION_RETENTION_DAYS,
            help="Days after a meeting's end to keep its registrations "
            "(default: EVENT_REGISTRATION_RETENTION_DAYS).",
        )

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError(f"--days must be 0 or more, not {days}.")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        with transaction.atomic():
            old = Registration.objects.filter(event__end__lt=cutoff)
            events = old.values("event_id").distinct().count()
            deleted, _ = old.delete()
        message = (
            f"Deleted {deleted} registrations of {events} meetings that ended before "
            f"{cutoff:%Y-%m-%d %H:%M} ({days} days ago)."
        )
        logger.info(message)
        self.stdout.write(message)
