"""Load the demo site: every app may ship a ``demo`` module with a ``load(stdout)`` function.

The command runs them in INSTALLED_APPS order (home first), so each section adds its own
content without the site core importing the sections. Running it twice changes nothing:
each loader only creates what is missing.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Create the Dutch demo content (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                if find_spec(module_name) is None:
                    continue
                import_module(module_name).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
