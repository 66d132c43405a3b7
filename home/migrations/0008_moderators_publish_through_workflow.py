"""Moderators lose their publish rights: their approval publishes (home/moderation.py).

Until now Wagtail required the approving moderator to hold publish rights on news, cases
and partnerships, which also let a moderator publish anything directly. The approval is now
the right to publish, so the Moderator group's publish rights (home/roles.py,
RETIRED_RIGHTS) are removed from existing databases; migrating back gives them back.
"""

from django.db import migrations

from home.roles import apply_roles, restore_retired_rights, revoke_retired_rights


def forwards(apps, schema_editor):
    revoke_retired_rights(apps)
    apply_roles(apps)  # the moderators' one page right on the sections, see home/roles.py


def backwards(apps, schema_editor):
    """Give the retired rights back, for a rollback to the code that needed them."""
    restore_retired_rights(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_figure_image_block"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
