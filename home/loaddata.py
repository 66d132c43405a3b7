"""Load-test data of the top layer, and :func:`generate_load_data`, which runs every section's.

``manage.py generate_load_data`` calls :func:`generate_load_data` inside
``core.loaddata.generating()``. The home page skeleton comes first (home page, a programme
page with its goals, a contact person, settings, the shared pictures), reusing the demo
loaders; then the network, the news, the cases and the meetings under the home page, each from its app's
``loaddata.generate(sizes, stdout, home)``.
"""

import time

from cases import loaddata as cases_loaddata
from cases.models import CasePage
from core.loaddata import foreign_pages, paragraphs, pictures
from events import loaddata as events_loaddata
from home.demo import ensure_contact_person, ensure_home_page, ensure_settings
from home.demo_goals import ensure_goals
from home.factories import ProgrammePageFactory
from home.models import HomePage, ProgrammePage
from news import loaddata as news_loaddata
from regions import loaddata as regions_loaddata

# In this order: the news and the cases refer to the generated partnerships.
SECTIONS = (regions_loaddata, news_loaddata, cases_loaddata, events_loaddata)


def foreign_content():
    """What in the database the generator did not make: pages and partnerships."""
    count = foreign_pages().count()
    pages = [f"{count} pages"] if count else []
    return pages + regions_loaddata.foreign_content()


def ensure_programme_page(home):
    """The programme page the goals hang under (ensure_goals needs this slug)."""
    page = ProgrammePage.objects.filter(slug="over-het-programma").first()
    if page:
        return page
    page = ProgrammePageFactory(
        parent=home,
        title="Over het programma",
        slug="over-het-programma",
        show_in_menus=True,
        intro="Het kennisprogramma brengt regionale samenwerkingen in beeld.",
        body=paragraphs(0, count=4),
    )
    page.save_revision().publish()
    return page


def generate(sizes, stdout):
    """The top layer's skeleton; returns the home page the sections go under."""
    home = HomePage.objects.first() or ensure_home_page()
    person = ensure_contact_person()
    ensure_programme_page(home)
    ensure_goals(person)
    ensure_settings()
    pictures()
    stdout.write("Site core: home page, programme page, goals and pictures in place.")
    return home


def feature_cases(home):
    """Feature three generated cases on the home page when it features none yet."""
    if not home.featured_cases.raw_data:
        chosen = CasePage.objects.live().order_by("pk")[:3]
        home.featured_cases = [("case", case) for case in chosen]
        home.save(update_fields=["featured_cases"])


def generate_load_data(sizes, stdout):
    """Everything, top layer first; each step reports how long it took."""
    started = time.monotonic()
    home = generate(sizes, stdout)
    stdout.write(f"  ({__name__}: {time.monotonic() - started:.0f} s)")
    for module in SECTIONS:
        started = time.monotonic()
        module.generate(sizes, stdout, home)
        stdout.write(f"  ({module.__name__}: {time.monotonic() - started:.0f} s)")
    feature_cases(home)
