"""Moderation of news through the admin: Communicatie submits, a moderator approves or sends back.

Every step is a real POST as the Wagtail admin sends it ("action-submit", "action-publish",
the workflow action of the review dialog), by users who are only in one editorial group.
"""

import datetime
import logging
from importlib import import_module
from unittest import mock

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    GroupPagePermission,
    Page,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core.tests.editors import assert_refused, client_for
from home import roles
from news.factories import NewsIndexPageFactory
from news.models import NewsIndexPage, NewsPage

COMMENT = "Graag de bron van de cijfers noemen."


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def communicatie(django_user_model):
    return client_for(django_user_model, roles.COMMUNICATIE)


@pytest.fixture
def moderator(django_user_model):
    return client_for(django_user_model, roles.MODERATOR)


@pytest.fixture
def redactie(django_user_model):
    return client_for(django_user_model, roles.REDACTIE)


def news_data(action=None, **fields):
    """The news editor's POST: every panel's field, ``action`` as the pressed button."""
    data = {
        "title": "Techniekpact Twente groeit",
        "slug": "techniekpact-twente-groeit",
        "intro": "Twintig nieuwe bedrijven doen mee.",
        "date": "2026-03-02",
        "body": streamfield([]),
        "tags": "",
        "related_partnerships": inline_formset([]),
        "author": "",
        "main_image": "",
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


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("news", "newspage", index.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def workflow_action_url(page, action):
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))


def submitted_item(communicatie, index, **fields):
    response = communicatie.post(add_url(index), news_data("submit", **fields))
    assert response.status_code == 302, response.context and response.context["form"].errors
    return NewsPage.objects.get(slug="techniekpact-twente-groeit")


def later(hours):
    """Patch the clock ``hours`` ahead, as if publish_scheduled ran then."""
    moment = timezone.now() + datetime.timedelta(hours=hours)
    return mock.patch("django.utils.timezone.now", return_value=moment)


def admin_local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


@pytest.mark.django_db
def test_communicatie_submits_a_news_item_to_the_moderators(
    communicatie, news_index, django_user_model
):
    reviewer = client_for(django_user_model, roles.MODERATOR, username="moderator2").user
    item = submitted_item(communicatie, news_index)
    assert not item.live
    assert item.owner == communicatie.user
    assert item.workflow_in_progress
    assert item.current_workflow_task.name == roles.TASK
    assert item.get_workflow().name == roles.WORKFLOW
    # Wagtail mails the task's group that something awaits review.
    assert any(reviewer.email in message.to for message in mail.outbox)


@pytest.mark.django_db
def test_communicatie_cannot_publish_a_news_item(communicatie, news_index):
    response = communicatie.post(add_url(news_index), news_data("publish"))
    assert response.status_code == 302
    item = NewsPage.objects.get(slug="techniekpact-twente-groeit")
    assert not item.live  # saved as a draft: the publish button is not theirs
    assert not item.permissions_for_user(communicatie.user).can_publish()

    communicatie.post(edit_url(item), news_data("publish", title="Nu wel live?"))
    item.refresh_from_db()
    assert not item.live
    assert item.get_latest_revision_as_object().title == "Nu wel live?"

    bulk_publish = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    communicatie.post(f"{bulk_publish}?id={item.pk}")
    item.refresh_from_db()
    assert not item.live
    assert not NewsPage.objects.live().exists()


@pytest.mark.django_db
def test_communicatie_cannot_approve_its_own_item(communicatie, news_index):
    item = submitted_item(communicatie, news_index)
    assert_refused(communicatie.post(workflow_action_url(item, "approve"), {"comment": ""}))
    item.refresh_from_db()
    assert not item.live
    assert item.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS


@pytest.mark.django_db
def test_moderator_approves_and_the_item_goes_live(communicatie, moderator, client, news_index):
    item = submitted_item(communicatie, news_index)
    dashboard = moderator.get(reverse("wagtailadmin_home"))
    assert item.title in dashboard.text  # "awaiting your review"
    assert moderator.get(edit_url(item)).status_code == 200

    response = moderator.post(workflow_action_url(item, "approve"), {"comment": ""})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.live
    assert item.current_workflow_state is None
    state = WorkflowState.objects.for_instance(item).get()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert client.get(item.url).status_code == 200


