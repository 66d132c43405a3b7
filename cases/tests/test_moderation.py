"""Moderation of case stories through the admin, as for news (see news/tests/test_moderation.py)."""

import pytest
from django.urls import reverse
from wagtail.models import TaskState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cases.factories import CaseIndexPageFactory
from cases.models import CasePage
from core.tests.editors import assert_refused, client_for
from home import roles
from regions.factories import PartnershipFactory

COMMENT = "De quote is te lang; kort hem in tot twee zinnen."


@pytest.fixture
def case_index(home_page):
    return CaseIndexPageFactory(parent=home_page)


@pytest.fixture
def communicatie(django_user_model):
    return client_for(django_user_model, roles.COMMUNICATIE)


@pytest.fixture
def moderator(django_user_model):
    return client_for(django_user_model, roles.MODERATOR)


def case_data(action, partnership, **fields):
    data = {
        "title": "Zo leidt Twente samen technici op",
        "slug": "zo-leidt-twente-samen-technici-op",
        "subtitle": "Een docent en een werkgever aan het woord",
        "intro": "Bedrijven geven les op school.",
        "person_name": "Anouk Jansen",
        "person_role": "Docent techniek",
        "person_organisation": "ROC van Twente",
        "person_photo": "",
        "pull_quote": "Onze studenten staan vanaf dag één in de werkplaats.",
        "main_image": "",
        "body": streamfield([]),
        "partnership": str(partnership.pk),
        "seo_title": "",
        "search_description": "",
        "listing_image": "",
        "listing_summary": "",
        "social_image": "",
        "go_live_at": "",
        "expire_at": "",
        f"action-{action}": action,
    }
    data.update(fields)
    return nested_form_data(data)


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("cases", "casepage", index.pk))


def workflow_action_url(page, action):
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))


@pytest.mark.django_db
def test_communicatie_writes_a_case_and_a_moderator_approves_it(
    communicatie, moderator, case_index, client
):
    partnership = PartnershipFactory()  # chosen through the snippet chooser: no edit rights
    response = communicatie.post(add_url(case_index), case_data("publish", partnership))
    assert response.status_code == 302
    case = CasePage.objects.get(slug="zo-leidt-twente-samen-technici-op")
    assert not case.live  # no publish rights: saved as a draft
    assert case.partnership == partnership

    edit = reverse("wagtailadmin_pages:edit", args=(case.pk,))
    communicatie.post(edit, case_data("submit", partnership))
    case.refresh_from_db()
    assert not case.live
    assert case.current_workflow_task.name == roles.TASK

    moderator.post(workflow_action_url(case, "approve"), {"comment": ""})
    case.refresh_from_db()
    assert case.live
    assert client.get(case.url).status_code == 200


@pytest.mark.django_db
def test_moderator_sends_a_case_back_with_a_comment(communicatie, moderator, case_index):
    partnership = PartnershipFactory()
    communicatie.post(add_url(case_index), case_data("submit", partnership))
    case = CasePage.objects.get(slug="zo-leidt-twente-samen-technici-op")
    task_state = case.current_workflow_task_state

    moderator.post(workflow_action_url(case, "reject"), {"comment": COMMENT})
    case.refresh_from_db()
    task_state.refresh_from_db()
    assert not case.live
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == COMMENT


@pytest.mark.django_db
def test_moderator_cannot_create_a_case(moderator, case_index):
    partnership = PartnershipFactory()
    assert_refused(moderator.post(add_url(case_index), case_data("submit", partnership)))
    assert not CasePage.objects.exists()


@pytest.mark.django_db
def test_bad_case_is_refused_and_nothing_is_written(communicatie, case_index):
    partnership = PartnershipFactory()
    response = communicatie.post(
        add_url(case_index), case_data("submit", partnership, title="", pull_quote="x" * 401)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "title" in errors
    assert "pull_quote" in errors
    assert not CasePage.objects.exists()
