"""Proposals under review: accept, reject, conflicts with the editors' own changes."""

import json

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import TaskState

from core.tests.editors import client_for
from home import roles
from regions.factories import PartnershipFactory
from regions.models import Partnership, PartnershipProposal, Region

from .test_proposals import change_url, confirm_link, form_data, new_url

NEW_CITY = "Oldenzaal-proefplaats"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


@pytest.fixture
def moderator(django_user_model):
    return client_for(django_user_model, roles.MODERATOR)


@pytest.fixture
def redactie(django_user_model):
    return client_for(django_user_model, roles.REDACTIE)


@pytest.fixture
def partnership(map_page):
    return PartnershipFactory(
        name="Techniekpact Twente", slug="techniekpact", region=Region.objects.get(slug="twente")
    )


def admin_url(name, *args):
    return reverse(f"wagtailsnippets_regions_partnership:{name}", args=args)


def propose_change(client, map_page, partnership, email="indiener@example.nl", **fields):
    """Fill in the change form as shown, change ``fields``, send it and confirm the link."""
    form = client.get(change_url(map_page, partnership)).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(email=email, **fields)
    for name in ("sectors", "themes", "education_levels", "funding_sources"):
        data[name] = [str(pk) for pk in data.get(name, [])]
    response = client.post(change_url(map_page, partnership), data)
    assert response.status_code == 200, response.context["form"].errors
    return confirm_link(mail.outbox[-1])


def act(moderator, partnership, action, comment=""):
    partnership.refresh_from_db()
    task_state = partnership.current_workflow_task_state
    response = moderator.post(
        admin_url("workflow_action", partnership.pk, action, task_state.pk), {"comment": comment}
    )
    assert response.status_code == 302
    partnership.refresh_from_db()


@pytest.mark.django_db
def test_accepted_change_is_live_everywhere_and_the_submitter_is_told(
    client, map_page, partnership, moderator
):
    link = propose_change(client, map_page, partnership, city=NEW_CITY)
    client.post(link)
    partnership.refresh_from_db()
    # Under review: the public record is unchanged, the proposal is the latest revision.
    assert partnership.city != NEW_CITY
    assert partnership.latest_revision.as_object().city == NEW_CITY
    assert partnership.current_workflow_task.name == roles.TASK
    assert NEW_CITY not in client.get(map_page.url + "techniekpact/").text

    # The moderator sees Wagtail's comparison with the live version.
    compare = admin_url("revisions_compare", partnership.pk, "live", partnership.latest_revision_id)
    response = moderator.get(compare)
    assert response.status_code == 200
    assert NEW_CITY in response.text
    assert "voorstel van buiten" in response.text
    assert "Bekijk het voorstel" not in response.text  # moderators cannot open that page

    mail.outbox.clear()
    act(moderator, partnership, "approve", "Dank, aangepast.")
    assert partnership.live and partnership.city == NEW_CITY
    assert NEW_CITY in client.get(map_page.url + "techniekpact/").text
    geojson = json.loads(client.get(map_page.url + "kaart.geojson").content)
    assert NEW_CITY in json.dumps(geojson)
    assert NEW_CITY in client.get(map_page.url + "export.csv").content.decode()
    search = client.get("/zoeken/", {"q": "Oldenzaal-proefplaats"})
    assert "Techniekpact Twente" in search.text

    proposal = PartnershipProposal.objects.get()
    assert proposal.status == PartnershipProposal.Status.ACCEPTED
    assert proposal.message == "Dank, aangepast."
    (message,) = mail.outbox
    assert message.to == ["indiener@example.nl"]
    assert "verwerkt" in message.subject
    assert "Dank, aangepast." in message.body
    assert map_page.full_url + "techniekpact/" in message.body


@pytest.mark.django_db
def test_new_partnership_goes_live_when_accepted(client, map_page, moderator):
    client.post(new_url(map_page), form_data())
    client.post(confirm_link(mail.outbox[0]))
    partnership = Partnership.objects.get(name="Zorgpact Zeeland")
    assert client.get(map_page.url + f"{partnership.slug}/").status_code == 404  # a draft
    act(moderator, partnership, "approve")
    assert partnership.live
    assert client.get(map_page.url + f"{partnership.slug}/").status_code == 200
    assert "Zorgpact Zeeland" in client.get(map_page.url).text


@pytest.mark.django_db
def test_moderator_edits_the_proposal_before_accepting(client, map_page, partnership, moderator):
    client.post(propose_change(client, map_page, partnership, city=NEW_CITY))
    partnership.refresh_from_db()
    # The editor opens on the proposal; the moderator saves a corrected version.
    response = moderator.get(admin_url("edit", partnership.pk))
    assert response.status_code == 200
    assert "voorstel van buiten" in response.text
    form = response.context["form"]
    assert form.initial["city"] == NEW_CITY
    edited = partnership.latest_revision.as_object()
    edited.city = "Oldenzaal"
    edited.save_revision(user=moderator.user)
    act(moderator, partnership, "approve")
    assert partnership.city == "Oldenzaal"


