"""Load the demo site (``home.demo.load_demo_content``: the home page, then each section).

Running it twice changes nothing: each loader only creates what is missing.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import load_demo_content


class Command(BaseCommand):
    help = "Create the Dutch demo content (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            load_demo_content(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
