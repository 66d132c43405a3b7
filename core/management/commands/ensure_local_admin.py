"""Create a local superuser with a random password, printed once; never touches an existing one."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create the local admin user 'admin' with a random password (printed once)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        if not username.strip():
            raise CommandError("--username must not be empty.")
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Admin user '{username}' already exists; its password is unchanged.")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created admin user '{username}' with password: {password}\n"
                "It is shown only this once. Log in at http://127.0.0.1:8000/admin/"
            )
        )