@pytest.mark.django_db
def test_moderator_cannot_publish_what_is_not_approved(communicatie, moderator, news_index):
    """Only the approval publishes: no bulk publish of a draft, no publish button in review."""
    draft = submitted_item(communicatie, news_index)
    draft.current_workflow_state.cancel(user=communicatie.user)  # withdrawn: a plain draft
    assert not draft.permissions_for_user(moderator.user).can_publish()
    bulk_publish = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    moderator.post(f"{bulk_publish}?id={draft.pk}")
    draft.refresh_from_db()
    assert not draft.live

    # In review the moderator may open the editor, but "Publiceer" only saves a draft.
    communicatie.post(edit_url(draft), news_data("submit"))
    draft.refresh_from_db()
    assert draft.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS
    moderator.post(edit_url(draft), news_data("publish", title="Zelf gepubliceerd"))
    draft.refresh_from_db()
    assert not draft.live
    assert draft.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not NewsPage.objects.live().exists()


@pytest.mark.django_db
def test_moderator_cannot_unpublish_or_delete_a_news_item(redactie, moderator, news_index):
    redactie.post(add_url(news_index), news_data("publish"))
    item = NewsPage.objects.get(slug="techniekpact-twente-groeit")
    assert_refused(moderator.post(reverse("wagtailadmin_pages:delete", args=(item.pk,))))
    assert not item.permissions_for_user(moderator.user).can_delete()
    bulk_unpublish = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "unpublish"))
    moderator.post(f"{bulk_unpublish}?id={item.pk}")
    assert_refused(moderator.post(reverse("wagtailadmin_pages:unpublish", args=(item.pk,))))
    item.refresh_from_db()
    assert item.live


@pytest.mark.django_db
def test_moderator_requests_changes_with_a_comment(communicatie, moderator, client, news_index):
    item = submitted_item(communicatie, news_index)
    task_state = item.current_workflow_task_state
    response = moderator.post(workflow_action_url(item, "reject"), {"comment": COMMENT})
    assert response.status_code == 302
    item.refresh_from_db()
    assert not item.live
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == COMMENT
    assert task_state.finished_by == moderator.user
    state = WorkflowState.objects.for_instance(item).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert client.get(f"/nieuws/{item.slug}/").status_code == 404
    # The writer reads the comment in the item's workflow history and may resubmit.
    history = communicatie.get(
        reverse("wagtailadmin_pages:workflow_history_detail", args=(item.pk, state.pk))
    )
    assert COMMENT in history.text
    communicatie.post(edit_url(item), news_data("submit", intro="Met bron: de jaarcijfers."))
    item.refresh_from_db()
    assert item.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS


@pytest.mark.django_db
def test_moderator_cannot_approve_with_an_unknown_action(communicatie, moderator, news_index):
    item = submitted_item(communicatie, news_index)
    assert_refused(moderator.post(workflow_action_url(item, "publish-now"), {"comment": ""}))
    item.refresh_from_db()
    assert not item.live
    assert item.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS


@pytest.mark.django_db
def test_moderator_cannot_create_news(moderator, news_index):
    assert_refused(moderator.get(add_url(news_index)))
    assert_refused(moderator.post(add_url(news_index), news_data("submit")))
    assert not NewsPage.objects.exists()


@pytest.mark.django_db
def test_redactie_publishes_news_directly(redactie, news_index, client):
    response = redactie.post(add_url(news_index), news_data("publish"))
    assert response.status_code == 302
    item = NewsPage.objects.get(slug="techniekpact-twente-groeit")
    assert item.live
    assert client.get(item.url).status_code == 200


@pytest.mark.django_db
def test_approved_item_with_a_go_live_date_waits_for_publish_scheduled(
    communicatie, moderator, news_index
):
    go_live = timezone.now() + datetime.timedelta(hours=1)
    item = submitted_item(communicatie, news_index, go_live_at=admin_local(go_live))
    moderator.post(workflow_action_url(item, "approve"), {"comment": ""})
    item.refresh_from_db()
    assert not item.live
    assert item.scheduled_revision is not None

    call_command("publish_scheduled")
    item.refresh_from_db()
    assert not item.live  # not yet

    with later(hours=2):
        call_command("publish_scheduled")
    item.refresh_from_db()
    assert item.live


