"""The editorial groups Communicatie, Redactie and Moderator and the "Moderatie" workflow.

The definitions live in home/roles.py (shared with the receiver that sets up a section
index created later). Also retires Wagtail's own sample set-up when it was never
used: the English groups "Editors" and "Moderators" (edit rights on the whole page tree) and
their "Moderators approval" workflow on the root page, which would otherwise offer every page
for review to an empty group next to our three roles.
"""

from django.conf import settings
from django.db import migrations

from dataclasses import replace

from home.roles import ROLES, apply_roles

WAGTAIL_SAMPLE_GROUPS = ("Editors", "Moderators")
WAGTAIL_SAMPLE_WORKFLOW = "Moderators approval"


def retire_wagtail_samples(apps):
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    Task = apps.get_model("wagtailcore", "Task")
    TaskState = apps.get_model("wagtailcore", "TaskState")

    for workflow in Workflow.objects.filter(name=WAGTAIL_SAMPLE_WORKFLOW, active=True):
        if WorkflowState.objects.filter(workflow=workflow).exists():
            continue  # in use: an administrator decides
        # What Workflow.deactivate() does, for a workflow with nothing in progress.
        WorkflowPage.objects.filter(workflow=workflow).delete()
        WorkflowContentType.objects.filter(workflow=workflow).delete()
        workflow.active = False
        workflow.save(update_fields=["active"])
        Task.objects.filter(
            workflow_tasks__workflow=workflow, name=WAGTAIL_SAMPLE_WORKFLOW
        ).exclude(pk__in=TaskState.objects.values("task_id")).update(active=False)
    for group in Group.objects.filter(name__in=WAGTAIL_SAMPLE_GROUPS):
        if not User.objects.filter(groups=group).exists():
            group.delete()


def as_of_this_migration(apps, role):
    """The definitions with the contact persons under the app that has them in ``apps``.

    They were ``home``'s when this migration ran on a database; core.0001 moved them (and
    their permissions, by relabelling the content type) to ``core``. Tests also run this
    with today's registry, where they are ``core``'s.
    """
    labels = {model._meta.label_lower for model in apps.get_models()}
    if "core.person" in labels:
        return role
    return replace(
        role,
        model_permissions=tuple(
            ("home", model, actions) if (app_label, model) == ("core", "person") else
            (app_label, model, actions)
            for app_label, model, actions in role.model_permissions
        ),
    )


def forwards(apps, schema_editor):
    retire_wagtail_samples(apps)
    apply_roles(apps, roles=tuple(as_of_this_migration(apps, role) for role in ROLES))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_social_image_contact_page_cookie_settings"),
        # The models whose permissions the roles name (see home/roles.py).
        ("regions", "0005_social_image"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    # Reversing keeps the groups and the workflow: people may have been put in them since.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
