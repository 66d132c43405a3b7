"""The editorial groups and the workflow that the data migration made, and what each group
may do with the site core's pages through the admin (news, cases and partnerships are tested
in their own apps)."""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
)
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from core.tests.editors import assert_refused, client_for
from home import roles
from home.factories import ProgrammePageFactory
from home.models import ProgrammePage

ADMIN = ("wagtailadmin", "access_admin")
PARTNERSHIP_RIGHTS = {
    ("regions", f"{action}_partnership")
    for action in ("add", "change", "delete", "publish", "lock", "unlock")
}
TAXONOMY_RIGHTS = {
    ("regions", f"{action}_{model}")
    for model in ("region", "province", "theme", "sector", "educationlevel", "fundingsource")
    for action in ("add", "change", "delete")
}
PERSON_RIGHTS = {("core", f"{action}_person") for action in ("add", "change", "delete")}
REGISTRATION_RIGHTS = {("events", "view_registration"), ("events", "delete_registration")}


def model_rights(name):
    return set(
        Group.objects.get(name=name).permissions.values_list("content_type__app_label", "codename")
    )


def collection_rights(name):
    return set(
        GroupCollectionPermission.objects.filter(group__name=name, collection__depth=1).values_list(
            "permission__codename", flat=True
        )
    )


def tree_rights(name):
    """Page rights on the root page, which every page inherits."""
    return set(
        GroupPagePermission.objects.filter(group__name=name, page__depth=1).values_list(
            "permission__codename", flat=True
        )
    )


@pytest.mark.django_db
def test_groups_have_exactly_their_model_permissions():
    assert model_rights(roles.COMMUNICATIE) == {ADMIN}
    assert model_rights(roles.MODERATOR) == {ADMIN}
    assert model_rights(roles.REDACTIE) == (
        {ADMIN} | PARTNERSHIP_RIGHTS | TAXONOMY_RIGHTS | PERSON_RIGHTS | REGISTRATION_RIGHTS
    )


@pytest.mark.django_db
def test_groups_have_exactly_their_image_and_document_permissions():
    assert collection_rights(roles.COMMUNICATIE) == {
        "add_image",
        "choose_image",
        "add_document",
        "choose_document",
    }
    assert collection_rights(roles.REDACTIE) == {
        f"{action}_{model}"
        for model in ("image", "document")
        for action in ("add", "change", "delete", "choose")
    }
    assert collection_rights(roles.MODERATOR) == set()


@pytest.mark.django_db
def test_only_redactie_has_rights_on_the_whole_page_tree():
    assert tree_rights(roles.REDACTIE) == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }
    assert tree_rights(roles.COMMUNICATIE) == set()
    assert tree_rights(roles.MODERATOR) == set()
    assert not GroupPagePermission.objects.exclude(group__name=roles.REDACTIE).exists()


@pytest.mark.django_db
def test_moderation_workflow_has_one_task_for_the_moderators():
    workflow = Workflow.objects.get(name=roles.WORKFLOW)
    assert workflow.active
    tasks = list(workflow.tasks.specific())
    assert len(tasks) == 1
    assert isinstance(tasks[0], GroupApprovalTask)
    assert tasks[0].name == roles.TASK
    assert [group.name for group in tasks[0].groups.all()] == [roles.MODERATOR]
    partnership_type = ContentType.objects.get(app_label="regions", model="partnership")
    assert WorkflowContentType.objects.get(content_type=partnership_type).workflow == workflow


@pytest.mark.django_db
def test_wagtail_sample_groups_and_workflow_are_retired():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    sample = Workflow.objects.get(name="Moderators approval")
    assert not sample.active
    assert not WorkflowPage.objects.filter(workflow=sample).exists()
    assert not sample.tasks.filter(active=True).exists()


@pytest.mark.django_db
def test_sample_set_up_in_use_is_left_alone(django_user_model, home_page):
    migration = import_module("home.migrations.0004_editorial_roles")
    editors = Group.objects.create(name="Editors")
    django_user_model.objects.create_user("oud", "oud@example.nl").groups.add(editors)
    sample = Workflow.objects.get(name="Moderators approval")
    sample.active = True
    sample.save()
    WorkflowPage.objects.create(page=home_page, workflow=sample)
    home_page.save_revision()
    sample.start(home_page, user=None)  # a page awaits review in the sample workflow
    migration.retire_wagtail_samples(apps)
    assert Group.objects.filter(name="Editors").exists()
    sample.refresh_from_db()
    assert sample.active
    assert WorkflowPage.objects.filter(workflow=sample).exists()


@pytest.mark.django_db
def test_roles_can_be_applied_twice_without_duplicates():
    def counts():
        return (
            Group.objects.count(),
            Permission.objects.count(),
            GroupPagePermission.objects.count(),
            GroupCollectionPermission.objects.count(),
            Workflow.objects.count(),
            GroupApprovalTask.objects.count(),
            WorkflowContentType.objects.count(),
        )

    before = counts()
    roles.apply_roles(apps)
    assert counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize("group", [roles.COMMUNICATIE, roles.REDACTIE, roles.MODERATOR])
def test_every_role_reaches_the_admin_but_not_the_user_management(django_user_model, group):
    client = client_for(django_user_model, group)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert_refused(client.get(reverse("wagtailusers_users:index")))
    assert_refused(client.get(reverse("wagtailusers_groups:index")))
    assert_refused(client.get(reverse("wagtailadmin_workflows:index")))