@pytest.mark.django_db
def test_publish_scheduled_publishes_and_unpublishes_a_news_item(redactie, news_index, client):
    now = timezone.now()
    fields = {
        "go_live_at": admin_local(now + datetime.timedelta(hours=1)),
        "expire_at": admin_local(now + datetime.timedelta(hours=3)),
    }
    response = redactie.post(add_url(news_index), news_data("publish", **fields))
    assert response.status_code == 302
    item = NewsPage.objects.get(slug="techniekpact-twente-groeit")
    assert not item.live

    with later(hours=2):
        call_command("publish_scheduled")
    item.refresh_from_db()
    assert item.live
    assert not item.expired

    with later(hours=4):
        call_command("publish_scheduled")
    item.refresh_from_db()
    assert not item.live
    assert item.expired
    assert client.get(f"/nieuws/{item.slug}/").status_code == 404


@pytest.mark.django_db
def test_expiry_before_go_live_is_refused(redactie, news_index):
    now = timezone.now()
    fields = {
        "go_live_at": admin_local(now + datetime.timedelta(days=2)),
        "expire_at": admin_local(now + datetime.timedelta(days=1)),
    }
    response = redactie.post(add_url(news_index), news_data("publish", **fields))
    assert response.status_code == 200
    assert "expire_at" in response.context["form"].errors
    assert not NewsPage.objects.exists()


def section_set_up(index):
    """The page permissions per group on the index page, and its workflow."""
    actions = set(
        GroupPagePermission.objects.filter(page=index).values_list(
            "group__name", "permission__codename"
        )
    )
    # Fetched again: the page caches a missing workflow link.
    return actions, Page.objects.get(pk=index.pk).get_workflow()


SECTION_RIGHTS = {
    (roles.COMMUNICATIE, "add_page"),
    (roles.COMMUNICATIE, "change_page"),
    (roles.MODERATOR, "bulk_delete_page"),
}


@pytest.mark.django_db
def test_news_index_created_in_the_admin_is_set_up(redactie, home_page):
    data = nested_form_data(
        {
            "title": "Nieuws",
            "slug": "nieuws",
            "intro": "",
            "seo_title": "",
            "search_description": "",
            "listing_image": "",
            "listing_summary": "",
            "social_image": "",
            "go_live_at": "",
            "expire_at": "",
            "action-publish": "action-publish",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=("news", "newsindexpage", home_page.pk))
    response = redactie.post(url, data)
    assert response.status_code == 302
    index = NewsIndexPage.objects.get()
    actions, workflow = section_set_up(index)
    assert actions == SECTION_RIGHTS
    assert workflow.name == roles.WORKFLOW


@pytest.mark.django_db
def test_news_index_without_the_group_logs_what_is_missing(home_page, caplog):
    Group.objects.filter(name=roles.COMMUNICATIE).delete()
    with caplog.at_level(logging.WARNING, logger="home.roles"):
        index = NewsIndexPageFactory(parent=home_page)
    assert "group 'Communicatie'" in caplog.text
    assert index.get_workflow().name == roles.WORKFLOW


@pytest.mark.django_db
def test_migration_sets_up_an_existing_news_index_once(news_index):
    WorkflowPage.objects.filter(page=news_index).delete()
    GroupPagePermission.objects.filter(page=news_index).delete()
    assert section_set_up(news_index) == (set(), None)

    migration = import_module("home.migrations.0004_editorial_roles")
    # The registry the migration runs with: its roles name the persons as home's, as they
    # were then (core.0001 moved them later), which the current registry no longer has.
    node = ("home", "0004_editorial_roles")
    historical = MigrationLoader(connection).project_state(node).apps
    migration.forwards(historical, None)
    migration.forwards(historical, None)
    actions, workflow = section_set_up(news_index)
    assert actions == SECTION_RIGHTS
    assert workflow.name == roles.WORKFLOW
    assert GroupPagePermission.objects.filter(page=news_index).count() == len(SECTION_RIGHTS)


@pytest.mark.django_db
def test_a_workflow_chosen_by_an_administrator_is_kept(news_index):
    other = Workflow.objects.create(name="Juridische toets")
    WorkflowPage.objects.filter(page=news_index).update(workflow=other)
    roles.apply_roles(apps)
    assert news_index.get_workflow() == other
