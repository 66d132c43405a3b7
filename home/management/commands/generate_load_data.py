"""Fill an empty database with a large, realistic data set for load tests and benchmarks.

``home.loaddata.generate_load_data`` makes the home page skeleton and then each section's
data (regions, news, cases) under it. The default sizes are those of `make loadtest`. Running
it again only adds what is missing up to the requested numbers. It refuses a database
with content a person made (pages, partnerships) unless given --force, and writes
everything in one transaction: an error leaves nothing half-written.
"""

import argparse
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.loaddata import generating
from home.loaddata import foreign_content, generate_load_data

MAXIMUM = 100_000  # far beyond any test; a typo such as 5000000 should not run for hours


def count(value):
    """argparse type: a whole number from 0 to MAXIMUM, with an English message otherwise."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number.") from None
    if not 0 <= number <= MAXIMUM:
        raise argparse.ArgumentTypeError(
            f"{number} is out of range: use a number from 0 to {MAXIMUM}."
        )
    return number


class Command(BaseCommand):
    help = (
        "Generate load-test data: partnerships, news items, cases, meetings and a profile per "
        "region. "
        "Refuses a database with other content unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--partnerships", type=count, default=5000, help="default 5000")
        parser.add_argument("--news", type=count, default=2000, help="default 2000")
        parser.add_argument("--cases", type=count, default=500, help="default 500")
        parser.add_argument("--events", type=count, default=1000, help="default 1000")
        parser.add_argument(
            "--force",
            action="store_true",
            help="also add generated content to a database that holds other content",
        )

    def handle(self, *args, **options):
        foreign = foreign_content()
        if foreign and not options["force"]:
            raise CommandError(
                "This database holds content that generate_load_data did not make ("
                + ", ".join(foreign)
                + "). It is meant for an empty database such as the load test's own; "
                "run it with --force to add generated content anyway."
            )
        sizes = {name: options[name] for name in ("partnerships", "news", "cases", "events")}
        started = time.monotonic()
        with transaction.atomic(), generating():
            generate_load_data(sizes, self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"Load-test data is in place ({time.monotonic() - started:.0f} s).")
        )