def programme_data(action=None, **fields):
    data = {
        "title": "Knelpunten",
        "slug": "knelpunten",
        "intro": "Waar lopen samenwerkingen tegenaan?",
        "body": streamfield([("paragraph", rich_text("<p>Versnippering.</p>"))]),
        "seo_title": "",
        "search_description": "",
        "listing_image": "",
        "listing_summary": "",
        "social_image": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(fields)
    if action:
        data[f"action-{action}"] = action
    return nested_form_data(data)


@pytest.fixture
def programme_page(home_page):
    return ProgrammePageFactory(parent=home_page, title="Knelpunten", slug="knelpunten")


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("home", "programmepage", parent.pk))


@pytest.mark.django_db
@pytest.mark.parametrize("group", [roles.COMMUNICATIE, roles.MODERATOR])
def test_communicatie_and_moderator_cannot_edit_or_add_programme_pages(
    django_user_model, group, programme_page, home_page
):
    client = client_for(django_user_model, group)
    assert_refused(client.get(edit_url(programme_page)))
    assert_refused(client.post(edit_url(programme_page), programme_data("submit", title="Weg")))
    assert_refused(client.get(add_url(home_page)))
    assert_refused(client.post(add_url(home_page), programme_data("submit", slug="nieuw")))
    programme_page.refresh_from_db()
    assert programme_page.title == "Knelpunten"
    assert not programme_page.has_unpublished_changes
    assert ProgrammePage.objects.count() == 1


@pytest.mark.django_db
def test_redactie_edits_and_publishes_a_programme_page_directly(
    django_user_model, programme_page, client
):
    redactie = client_for(django_user_model, roles.REDACTIE)
    response = redactie.post(
        edit_url(programme_page), programme_data("publish", title="Knelpunten en kansen")
    )
    assert response.status_code == 302
    programme_page.refresh_from_db()
    assert programme_page.live
    assert programme_page.title == "Knelpunten en kansen"
    assert "Knelpunten en kansen" in client.get(programme_page.url).text


@pytest.mark.django_db
def test_programme_pages_have_no_workflow(programme_page):
    assert programme_page.get_workflow() is None


@pytest.mark.django_db
def test_demo_content_leaves_the_sections_set_up(demo_site):
    """`make run` on a fresh database: migrations first, then the demo creates the indexes."""
    index_ids = roles.section_index_page_ids(apps)
    assert len(index_ids) == 2
    for page in Page.objects.filter(pk__in=index_ids):
        assert page.get_workflow().name == roles.WORKFLOW
        rights = set(
            GroupPagePermission.objects.filter(page=page).values_list(
                "group__name", "permission__codename"
            )
        )
        assert rights == {
            (roles.COMMUNICATIE, "add_page"),
            (roles.COMMUNICATIE, "change_page"),
            (roles.MODERATOR, "bulk_delete_page"),
        }
        # The items below an index fall under the same workflow.
        assert all(child.get_workflow().name == roles.WORKFLOW for child in page.get_children()[:3])
    assert ProgrammePage.objects.first().get_workflow() is None


@pytest.mark.django_db
def test_migration_takes_the_moderators_old_publish_rights_away(demo_site):
    """An existing database where moderators still publish: 0006 revokes that, only that."""
    moderators = Group.objects.get(name=roles.MODERATOR)
    # The rights as home.0004 granted them before: publish, and no page right besides.
    GroupPagePermission.objects.filter(group=moderators).delete()
    roles.restore_retired_rights(apps)
    assert model_rights(roles.MODERATOR) == {ADMIN, ("regions", "publish_partnership")}
    index_ids = roles.section_index_page_ids(apps)
    old_page_rights = GroupPagePermission.objects.filter(group=moderators, page_id__in=index_ids)
    assert set(old_page_rights.values_list("permission__codename", flat=True)) == {"publish_page"}
    redactie_before = model_rights(roles.REDACTIE)

    migration = import_module("home.migrations.0008_moderators_publish_through_workflow")
    migration.forwards(apps, None)
    migration.forwards(apps, None)
    assert model_rights(roles.MODERATOR) == {ADMIN}
    assert set(
        GroupPagePermission.objects.filter(group=moderators).values_list(
            "permission__codename", flat=True
        )
    ) == {"bulk_delete_page"}
    assert model_rights(roles.REDACTIE) == redactie_before
    assert GroupPagePermission.objects.filter(
        group__name=roles.COMMUNICATIE, page_id__in=index_ids
    ).count() == 2 * len(index_ids)


@pytest.mark.django_db
def test_a_workflow_that_ends_without_an_approval_still_needs_publish_rights(
    django_user_model, home_page
):
    """The approval replaces the publish right, nothing else: a workflow without active tasks
    finishes at once when submitted, and Wagtail's permission check then refuses."""
    from wagtail.actions.publish_revision import PublishPermissionError

    writer = client_for(django_user_model, roles.COMMUNICATIE).user
    page = ProgrammePageFactory(parent=home_page, live=False)
    page.save_revision(user=writer)
    workflow = Workflow.objects.create(name="Zonder taken")
    with pytest.raises(PublishPermissionError):
        workflow.start(page, writer)
    page.refresh_from_db()
    assert not page.live
