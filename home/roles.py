"""The editorial roles (Communicatie, Redactie, Moderator) and the moderation workflow.

This is the one definition of who may do what in the admin. Two callers use it:

- the data migration ``home/migrations/0004_editorial_roles.py``, with the historical app
  registry, on every database (the news and case indexes may already exist there);
- the post_save receiver that ``HomeConfig.ready()`` connects to the news and case index
  page models, with the live registry, when such an index is created later (by an editor
  or by ``load_demo_content``).

So the functions never use a model class: they take ``apps`` and call ``apps.get_model``
(a migration's historical models are not the classes). The classes only name the models:
``home`` is the top layer and imports the sections. Everything is idempotent. The names are
stored in the database and looked up at run time: renaming a model needs a migration. After
changing a definition, add a new data migration that calls :func:`apply_roles` again
(migrations that ran do not run again); only add to these lists, because the old migration
still runs them on a fresh database. To take a right away, remove it from ROLES, add it to
RETIRED_RIGHTS and add a data migration that calls :func:`revoke_retired_rights`.
"""

import logging
from dataclasses import dataclass

from django.apps import apps as django_apps
from django.db.models.signals import post_save

from cases.models import CaseIndexPage
from core.models import Person
from events.models import Registration
from news.models import NewsIndexPage
from regions.models import (
    EducationLevel,
    FundingSource,
    Partnership,
    Province,
    Region,
    Sector,
    Theme,
)

logger = logging.getLogger(__name__)

COMMUNICATIE = "Communicatie"
REDACTIE = "Redactie"
MODERATOR = "Moderator"
WORKFLOW = "Moderatie"
TASK = "Goedkeuring door moderator"


def label(model):
    """``(app_label, model_name)``: how the database and a historical registry name a model."""
    return model._meta.app_label, model._meta.model_name


# Pages whose whole section (the index page and every page below it) the moderation workflow
# covers and Communicatie writes in: news and case stories.
SECTION_INDEX_MODELS = (NewsIndexPage, CaseIndexPage)
SECTION_INDEX_PAGES = tuple(label(model) for model in SECTION_INDEX_MODELS)
# Snippets that go through the same workflow.
WORKFLOW_SNIPPETS = (label(Partnership),)

ADMIN_ACCESS = ("wagtailadmin", "admin", ("access",))
TAXONOMIES = tuple(
    label(model) for model in (Region, Province, Theme, Sector, EducationLevel, FundingSource)
)


@dataclass(frozen=True)
class Role:
    """One group: model permissions, permissions on the root collection and on pages.

    Permissions are ``(app_label, model, actions)``; a codename is ``<action>_<model>``.
    """

    name: str
    model_permissions: tuple = ()
    # On the root collection, so on every image or document.
    collection_permissions: tuple = ()
    # Page actions on the root page, i.e. the whole page tree of every site.
    tree_page_actions: tuple = ()
    # Page actions on each section index page (SECTION_INDEX_PAGES) and the pages below it.
    section_page_actions: tuple = ()


ROLES = (
    # Writes news and case stories and submits them; a moderator publishes them. Uploads and
    # picks images and documents for them (and may edit the ones they uploaded themselves).
    Role(
        COMMUNICATIE,
        model_permissions=(ADMIN_ACCESS,),
        collection_permissions=(
            ("wagtailimages", "image", ("add", "choose")),
            ("wagtaildocs", "document", ("add", "choose")),
        ),
        section_page_actions=("add", "change"),
    ),
    # Edits and publishes every page, the partnerships, the regions and taxonomies, the
    # contact persons, images and documents. No deleting of pages that have children.
    Role(
        REDACTIE,
        model_permissions=(
            ADMIN_ACCESS,
            (*label(Partnership), ("add", "change", "delete", "publish", "lock", "unlock")),
            *((*taxonomy, ("add", "change", "delete")) for taxonomy in TAXONOMIES),
            (*label(Person), ("add", "change", "delete")),
        ),
        collection_permissions=(
            ("wagtailimages", "image", ("add", "change", "delete", "choose")),
            ("wagtaildocs", "document", ("add", "change", "delete", "choose")),
        ),
        tree_page_actions=("add", "change", "publish", "lock", "unlock"),
    ),
    # Approves or sends back what is submitted to the workflow. Wagtail opens the editor of
    # a page or partnership to the task's group while it awaits review; approving the last
    # task publishes it (home/moderation.py: the approval is the right to publish). A
    # moderator creates, edits and publishes nothing outside a review.
    # "bulk_delete" on the sections deletes nothing by itself (Wagtail's deleting also needs
    # "add" or "change"); it is the least of the page rights that Wagtail's page explorer and
    # its page comparison ("Vergelijk", linked from the review panel) ask for at all.
    Role(MODERATOR, model_permissions=(ADMIN_ACCESS,), section_page_actions=("bulk_delete",)),
)