@pytest.mark.django_db
def test_rejected_change_leaves_the_record_as_it_was(client, map_page, partnership, moderator):
    before = Partnership.objects.get(pk=partnership.pk)
    client.post(propose_change(client, map_page, partnership, city=NEW_CITY, name="Ander"))
    mail.outbox.clear()
    act(moderator, partnership, "reject", "Dit klopt niet met onze gegevens.")

    assert (partnership.name, partnership.city) == (before.name, before.city)
    assert partnership.live and not partnership.has_unpublished_changes
    assert partnership.latest_revision.as_object().city == before.city
    assert partnership.current_workflow_state is None  # free for the next proposal
    assert NEW_CITY not in client.get(map_page.url + "techniekpact/").text
    assert NEW_CITY not in client.get(map_page.url + "export.csv").content.decode()
    proposal = PartnershipProposal.objects.get()
    assert proposal.status == PartnershipProposal.Status.REJECTED
    (message,) = mail.outbox
    assert "niet overgenomen" in message.subject
    assert "Dit klopt niet met onze gegevens." in message.body
    task_state = TaskState.objects.get(workflow_state__object_id=str(partnership.pk))
    assert task_state.status == TaskState.STATUS_REJECTED


@pytest.mark.django_db
def test_editor_change_after_the_proposal_is_shown_as_a_conflict(
    client, map_page, partnership, moderator, redactie
):
    link = propose_change(client, map_page, partnership, city=NEW_CITY, summary="Nieuw.")
    # Before the submitter confirms, an editor publishes another city and a new name.
    current = Partnership.objects.get(pk=partnership.pk)
    current.city, current.name = "Almelo", "Techniekpact Twente en Achterhoek"
    current.save_revision(user=redactie.user).publish(user=redactie.user)
    client.post(link)

    partnership.refresh_from_db()
    proposed = partnership.latest_revision.as_object()
    # The editor's new name is kept; the field both changed carries the proposal.
    assert proposed.name == "Techniekpact Twente en Achterhoek"
    assert proposed.city == NEW_CITY
    proposal = PartnershipProposal.objects.get()

    compare = admin_url("revisions_compare", partnership.pk, "live", partnership.latest_revision_id)
    response = moderator.get(compare)
    assert "gewijzigd nadat de indiener het voorstel deed" in response.text
    assert "Plaats" in response.text

    inspect = reverse("wagtailsnippets_regions_partnershipproposal:inspect", args=[proposal.pk])
    assert inspect in redactie.get(compare).text  # Redactie is led to the proposal
    page = redactie.get(inspect)
    assert page.status_code == 200
    assert "Conflict:" in page.text
    assert "Almelo" in page.text and NEW_CITY in page.text
    assert "gewijzigd sinds voorstel" in page.text


@pytest.mark.django_db
def test_no_conflict_notice_without_a_concurrent_change(client, map_page, partnership, redactie):
    client.post(propose_change(client, map_page, partnership, city=NEW_CITY))
    proposal = PartnershipProposal.objects.get()
    inspect = reverse("wagtailsnippets_regions_partnershipproposal:inspect", args=[proposal.pk])
    page = redactie.get(inspect)
    assert page.status_code == 200
    assert NEW_CITY in page.text
    assert "Conflict:" not in page.text


@pytest.mark.django_db
def test_confirmation_waits_while_editors_have_unpublished_changes(
    client, map_page, partnership, redactie
):
    link = propose_change(client, map_page, partnership, city=NEW_CITY)
    draft = Partnership.objects.get(pk=partnership.pk)
    draft.summary = "Concept van de redactie."
    draft.save_revision(user=redactie.user)
    response = client.post(link)
    assert response.status_code == 400
    assert "werkt op dit moment zelf" in response.text
    partnership.refresh_from_db()
    assert partnership.latest_revision.as_object().summary == "Concept van de redactie."
    assert PartnershipProposal.objects.get().status == PartnershipProposal.Status.UNCONFIRMED


@pytest.mark.django_db
def test_only_editors_read_proposals_and_nobody_edits_them(client, map_page, moderator, redactie):
    client.post(new_url(map_page), form_data())
    proposal = PartnershipProposal.objects.get()
    listing = reverse("wagtailsnippets_regions_partnershipproposal:list")
    assert redactie.get(listing).status_code == 200
    assert "Zorgpact Zeeland" in redactie.get(listing).text
    assert moderator.get(listing).status_code == 302  # refused: no right on partnerships
    edit = reverse("wagtailsnippets_regions_partnershipproposal:edit", args=[proposal.pk])
    assert redactie.get(edit).status_code == 302
    assert client.get(listing).status_code == 302  # anonymous: to the login page


@pytest.mark.django_db
def test_submitter_details_never_reach_a_public_page(client, map_page, moderator, redactie):
    marker_email = "geheim-merker-5521@example.nl"
    client.post(
        new_url(map_page),
        form_data(email=marker_email, submitter_name="Naammerker Vertrouwelijk"),
    )
    client.post(confirm_link(mail.outbox[0]))
    partnership = Partnership.objects.get(name="Zorgpact Zeeland")
    act(moderator, partnership, "approve")
    public = [
        client.get(map_page.url).text,
        client.get(map_page.url + f"{partnership.slug}/").text,
        client.get(map_page.url + "kaart.geojson").content.decode(),
        client.get(map_page.url + "export.csv").content.decode(),
        client.get("/zoeken/", {"q": "Zorgpact"}).text,
        client.get("/sitemap/").text,
    ]
    assert "Zorgpact Zeeland" in public[1] and "Zorgpact Zeeland" in public[4]
    for text in public:
        assert "geheim-merker-5521" not in text
        assert "Naammerker" not in text
    # Searching for the submitter finds nothing (the page only repeats the query).
    assert "Zorgpact Zeeland" not in client.get("/zoeken/", {"q": "Naammerker"}).text
    # Positive control: the editors do see who proposed it.
    proposal = PartnershipProposal.objects.get()
    inspect = reverse("wagtailsnippets_regions_partnershipproposal:inspect", args=[proposal.pk])
    page = redactie.get(inspect).text
    assert marker_email in page and "Naammerker Vertrouwelijk" in page
