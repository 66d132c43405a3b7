"""The editors' upkeep report: possible overlaps, stale and incomplete records, the actions."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.factories import PersonFactory
from regions import insight
from regions.factories import PartnershipFactory
from regions.models import OverlapDismissal, Partnership, PartnershipCheck, Region, Sector, Theme

REPORT_URL = reverse("regions_upkeep_report")
DISMISS_URL = reverse("regions_dismiss_overlap")


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redacteur", "r@example.nl", "geheim")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def pairs():
    """A hand-made set: one real overlap and a near miss for every rule."""
    twente = Region.objects.get(slug="twente")
    zeeland = Region.objects.get(slug="zeeland")
    innovatie, leven_lang, divers = (
        Theme.objects.get(slug=slug)
        for slug in (
            "innovatie",
            "leven-lang-ontwikkelen-en-omscholing",
            "diversiteit-en-vrouwen-in-ict",
        )
    )
    ict, zorg = Sector.objects.get(slug="ict"), Sector.objects.get(slug="zorg-en-welzijn")

    def make(name, region=twente, themes=(innovatie, leven_lang), sectors=(ict,), **fields):
        return PartnershipFactory(
            name=name, region=region, themes=list(themes), sectors=list(sectors), **fields
        )

    made = {
        "a": make("Overlap A", themes=(innovatie, leven_lang, divers)),
        "b": make("Overlap B"),
        "one theme": make("Een thema", themes=(innovatie,)),
        "other sector": make("Andere sector", sectors=(zorg,)),
        "draft": make("Concept-overlap-6612", live=False),
        "elsewhere": make("Elders", region=zeeland),
    }
    return made


@pytest.mark.django_db
def test_overlaps_on_a_hand_made_set(pairs, django_assert_num_queries):
    with django_assert_num_queries(1):
        overlaps = insight.possible_overlaps()
    assert [(o.region, o.first_name, o.second_name, o.shared_themes) for o in overlaps] == [
        ("Twente", "Overlap A", "Overlap B", 2)
    ]


@pytest.mark.django_db
def test_dismissed_pair_stops_showing_and_records_who_and_when(editor_client, editor, pairs):
    a, b = pairs["a"], pairs["b"]
    assert "Overlap B" in editor_client.get(REPORT_URL).text
    response = editor_client.post(DISMISS_URL, {"first": b.pk, "second": a.pk}, follow=True)
    assert "Gemarkeerd als geen overlap" in response.text
    dismissal = OverlapDismissal.objects.get()
    assert (dismissal.first_id, dismissal.second_id) == tuple(sorted((a.pk, b.pk)))
    assert dismissal.dismissed_by == editor
    assert timezone.now() - dismissal.dismissed_at < timedelta(minutes=1)
    assert insight.possible_overlaps() == []
    assert "Geen mogelijke overlap gevonden." in response.text
    # Twice is still once.
    editor_client.post(DISMISS_URL, {"first": a.pk, "second": b.pk})
    assert OverlapDismissal.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [{}, {"first": "x", "second": "1"}, {"first": "999999", "second": "999998"}, {"first": "5"}],
)
def test_dismiss_with_bad_input_changes_nothing(editor_client, pairs, data):
    response = editor_client.post(DISMISS_URL, data, follow=True)
    assert response.status_code == 200
    assert "Dit paar bestaat niet; er is niets veranderd." in response.text
    assert not OverlapDismissal.objects.exists()


@pytest.mark.django_db
def test_same_id_twice_is_refused(editor_client, pairs):
    pk = pairs["a"].pk
    editor_client.post(DISMISS_URL, {"first": pk, "second": pk})
    assert not OverlapDismissal.objects.exists()


@pytest.mark.django_db
def test_actions_are_post_only_and_for_editors(client, editor_client, django_user_model, pairs):
    assert editor_client.get(DISMISS_URL).status_code == 405
    check_url = reverse("regions_mark_checked", args=[pairs["a"].pk])
    assert editor_client.get(check_url).status_code == 405
    assert editor_client.post(reverse("regions_mark_checked", args=[999999])).status_code == 404
    # Admin access without the right to change partnerships: no report, no action.
    user = django_user_model.objects.create_user("lezer", "l@example.nl", "geheim")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(REPORT_URL).status_code in (302, 403)
    client.post(DISMISS_URL, {"first": pairs["a"].pk, "second": pairs["b"].pk})
    client.post(check_url)
    assert not OverlapDismissal.objects.exists() and not PartnershipCheck.objects.exists()


@pytest.mark.django_db
def test_one_click_check_is_not_a_save(editor_client, editor, map_page):
    year_ago = timezone.now() - timedelta(days=400)
    old = PartnershipFactory(name="Oud record")
    Partnership.objects.filter(pk=old.pk).update(first_published_at=year_ago)
    recent = PartnershipFactory(name="Vers record")
    Partnership.objects.filter(pk=recent.pk).update(first_published_at=timezone.now())
    PartnershipFactory(name="Oud concept", live=False)
    assert [p.name for p in insight.stale_partnerships()] == ["Oud record"]

    # A revision made before the check, published after it, must not undo the check.
    old.refresh_from_db()
    revision = old.save_revision(user=editor)
    old.refresh_from_db()
    updated_before = old.updated_at
    editor_client.post(reverse("regions_mark_checked", args=[old.pk]))
    check = PartnershipCheck.objects.get(partnership=old)
    assert check.checked_by == editor
    old.refresh_from_db()
    assert old.updated_at == updated_before  # the partnership itself was not saved
    assert list(insight.stale_partnerships()) == []
    revision.publish(user=editor)
    assert list(insight.stale_partnerships()) == []

    # Twelve months later it is stale again.
    later = timezone.now() + timedelta(days=366)
    # The longest unconfirmed first: "Vers record" was published just before the check.
    assert [p.name for p in insight.stale_partnerships(now=later)] == [
        "Vers record",
        "Oud record",
    ]


@pytest.mark.django_db
def test_incomplete_records_say_what_is_missing(map_page):
    complete = {name: "<p>Tekst.</p>" for name in Partnership.FIXED_SECTIONS}
    PartnershipFactory(name="Compleet", contact_person=PersonFactory(), **complete)
    PartnershipFactory(name="Zonder plek", location="", contact_person=PersonFactory(), **complete)
    PartnershipFactory(name="Zonder contact", **complete)
    PartnershipFactory(
        name="Halve tekst",
        contact_person=PersonFactory(),
        live=False,
        **{**complete, "lessons": "", "next_steps": ""},
    )
    rows = {name: (live, reasons) for _, name, live, reasons in insight.incomplete_partnerships()}
    assert rows == {
        "Halve tekst": (False, ["leeg: lessen en succesfactoren, vervolg"]),
        "Zonder contact": (True, ["geen contactpersoon"]),
        "Zonder plek": (True, ["geen locatie"]),
    }
    assert insight.incomplete_queryset().count() == 3


@pytest.mark.django_db
def test_report_and_dashboard_panel_render(editor_client, pairs, map_page):
    text = editor_client.get(REPORT_URL).text
    assert "Mogelijke overlap (1)" in text
    assert "Concept-overlap-6612" in text  # incomplete list: drafts are editors' work too
    assert text.count("Concept-overlap-6612") == 1  # but never in an overlap pair
    for partnership in (pairs["a"], pairs["b"]):  # both links: the editor and the site
        assert reverse("wagtailsnippets_regions_partnership:edit", args=[partnership.pk]) in text
        assert f'href="/netwerkkaart/{partnership.slug}/">op de site</a>' in text
    dashboard = editor_client.get(reverse("wagtailadmin_home")).text
    assert "Netwerk bijhouden" in dashboard
    assert "1 mogelijke overlap tussen samenwerkingen in één regio" in dashboard
    assert REPORT_URL in dashboard  # the panel's button and the menu item
