"""Redactie sees, exports and deletes the registrations for meetings (home/roles.py,
LATER_RIGHTS). A separate migration because home.0004 runs before the events app's tables
exist on a fresh database."""

from django.db import migrations

from home.roles import grant_later_rights


def forwards(apps, schema_editor):
    grant_later_rights(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_moderators_publish_through_workflow"),
        ("events", "0001_initial"),
    ]

    # Reversing keeps the rights: taking them away is revoke_retired_rights' job.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
