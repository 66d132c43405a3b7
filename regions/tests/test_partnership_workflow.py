"""Who may edit, publish and approve partnerships and regions, and scheduled (un)publishing.

Real admin POSTs by users who are only in one editorial group (see home/roles.py).
"""

import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from core.tests.editors import assert_refused, client_for
from home import roles
from regions.factories import PartnershipFactory
from regions.models import Partnership, Region

COMMENT = "Graag de partners aanvullen met de gemeente."


def url(name, *args):
    return reverse(f"wagtailsnippets_regions_partnership:{name}", args=args)


def partnership_data(action=None, **fields):
    """The partnership editor's POST, as the admin sends it."""
    data = {
        "name": "Techniekpact Twente",
        "slug": "techniekpact-twente",
        "summary": "Scholen en maakbedrijven leiden samen technici op.",
        "kind": "regional_pact",
        "status": "active",
        "start_year": "2018",
        "website": "",
        "logo": "",
        "contact_person": "",
        "region": str(Region.objects.get(slug="twente").pk),
        "city": "Enschede",
        "location": "SRID=4326;POINT(6.89 52.22)",
        "background": rich_text("<p>Te weinig technici in Twente.</p>"),
        "ambition": rich_text(""),
        "approach": rich_text(""),
        "results": rich_text(""),
        "lessons": rich_text(""),
        "next_steps": rich_text(""),
        "partners": inline_formset([]),
        "conversations": inline_formset([]),
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(fields)
    if action:
        data[f"action-{action}"] = action
    return nested_form_data(data)


@pytest.fixture
def communicatie(django_user_model):
    return client_for(django_user_model, roles.COMMUNICATIE)


@pytest.fixture
def redactie(django_user_model):
    return client_for(django_user_model, roles.REDACTIE)


@pytest.fixture
def moderator(django_user_model):
    return client_for(django_user_model, roles.MODERATOR)


def later(hours):
    moment = timezone.now() + datetime.timedelta(hours=hours)
    return mock.patch("django.utils.timezone.now", return_value=moment)


def admin_local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


@pytest.mark.django_db
def test_communicatie_cannot_edit_partnerships(communicatie):
    partnership = PartnershipFactory(name="Make IT Work")
    assert_refused(communicatie.get(url("list")))
    assert_refused(communicatie.get(url("edit", partnership.pk)))
    assert_refused(
        communicatie.post(url("edit", partnership.pk), partnership_data("submit", name="Weg"))
    )
    assert_refused(communicatie.post(url("add"), partnership_data("submit")))
    partnership.refresh_from_db()
    assert partnership.name == "Make IT Work"
    assert partnership.latest_revision is None
    assert not Partnership.objects.filter(slug="techniekpact-twente").exists()


@pytest.mark.django_db
def test_communicatie_cannot_edit_regions(communicatie):
    region = Region.objects.get(slug="twente")
    edit = reverse("wagtailsnippets_regions_region:edit", args=(region.pk,))
    assert_refused(communicatie.get(edit))


@pytest.mark.django_db
def test_moderator_cannot_add_or_edit_partnerships_outside_a_review(moderator):
    partnership = PartnershipFactory()
    assert_refused(moderator.get(url("edit", partnership.pk)))
    assert_refused(moderator.post(url("add"), partnership_data("publish")))
    assert not Partnership.objects.filter(slug="techniekpact-twente").exists()


@pytest.mark.django_db
def test_redactie_publishes_a_partnership_directly(redactie):
    response = redactie.post(url("add"), partnership_data("publish"))
    assert response.status_code == 302
    partnership = Partnership.objects.get(slug="techniekpact-twente")
    assert partnership.live
    assert partnership.live_revision == partnership.latest_revision


@pytest.mark.django_db
def test_redactie_edits_a_region(redactie):
    region = Region.objects.get(slug="twente")
    edit = reverse("wagtailsnippets_regions_region:edit", args=(region.pk,))
    form = redactie.get(edit).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(province=str(region.province_id), centre_city="Hengelo")
    response = redactie.post(edit, data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    region.refresh_from_db()
    assert region.centre_city == "Hengelo"


@pytest.mark.django_db
def test_submitted_partnership_goes_live_when_a_moderator_approves(redactie, moderator):
    response = redactie.post(url("add"), partnership_data("submit"))
    assert response.status_code == 302
    partnership = Partnership.objects.get(slug="techniekpact-twente")
    assert not partnership.live
    assert partnership.current_workflow_task.name == roles.TASK

    # The reviewer may open the editor while it awaits review.
    assert moderator.get(url("edit", partnership.pk)).status_code == 200
    task_state = partnership.current_workflow_task_state
    response = moderator.post(
        url("workflow_action", partnership.pk, "approve", task_state.pk), {"comment": ""}
    )
    assert response.status_code == 302
    partnership.refresh_from_db()
    assert partnership.live
    assert partnership.current_workflow_state is None


@pytest.mark.django_db
def test_moderator_compares_a_partnership_only_while_it_awaits_review(redactie, moderator):
    """The review panel's "Vergelijk" links open for the moderator, as the editor does."""
    redactie.post(url("add"), partnership_data("publish"))
    partnership = Partnership.objects.get(slug="techniekpact-twente")
    redactie.post(url("edit", partnership.pk), partnership_data("submit", name="Techniekpact"))
    partnership.refresh_from_db()
    compare = url("revisions_compare", partnership.pk, "live", partnership.latest_revision_id)
    response = moderator.get(compare)
    assert response.status_code == 200
    assert "Techniekpact" in response.text

    task_state = partnership.current_workflow_task_state
    moderator.post(url("workflow_action", partnership.pk, "approve", task_state.pk), {})
    partnership.refresh_from_db()
    assert partnership.current_workflow_state is None
    assert_refused(moderator.get(compare))
    assert redactie.get(compare).status_code == 200


@pytest.mark.django_db
def test_moderator_publishes_a_partnership_only_by_approving_it(redactie, moderator):
    redactie.post(url("add"), partnership_data("publish"))
    partnership = Partnership.objects.get(slug="techniekpact-twente")
    assert_refused(moderator.post(url("unpublish", partnership.pk)))
    partnership.refresh_from_db()
    assert partnership.live

    # In review the moderator may open the editor, but "Publiceer" is not theirs.
    redactie.post(url("edit", partnership.pk), partnership_data("submit", name="Nieuwe naam"))
    response = moderator.post(url("edit", partnership.pk), partnership_data("publish"))
    partnership.refresh_from_db()
    assert partnership.name == "Techniekpact Twente"  # the live version is unchanged
    assert partnership.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert response.status_code in (200, 302)

    task_state = partnership.current_workflow_task_state
    moderator.post(url("workflow_action", partnership.pk, "approve", task_state.pk), {})
    partnership.refresh_from_db()
    assert partnership.live and partnership.current_workflow_state is None


@pytest.mark.django_db
def test_moderator_sends_a_partnership_back_with_a_comment(redactie, moderator):
    redactie.post(url("add"), partnership_data("submit"))
    partnership = Partnership.objects.get(slug="techniekpact-twente")
    task_state = partnership.current_workflow_task_state
    moderator.post(
        url("workflow_action", partnership.pk, "reject", task_state.pk), {"comment": COMMENT}
    )
    partnership.refresh_from_db()
    task_state.refresh_from_db()
    assert not partnership.live
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == COMMENT


@pytest.mark.django_db
def test_partnership_editor_shows_the_publishing_schedule(redactie):
    partnership = PartnershipFactory()
    response = redactie.get(url("edit", partnership.pk))
    assert response.status_code == 200
    assert 'name="go_live_at"' in response.text
    assert 'name="expire_at"' in response.text
    assert 'id="schedule-publishing-dialog"' in response.text


@pytest.mark.django_db
def test_publish_scheduled_publishes_and_unpublishes_a_partnership(redactie):
    now = timezone.now()
    fields = {
        "go_live_at": admin_local(now + datetime.timedelta(hours=1)),
        "expire_at": admin_local(now + datetime.timedelta(hours=3)),
    }
    response = redactie.post(url("add"), partnership_data("publish", **fields))
    assert response.status_code == 302
    partnership = Partnership.objects.get(slug="techniekpact-twente")
    assert not partnership.live
    assert partnership.scheduled_revision is not None

    call_command("publish_scheduled")
    partnership.refresh_from_db()
    assert not partnership.live  # not due yet

    with later(hours=2):
        call_command("publish_scheduled")
    partnership.refresh_from_db()
    assert partnership.live

    with later(hours=4):
        call_command("publish_scheduled")
    partnership.refresh_from_db()
    assert not partnership.live
    assert partnership.expired


@pytest.mark.django_db
def test_expiry_before_go_live_is_refused(redactie):
    now = timezone.now()
    fields = {
        "go_live_at": admin_local(now + datetime.timedelta(days=2)),
        "expire_at": admin_local(now + datetime.timedelta(days=1)),
    }
    response = redactie.post(url("add"), partnership_data("publish", **fields))
    assert response.status_code == 200
    assert "expire_at" in response.context["form"].errors
    assert not Partnership.objects.filter(slug="techniekpact-twente").exists()
