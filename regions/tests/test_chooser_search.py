"""The admin's snippet choosers find every snippet by name: after migrate, imports and edits.

The regions, provinces and taxonomies come from a data migration, which sends no save
signal; without home/search_index.py they never reached the search index and "Kies
Arbeidsmarktregio" with "Twente" found nothing.
"""

import os
import re
import subprocess
import sys
from html import unescape
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from wagtail.search.models import IndexEntry

from core.factories import PersonFactory
from regions.factories import PartnershipFactory
from regions.models import Region

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "regions" / "data"

pytestmark = pytest.mark.django_db
CHOICE = re.compile(r"<a [^>]*data-chooser-modal-choice[^>]*>\s*([^<]+?)\s*</a>")

# (chooser, what an editor types, the name it must find, a name it must not list)
SEEDED = [
    ("regions_region", "Twen", "Twente", "Groningen"),
    ("regions_region", "twente", "Twente", "Zeeland"),
    ("regions_province", "Frys", "Fryslân", "Utrecht"),
    ("regions_theme", "Innov", "Innovatie", "Initieel onderwijs"),
    ("regions_sector", "Zorg", "Zorg en welzijn", "Logistiek"),
    ("regions_educationlevel", "Hb", "Hbo", "Vmbo"),
    ("regions_fundingsource", "Groeif", "Nationaal Groeifonds", "RIF-opschaler"),
]


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("kiezer", "k@example.nl", "x"))
    return client


def chooser_search(client, chooser, query):
    """The names the chooser offers for a query (its result links, not the echoed query)."""
    response = client.get(reverse(f"wagtailsnippetchoosers_{chooser}:choose_results"), {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    return [unescape(name) for name in CHOICE.findall(html)]


@pytest.mark.parametrize(("chooser", "query", "found", "other"), SEEDED)
def test_seeded_snippets_are_found_by_name_right_after_migrate(
    editor, chooser, query, found, other
):
    # Both names exist: the search, not missing data, leaves the other one out.
    model = apps.get_model(*chooser.split("_"))
    assert set(model.objects.filter(name__in=[found, other]).values_list("name", flat=True)) == {
        found,
        other,
    }

    html = chooser_search(editor, chooser, query)
    assert found in html
    assert other not in html


def test_people_and_partnerships_are_found_by_name(editor):
    PersonFactory(name="Anouk Brinkman")
    PersonFactory(name="Karel Mulder")
    PartnershipFactory(name="Techniekpact Twente", region=Region.objects.get(slug="twente"))
    PartnershipFactory(name="Zorgcampus Zeeland", region=Region.objects.get(slug="zeeland"))

    # A person is listed as "name (organisation)".
    html = " | ".join(chooser_search(editor, "core_person", "Brink"))
    assert "Anouk Brinkman" in html and "Karel Mulder" not in html
    html = chooser_search(editor, "regions_partnership", "Techniekp")
    assert "Techniekpact Twente" in html and "Zorgcampus Zeeland" not in html


def forget_regions_in_the_index():
    """Drop the regions' index entries, as a database migrated before this fix has them."""
    IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(Region)).delete()


def test_migrate_indexes_rows_that_are_missing_from_the_index(editor):
    forget_regions_in_the_index()
    assert "Twente" not in chooser_search(editor, "regions_region", "Twente")

    call_command("migrate", verbosity=0, interactive=False)

    assert "Twente" in chooser_search(editor, "regions_region", "Twente")
    # Indexing again adds nothing twice.
    entries = IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(Region))
    assert entries.count() == Region.objects.count()


def test_a_renamed_region_is_found_by_its_new_name_only(editor):
    region = Region.objects.get(slug="twente")
    response = editor.post(
        reverse("wagtailsnippets_regions_region:edit", args=[region.pk]),
        {
            "name": "Twente en Achterhoek",
            "slug": "twente",
            "province": region.province_id,
            "centre_city": "Enschede",
            "latitude": "52.22",
            "longitude": "6.89",
        },
    )
    assert response.status_code == 302
    assert "Twente en Achterhoek" in chooser_search(editor, "regions_region", "Achterh")
    # Only the renamed region matches: the index holds no stale or duplicate entry.
    assert chooser_search(editor, "regions_region", "Twente") == ["Twente en Achterhoek"]


def test_imported_partnerships_are_found_in_the_chooser(editor):
    call_command("import_partnerships", str(DATA / "sample_partnerships.csv"), stdout=StringIO())
    html = chooser_search(editor, "regions_partnership", "Techniekh")
    assert "Techniekhuis Zwolle" in html and "Datalab Venlo" not in html


@pytest.mark.parametrize(
    ("command", "sample"),
    [
        ("import_partnerships", "sample_partnerships.csv"),
        ("import_region_figures", "sample_region_figures.csv"),
    ],
)
def test_import_commands_leave_no_snippet_out_of_the_index(editor, command, sample):
    forget_regions_in_the_index()
    call_command(command, str(DATA / sample), stdout=StringIO(), stderr=StringIO())
    assert "Twente" in chooser_search(editor, "regions_region", "Twente")


SQLITE_CHECK = """
from wagtail.search.backends import get_search_backend
from regions.models import Province, Region, Theme
backend = get_search_backend()
for model, query in [(Region, "Twen"), (Province, "Frys"), (Theme, "Innov")]:
    print(model.__name__, [str(o) for o in backend.autocomplete(query, model.objects.all())])
"""


def test_on_sqlite_migrate_makes_the_seeded_snippets_findable(tmp_path):
    """`make run` uses SQLite and its own full-text tables: a fresh migrate finds "Twente"."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    migrate = subprocess.run(
        [*manage, "migrate", "--noinput"], env=env, capture_output=True, text=True, timeout=600
    )
    assert migrate.returncode == 0, migrate.stderr
    check = subprocess.run(
        [*manage, "shell", "-c", SQLITE_CHECK], env=env, capture_output=True, text=True, timeout=120
    )
    assert check.returncode == 0, check.stderr
    assert "Region ['Twente']" in check.stdout
    assert "Province ['Fryslân']" in check.stdout
    assert "Theme ['Innovatie']" in check.stdout


@pytest.mark.parametrize(
    ("listing", "query", "found", "other"),
    [
        ("regions_region", "Enschede", "Twente", "Rijnmond"),
        ("regions_province", "Frys", "Fryslân", "Utrecht"),
        ("regions_theme", "Innov", "Innovatie", "Initieel onderwijs"),
    ],
)
def test_the_listings_search_the_same_index(editor, listing, query, found, other):
    response = editor.get(reverse(f"wagtailsnippets_{listing}:list"), {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert found in html and other not in html
