"""The public proposal forms: submit, confirm by e-mail link, refusals of bad input."""

import datetime
import re
from unittest import mock
from urllib.parse import urlencode

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from wagtail.images import get_image_model

from core.tests.fuzz import check_response, fuzz_settings, post, values
from home import roles
from regions.factories import PartnerFactory, PartnershipFactory
from regions.models import Partnership, PartnershipProposal, Region, Sector
from regions.proposal_forms import HONEYPOT_FIELD
from regions.proposals import TOKEN_SALT

from .test_proposal_retention import GIF

EMAIL = "indiener@example.nl"
# Pinned: routing and page frame (10), the region list and one query per taxonomy; the change
# form also reads the partnership, its partners and its four taxonomies.
NEW_FORM_QUERIES = 15
CHANGE_FORM_QUERIES = 21  # + the partnership and its five relations


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


def form_data(**fields):
    """What the browser posts for a new partnership (empty optional fields included)."""
    data = {
        "name": "Zorgpact Zeeland",
        "summary": "Zorginstellingen en het Scalda leiden samen zorgpersoneel op.",
        "kind": "regional_pact",
        "status": "active",
        "start_year": "2021",
        "website": "https://zorgpact.example.nl",
        "region": str(Region.objects.get(slug="zeeland").pk),
        "city": "Middelburg",
        "latitude": "51,4988",
        "longitude": "3,6110",
        "sectors": [str(Sector.objects.get(slug="zorg-en-welzijn").pk)],
        "companies_count": "14",
        "students_count": "",
        "teachers_count": "",
        "schools_count": "",
        "background": "Te weinig verpleegkundigen.\n\nDe zorg vergrijst.",
        "ambition": "",
        "approach": "",
        "results": "",
        "lessons": "",
        "next_steps": "",
        "partners": "Scalda\nAdrz",
        "submitter_name": "Petra de Wit",
        "email": EMAIL,
        HONEYPOT_FIELD: "",
    }
    data.update(fields)
    return data


def confirm_link(message):
    return re.search(r"https?://\S+/bevestigen/\?code=\S+", message.body).group(0)


def new_url(map_page):
    return map_page.url + map_page.reverse_subpage("proposal_new")


def change_url(map_page, partnership):
    return map_page.url + map_page.reverse_subpage("proposal_change", args=[partnership.slug])


@pytest.mark.django_db
def test_new_partnership_reaches_editors_only_after_confirmation(client, map_page):
    response = client.get(new_url(map_page))
    assert response.status_code == 200
    assert "nooit openbaar" in response.text
    assert "no-cache" in response["Cache-Control"]

    response = client.post(new_url(map_page), form_data())
    assert response.status_code == 200
    assert "bevestigingslink" in response.text
    proposal = PartnershipProposal.objects.get()
    assert proposal.status == PartnershipProposal.Status.UNCONFIRMED
    assert not Partnership.objects.filter(name="Zorgpact Zeeland").exists()
    (message,) = mail.outbox
    assert message.to == [EMAIL]

    link = confirm_link(message)
    page = client.get(link)
    assert "Bevestig mijn voorstel" in page.text
    assert not Partnership.objects.filter(name="Zorgpact Zeeland").exists()  # GET confirms nothing

    response = client.post(link)
    assert "is bevestigd" in response.text
    partnership = Partnership.objects.get(name="Zorgpact Zeeland")
    assert not partnership.live
    assert partnership.current_workflow_task.name == roles.TASK
    assert partnership.background == "<p>Te weinig verpleegkundigen.</p><p>De zorg vergrijst.</p>"
    assert [p.organisation for p in partnership.partners.all()] == ["Scalda", "Adrz"]
    assert (round(partnership.latitude, 4), round(partnership.longitude, 4)) == (51.4988, 3.611)
    assert list(partnership.sectors.values_list("slug", flat=True)) == ["zorg-en-welzijn"]
    proposal.refresh_from_db()
    assert proposal.status == PartnershipProposal.Status.OPEN
    assert proposal.partnership == partnership

    # The link used again changes nothing.
    assert "al bevestigd" in client.post(link).text
    assert Partnership.objects.filter(name="Zorgpact Zeeland").count() == 1


