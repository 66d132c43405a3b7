"""`manage.py generate_load_data` with tiny numbers: what it makes, and what it refuses."""

import importlib.util
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core.loaddata import GENERATOR_USERNAME
from home.factories import HomePageFactory

ROOT = Path(__file__).resolve().parents[2]
SIZES = {"partnerships": 12, "news": 3, "cases": 2, "events": 4}


def model(label):
    return apps.get_model(*label.split("."))


def load_script():
    spec = importlib.util.spec_from_file_location(
        "loadtest_results", ROOT / "scripts" / "loadtest_results.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def counts():
    return {
        label: model(label).objects.count()
        for label in (
            "regions.Partnership",
            "regions.Partner",
            "regions.RegionProfilePage",
            "news.NewsPage",
            "cases.CasePage",
            "events.EventPage",
            "wagtailcore.Page",
        )
    }


def generate(**sizes):
    out = StringIO()
    call_command("generate_load_data", stdout=out, **{**SIZES, **sizes})
    return out.getvalue()


@pytest.fixture
def generated(db):
    generate()


def test_generates_every_kind_of_content(generated):
    partnerships = model("regions.Partnership").objects.filter(slug__startswith="load-")
    assert partnerships.count() == 12
    assert not partnerships.filter(live=False).exists()
    for partnership in partnerships.prefetch_related("partners", "sectors", "themes"):
        assert 50.7 <= partnership.latitude <= 53.7 and 3.2 <= partnership.longitude <= 7.3
        assert partnership.location  # the editor's field agrees with the coordinates
        assert len(partnership.partners.all()) >= 3
        assert partnership.sectors.all() and partnership.themes.all()
    assert model("news.NewsPage").objects.live().count() == 3
    assert model("cases.CasePage").objects.live().count() == 2
    meetings = model("events.EventPage").objects.live()
    assert meetings.count() == 4
    assert meetings.filter(end__lt=timezone.now()).count() == 2  # half in the archive
    regions = model("regions.Region").objects.count()
    profiles = model("regions.RegionProfilePage").objects.live()
    assert profiles.count() == regions == 35
    assert all(profile.figures.exists() for profile in profiles)
    # Every generated page carries the marker; Wagtail's tree is consistent.
    pages = Page.objects.filter(depth__gt=1)
    assert pages.exclude(owner__username=GENERATOR_USERNAME).count() == 0
    fixtree = StringIO()
    call_command("fixtree", stdout=fixtree)
    assert "No problems found" in fixtree.getvalue()
    # Indexed in bulk after the run: the site search finds partnerships and pages.
    backend = get_search_backend()
    partnership = model("regions.Partnership").objects.get(slug="load-00006")
    found = backend.search(partnership.name, model("regions.Partnership"))
    assert partnership in list(found)
    news = model("news.NewsPage").objects.get(slug="load-nieuws-00002")
    assert news in list(backend.search("Nieuwsbericht 00002", model("news.NewsPage")))


def test_every_load_test_url_answers(generated, client):
    """The URLs `make loadtest` drives exist in data generated with the same numbers."""
    for label, path in load_script().page_types(SIZES, "/static/css/site.css")[1:]:
        response = client.get(path)
        assert response.status_code == 200, (label, path)


def test_second_run_only_adds_what_is_missing(generated):
    before = counts()
    output = generate(partnerships=15)
    after = counts()
    assert after["regions.Partnership"] == before["regions.Partnership"] + 3
    assert after["news.NewsPage"] == before["news.NewsPage"]
    assert after["cases.CasePage"] == before["cases.CasePage"]
    assert after["regions.RegionProfilePage"] == before["regions.RegionProfilePage"]
    assert "Partnerships: 3 generated (15 in total)." in output


def test_refuses_a_database_with_other_content(db):
    HomePageFactory()
    before = counts()
    with pytest.raises(CommandError, match="did not make .*1 pages.*--force"):
        generate()
    assert counts() == before


def test_refuses_other_partnerships(db):
    from regions.factories import PartnershipFactory

    PartnershipFactory(slug="echte-samenwerking")
    with pytest.raises(CommandError, match="1 partnerships"):
        generate()
    assert model("regions.Partnership").objects.count() == 1


def test_force_adds_to_other_content(db):
    HomePageFactory()
    out = StringIO()
    call_command("generate_load_data", "--force", stdout=out, **SIZES)
    assert model("news.NewsPage").objects.count() == 3
    assert "Load-test data is in place" in out.getvalue()


@pytest.mark.parametrize(
    "argument, message",
    [
        ("--news=-1", "out of range"),
        ("--partnerships=100001", "out of range"),
        ("--cases=veel", "not a whole number"),
        ("--cases=2.5", "not a whole number"),
        ("--news=", "not a whole number"),
    ],
)
def test_bad_numbers_are_refused_before_anything_is_written(db, argument, message):
    before = counts()
    with pytest.raises(CommandError, match=message):
        call_command("generate_load_data", argument, stdout=StringIO())
    assert counts() == before