# Rights on models of apps that came after home.0004, which applies ROLES on a fresh database
# before those apps' tables exist. Each entry is granted by a later data migration that
# depends on its app (grant_later_rights); only add to this list, as for ROLES.
LATER_RIGHTS = (
    # Redactie sees, exports and (on a visitor's request) deletes the registrations for a
    # meeting (home.0009); they are personal data, so Communicatie and Moderator do not.
    Role(REDACTIE, model_permissions=((*label(Registration), ("view", "delete")),)),
)

# Rights a role had in an earlier version, taken away by revoke_retired_rights (run by the
# data migration that retired them; a fresh database never gets them, as ROLES lacks them).
RETIRED_RIGHTS = (
    # Until the approval itself published (home/moderation.py), Wagtail required moderators
    # to hold publish rights, which also let them publish unapproved items directly.
    Role(
        MODERATOR,
        model_permissions=tuple(
            (app_label, model, ("publish",)) for app_label, model in WORKFLOW_SNIPPETS
        ),
        section_page_actions=("publish",),
    ),
)


def _permission(apps, app_label, model_name, codename):
    """The permission, created with Django's own name when post_migrate has not made it yet.

    On a fresh database Django and Wagtail create permissions only after all migrations ran.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
    # By id: a migration run backwards may render the historical models again between these
    # lookups, and Django refuses an instance of the other rendering's ContentType class.
    permission = Permission.objects.filter(
        content_type_id=content_type.pk, codename=codename
    ).first()
    if permission:
        return permission
    # A LookupError here means a definition names a model this database state lacks.
    model = apps.get_model(app_label, model_name)
    action = codename.removesuffix(f"_{model_name}")
    return Permission.objects.create(
        content_type_id=content_type.pk,
        codename=codename,
        name=f"Can {action} {model._meta.verbose_name_raw}",
    )


def _permissions(apps, definitions):
    return [
        _permission(apps, app_label, model_name, f"{action}_{model_name}")
        for app_label, model_name, actions in definitions
        for action in actions
    ]


def _page_permissions(apps, group, page_id, actions):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for permission in _permissions(apps, [("wagtailcore", "page", actions)]):
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page_id, permission=permission
        )


def _ensure_group(apps, role):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Page = apps.get_model("wagtailcore", "Page")

    group, _ = Group.objects.get_or_create(name=role.name)
    group.permissions.add(*_permissions(apps, role.model_permissions))
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection:
        for permission in _permissions(apps, role.collection_permissions):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
    root_page = Page.objects.filter(depth=1).first()
    if root_page and role.tree_page_actions:
        _page_permissions(apps, group, root_page.pk, role.tree_page_actions)
    return group


def _ensure_workflow(apps, moderators):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def section_index_page_ids(apps):
    """Ids of the existing news and case index pages, found by content type (``apps`` may be
    a migration's historical registry, whose models are not the imported classes)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    content_types = [
        content_type
        for app_label, model_name in SECTION_INDEX_PAGES
        for content_type in ContentType.objects.filter(app_label=app_label, model=model_name)
    ]
    return list(
        Page.objects.filter(
            content_type_id__in=[content_type.pk for content_type in content_types]
        ).values_list("pk", flat=True)
    )