@pytest.mark.django_db
def test_the_map_and_the_write_up_link_to_the_forms(client, map_page):
    partnership = PartnershipFactory(slug="techniekpact")
    assert new_url(map_page) in client.get(map_page.url).text
    write_up = client.get(map_page.url + "techniekpact/")
    assert change_url(map_page, partnership) in write_up.text


@pytest.mark.django_db
def test_change_form_shows_public_fields_and_never_conversations(client, map_page):
    partnership = PartnershipFactory(
        slug="techniekpact", results="<p>Twintig <b>leerbanen</b>.</p>"
    )
    PartnerFactory(partnership=partnership, organisation="ROC van Twente")
    partnership.conversations.create(
        date=datetime.date(2025, 3, 1),
        with_whom="Directeur",
        subject="Intern-gespreksmerker-7731",
        summary="Vertrouwelijk.",
    )
    partnership.save()
    response = client.get(change_url(map_page, partnership))
    assert response.status_code == 200
    assert "Twintig leerbanen." in response.text  # plain text of the rich text
    assert "ROC van Twente" in response.text
    assert "Intern-gespreksmerker-7731" not in response.text
    assert "Intern-gespreksmerker-7731" in str(partnership.conversations.all()[0])  # control


@pytest.mark.django_db
def test_drafts_have_no_change_form(client, map_page):
    draft = PartnershipFactory(slug="concept", live=False)
    assert client.get(change_url(map_page, draft)).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"latitude": "48,85", "longitude": "2,35"}, "latitude", "niet in Nederland"),
        ({"latitude": "52,1", "longitude": ""}, "longitude", "beide leeg"),
        ({"latitude": "noord"}, "latitude", "getal"),
        ({"region": "999999"}, "region", "Kies een arbeidsmarktregio uit de lijst."),
        ({"region": ""}, "region", "Kies de arbeidsmarktregio."),
        ({"email": "geen-adres"}, "email", "Dit is geen geldig e-mailadres."),
        ({"name": "<b></b>"}, "name", "verplicht"),
        ({"sectors": ["424242"]}, "sectors", "Kies alleen uit de lijst."),
        ({"start_year": "1800"}, "start_year", "1990"),
        ({"partners": "\n".join(f"Partner {n}" for n in range(41))}, "partners", "hoogstens"),
    ],
)
def test_bad_input_is_refused_in_dutch_and_nothing_is_stored(
    client, map_page, fields, field, message
):
    response = client.post(new_url(map_page), form_data(**fields))
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert "Uw voorstel is nog niet verstuurd" in response.text
    assert not PartnershipProposal.objects.exists()
    assert not mail.outbox


@pytest.mark.django_db
def test_html_is_stripped_from_every_text(client, map_page):
    client.post(
        new_url(map_page),
        form_data(
            name="<script>alert(1)</script>Zorgpact <i>Zeeland</i>",
            background="<p onclick='x()'>Tekort</p> aan <a href='https://x'>zorg</a> & meer",
            partners="<img src=x onerror=alert(1)>Scalda",
        ),
    )
    changes = PartnershipProposal.objects.get().changes
    assert changes["name"] == "alert(1)Zorgpact Zeeland"
    assert changes["background"] == "Tekort aan zorg & meer"
    assert changes["partners"] == ["Scalda"]
    client.post(confirm_link(mail.outbox[0]))
    partnership = Partnership.objects.get()
    assert partnership.background == "<p>Tekort aan zorg &amp; meer</p>"
    assert "<" not in partnership.name


@pytest.mark.django_db
def test_honeypot_gets_the_thank_you_page_but_nothing_is_stored(client, map_page):
    response = client.post(new_url(map_page), form_data(**{HONEYPOT_FIELD: "http://spam"}))
    assert response.status_code == 200
    assert "bevestigingslink" in response.text
    assert not PartnershipProposal.objects.exists()
    assert not mail.outbox


@pytest.mark.django_db
@override_settings(RATE_LIMITS={"proposal": (2, 3600)})
def test_rate_limit_refuses_with_the_dutch_429_page(client, map_page):
    for _ in range(2):
        client.post(new_url(map_page), form_data(name=""))
    response = client.post(new_url(map_page), form_data())
    assert response.status_code == 429
    assert "Retry-After" in response
    assert not PartnershipProposal.objects.exists()


