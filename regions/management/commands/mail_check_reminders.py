"""`manage.py mail_check_reminders`: ask contact persons of stale partnerships to check them.

Meant for cron (e.g. weekly). A partnership whose data no editor confirmed in twelve months
(regions/insight.py) gets one polite Dutch mail to its contact person, at most once per
period (``--period-days``, default 90), never to an address that opted out. Every mail
sent is logged (Regionaal netwerk: CheckReminder); see regions/reminders.py.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from regions.models import NetworkMapPage
from regions.reminders import DEFAULT_PERIOD, due_reminders, send_reminder


def parse_period(value):
    try:
        days = int(value)
    except ValueError:
        days = 0
    if days < 1:
        raise CommandError(f"--period-days must be a whole number of days, 1 or more: {value!r}.")
    return days


class Command(BaseCommand):
    help = "Mail the contact persons of partnerships not checked in 12 months (for cron)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--period-days",
            default=str(DEFAULT_PERIOD.days),
            help="Mail a partnership's contact at most once in this many days (default 90).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would be mailed; send nothing."
        )

    def handle(self, *args, period_days: str, dry_run, **options):
        period = timedelta(days=parse_period(period_days))
        map_page = NetworkMapPage.objects.live().first()
        site = Site.objects.filter(is_default_site=True).first()
        if map_page is None or site is None:
            raise CommandError("No live network map page or default site: nothing to link to.")
        base_url = site.root_url
        due = due_reminders(period)
        for partnership, email in due:
            if dry_run:
                self.stdout.write(f"Would mail {email} about {partnership.name}.")
                continue
            writeup_url = map_page.get_full_url() + f"{partnership.slug}/"
            send_reminder(partnership, email, writeup_url, base_url)
        verb = "Would send" if dry_run else "Sent"
        self.stdout.write(f"{verb} {len(due)} reminder(s).")