def set_up_section_page(apps, page_id):
    """Give the roles their rights on a section index page and put it in the workflow.

    Looks the groups and the workflow up by name and leaves out what is missing (an
    administrator may have removed it); returns the names of what was missing. A workflow
    that an administrator already chose for this page is kept.
    """
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    missing = []
    for role in ROLES:
        if not role.section_page_actions:
            continue
        group = Group.objects.filter(name=role.name).first()
        if group:
            _page_permissions(apps, group, page_id, role.section_page_actions)
        else:
            missing.append(f"group {role.name!r}")
    workflow = Workflow.objects.filter(name=WORKFLOW, active=True).first()
    if workflow:
        WorkflowPage.objects.get_or_create(page_id=page_id, defaults={"workflow": workflow})
    else:
        missing.append(f"workflow {WORKFLOW!r}")
    return missing


def apply_roles(apps, roles=ROLES):
    """Create or complete the groups and the workflow, and set up existing section pages.

    ``roles``: the definitions as a migration knew them (see home/migrations/0004).
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    groups = {role.name: _ensure_group(apps, role) for role in roles}
    workflow = _ensure_workflow(apps, groups[MODERATOR])
    for app_label, model_name in WORKFLOW_SNIPPETS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
        WorkflowContentType.objects.get_or_create(
            content_type_id=content_type.pk, defaults={"workflow": workflow}
        )
    for page_id in section_index_page_ids(apps):
        set_up_section_page(apps, page_id)


def grant_later_rights(apps):
    """Give the groups their rights in LATER_RIGHTS (creating a group an admin removed)."""
    for role in LATER_RIGHTS:
        _ensure_group(apps, role)


def revoke_retired_rights(apps):
    """Take the rights in RETIRED_RIGHTS away from their groups, wherever they were given.

    Only the group's own rights go: a user's personal permissions and the rights of other
    groups stay. Idempotent.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for role in RETIRED_RIGHTS:
        group = Group.objects.filter(name=role.name).first()
        if group is None:
            continue
        for app_label, model_name, actions in role.model_permissions:
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label=app_label,
                    content_type__model=model_name,
                    codename__in=[f"{action}_{model_name}" for action in actions],
                )
            )
        GroupPagePermission.objects.filter(
            group=group,
            page_id__in=section_index_page_ids(apps),
            permission__content_type__app_label="wagtailcore",
            permission__codename__in=[f"{action}_page" for action in role.section_page_actions],
        ).delete()


def restore_retired_rights(apps):
    """Give RETIRED_RIGHTS back to their groups (when a migration that revoked them is undone)."""
    Group = apps.get_model("auth", "Group")
    for role in RETIRED_RIGHTS:
        if not Group.objects.filter(name=role.name).exists():
            continue
        group = _ensure_group(apps, role)
        for page_id in section_index_page_ids(apps):
            _page_permissions(apps, group, page_id, role.section_page_actions)


def set_up_created_section_page(sender, instance, created, raw=False, **kwargs):
    """post_save receiver of the section index page models (see :func:`connect_signals`).

    A signal rather than Wagtail's ``after_create_page`` hook, because index pages are also
    created outside the admin's create view: by ``load_demo_content`` and by copying a page.
    """
    if not created or raw:
        return
    missing = set_up_section_page(django_apps, instance.pk)
    if missing:
        logger.warning(
            "Section page %s (id %s) was created without %s; run `manage.py migrate`.",
            instance,
            instance.pk,
            " and ".join(missing),
        )


def connect_signals():
    """Called once from ``HomeConfig.ready()``: set up every section index when it is created."""
    for model in SECTION_INDEX_MODELS:
        post_save.connect(
            set_up_created_section_page,
            sender=model,
            dispatch_uid=f"section-index-roles-{model._meta.label_lower}",
        )