@pytest.mark.django_db
@override_settings(RATE_LIMITS={"proposal": (100, 3600)})
def test_cap_on_open_proposals_per_address_and_per_partnership(client, map_page):
    for number in range(3):
        assert client.post(new_url(map_page), form_data(name=f"Pact {number}")).status_code == 200
    response = client.post(new_url(map_page), form_data(name="Pact 4"))
    assert response.status_code == 400
    assert "al drie voorstellen open" in response.text
    assert PartnershipProposal.objects.count() == 3

    partnership = PartnershipFactory(slug="techniekpact")
    form = client.get(change_url(map_page, partnership)).context["form"]
    for number in range(2):
        data = {**form.initial, "email": f"ander{number}@example.nl", "city": f"Plaats {number}"}
        data = {k: v for k, v in data.items() if v is not None}
        assert client.post(change_url(map_page, partnership), data).status_code == 200
    data["email"] = "derde@example.nl"
    response = client.post(change_url(map_page, partnership), data)
    assert "al wijzigingen ter beoordeling" in response.text
    assert partnership.proposals.count() == 2


@pytest.mark.django_db
def test_a_failing_mail_server_keeps_nothing(client, map_page):
    with mock.patch("regions.proposals.send_mail", side_effect=OSError("down")):
        response = client.post(new_url(map_page), form_data())
    assert response.status_code == 400
    assert "konden u geen e-mail sturen" in response.text
    assert not PartnershipProposal.objects.exists()


# Made in the test, not at collection: a signed token carries the time, and test workers that
# collect in different seconds would name the cases differently (pytest-xdist refuses that).
FORGED_TOKENS = {
    "no-signature": lambda: "forged",
    "other-salt": lambda: signing.dumps(1, salt="another.salt"),
    "broken-signature": lambda: signing.dumps(1, salt=TOKEN_SALT)[:-2] + "xx",
}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", FORGED_TOKENS)
def test_forged_tokens_are_refused(client, map_page, kind):
    token = FORGED_TOKENS[kind]()
    client.post(new_url(map_page), form_data())
    url = (
        map_page.url
        + map_page.reverse_subpage("proposal_confirm")
        + "?"
        + urlencode({"code": token})
    )
    response = client.post(url)
    assert response.status_code == 400
    assert "klopt niet" in response.text
    assert PartnershipProposal.objects.get().status == PartnershipProposal.Status.UNCONFIRMED
    assert not Partnership.objects.exists()


@pytest.mark.django_db
def test_expired_token_is_refused(client, map_page):
    client.post(new_url(map_page), form_data())
    link = confirm_link(mail.outbox[0])
    later = timezone.now() + datetime.timedelta(days=8)
    with mock.patch("time.time", return_value=later.timestamp()):
        response = client.post(link)
    assert response.status_code == 400
    assert "verlopen" in response.text
    assert not Partnership.objects.exists()


@pytest.mark.django_db
def test_token_of_a_deleted_proposal_is_refused(client, map_page):
    client.post(new_url(map_page), form_data())
    PartnershipProposal.objects.all().delete()
    response = client.get(confirm_link(mail.outbox[0]))
    assert response.status_code == 400
    assert "bestaat niet meer" in response.text


@pytest.mark.django_db
def test_logo_is_checked_and_reaches_the_image_library_only_on_confirmation(client, map_page):
    fake = SimpleUploadedFile("logo.png", b"<html><script>alert(1)</script></html>")
    response = client.post(new_url(map_page), {**form_data(), "logo": fake})
    assert response.status_code == 400
    assert response.context["form"].errors["logo"]
    assert not PartnershipProposal.objects.exists()

    logo = SimpleUploadedFile("logo.gif", GIF, content_type="image/gif")
    client.post(new_url(map_page), {**form_data(), "logo": logo})
    assert PartnershipProposal.objects.get().logo
    assert not get_image_model().objects.exists()
    client.post(confirm_link(mail.outbox[0]))
    partnership = Partnership.objects.get()
    assert partnership.logo.title == "Logo Zorgpact Zeeland"
    assert not PartnershipProposal.objects.get().logo  # moved into the library


@pytest.mark.django_db
def test_form_queries_are_pinned_and_flat(client, map_page):
    """The forms read the taxonomies once each, whatever the number of partnerships."""
    from .conftest import bulk_partnerships, count_queries

    partnership = PartnershipFactory(slug="techniekpact")
    PartnerFactory(partnership=partnership)
    bulk_partnerships(10, prefix="few")
    client.get(new_url(map_page))  # warm Wagtail's per-process caches (site root paths)
    few = (
        count_queries(client, new_url(map_page)),
        count_queries(client, change_url(map_page, partnership)),
    )
    bulk_partnerships(300, prefix="many")
    many = (
        count_queries(client, new_url(map_page)),
        count_queries(client, change_url(map_page, partnership)),
    )
    assert few == many == (NEW_FORM_QUERIES, CHANGE_FORM_QUERIES)


@pytest.mark.django_db
def test_forms_and_confirmation_are_valid_html(client, map_page, assert_valid_html):
    partnership = PartnershipFactory(slug="techniekpact")
    documents = {
        "aanmelden": client.get(new_url(map_page)).text,
        "aanmelden-fouten": client.post(new_url(map_page), form_data(name="", latitude="99")).text,
        "wijzigen": client.get(change_url(map_page, partnership)).text,
        "verstuurd": client.post(new_url(map_page), form_data()).text,
    }
    link = confirm_link(mail.outbox[0])
    documents["bevestigen"] = client.get(link).text
    documents["bevestigd"] = client.post(link).text
    documents["link-onjuist"] = client.get(link + "x").text
    assert "Bevestig mijn voorstel" in documents["bevestigen"]
    assert_valid_html(documents)


FUZZED_FIELDS = ["name", "summary", "region", "latitude", "longitude", "sectors", "partners"]


@pytest.mark.django_db
@fuzz_settings(examples=40)
@given(data=st.data())
def test_random_form_input_never_breaks_or_half_writes(client, map_page, data):
    """Nonsense in any field: a Dutch answer (sent, or the form with its errors), never a 500."""
    cache.clear()
    fields = data.draw(st.lists(st.sampled_from(FUZZED_FIELDS), min_size=1, unique=True))
    posted = form_data(email=f"fuzz{data.draw(st.integers(0, 10**6))}@example.nl")
    posted.update({name: data.draw(values(), label=name) for name in fields})
    before = PartnershipProposal.objects.count()
    response = post(client, new_url(map_page), posted)
    check_response(response, (200, 400))
    stored = PartnershipProposal.objects.count() - before
    assert stored == (1 if response.status_code == 200 else 0)


@pytest.mark.django_db
def test_a_change_form_sent_unchanged_is_refused(client, map_page):
    partnership = PartnershipFactory(slug="techniekpact")
    form = client.get(change_url(map_page, partnership)).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    response = client.post(change_url(map_page, partnership), {**data, "email": EMAIL})
    assert response.status_code == 400
    assert "U heeft niets veranderd" in response.text
    assert not PartnershipProposal.objects.exists()


@pytest.mark.django_db
def test_a_new_partnership_never_takes_the_slug_of_a_route(client, map_page):
    client.post(new_url(map_page), form_data(name="Aanmelden"))
    client.post(confirm_link(mail.outbox[0]))
    assert Partnership.objects.get().slug == "aanmelden-2"


@pytest.mark.django_db
def test_confirmation_without_a_workflow_writes_nothing(client, map_page):
    from wagtail.models import WorkflowContentType

    client.post(new_url(map_page), form_data())
    WorkflowContentType.objects.all().delete()
    response = client.post(confirm_link(mail.outbox[0]))
    assert response.status_code == 400
    assert "kan nu niet worden doorgestuurd" in response.text
    assert not Partnership.objects.exists()
    assert PartnershipProposal.objects.get().status == PartnershipProposal.Status.UNCONFIRMED


@pytest.mark.django_db
def test_a_region_removed_before_confirmation_is_refused(client, map_page):
    client.post(new_url(map_page), form_data(region=str(Region.objects.get(slug="zeeland").pk)))
    Region.objects.filter(slug="zeeland").delete()
    response = client.post(confirm_link(mail.outbox[0]))
    assert response.status_code == 400
    assert "past niet meer" in response.text
    assert not Partnership.objects.exists()
