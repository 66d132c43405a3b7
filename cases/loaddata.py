"""Load-test data of the case stories, called by `manage.py generate_load_data`.

Cases are pages, added one by one under the case index, each about a generated
partnership and serving one or two programme goals. The home page features three of them
when it features none yet.
"""

import datetime
import random

from cases.models import CaseIndexPage, CasePage, GoalPage
from home.loaddata import paragraphs, pictures
from home.models import HomePage
from regions.loaddata import SLUG_PREFIX as PARTNERSHIP_PREFIX
from regions.models import Partnership

SLUG_PREFIX = "load-case-"
FIRST_PUBLISHED = datetime.datetime(2023, 1, 1, 9, tzinfo=datetime.UTC)


def foreign_content():
    return []  # cases are pages: home.loaddata counts those


def ensure_index(home):
    index = CaseIndexPage.objects.first()
    if index is None:
        index = CaseIndexPage(
            title="Cases",
            slug="cases",
            show_in_menus=True,
            intro="Initiatieven aan het woord: zo werkt regionale samenwerking in de praktijk.",
        )
        home.add_child(instance=index)
    return index


def feature_cases(home):
    if not home.featured_cases.raw_data:
        chosen = CasePage.objects.live().order_by("pk")[:3]
        home.featured_cases = [("case", case) for case in chosen]
        home.save(update_fields=["featured_cases"])


def generate(sizes, stdout):
    target = sizes["cases"]
    home = HomePage.objects.first()
    index = ensure_index(home)
    existing = CasePage.objects.filter(slug__startswith=SLUG_PREFIX).count()
    rng = random.Random(existing)
    goals = list(GoalPage.objects.order_by("number"))
    partnership_ids = list(
        Partnership.objects.filter(slug__startswith=PARTNERSHIP_PREFIX).values_list("pk", flat=True)
    )
    images = pictures()
    for number in range(existing + 1, target + 1):
        published = FIRST_PUBLISHED + datetime.timedelta(days=number % 1000)
        page = CasePage(
            title=f"Case {number:05d}: samen opleiden in de regio",
            slug=f"{SLUG_PREFIX}{number:05d}",
            subtitle="Een docent en een ondernemer vertellen",
            person_name="Martin Jansen",
            person_role="Coördinator",
            person_organisation="ROC in de regio",
            pull_quote="Samen leiden we op wat de regio nodig heeft.",
            intro="Hoe een school en bedrijven samen vakmensen opleiden.",
            body=paragraphs(number, count=4),
            main_image=images[number % len(images)],
            partnership_id=rng.choice(partnership_ids) if partnership_ids else None,
            live=True,
            first_published_at=published,
            last_published_at=published,
        )
        page.goals.set(rng.sample(goals, min(len(goals), rng.randint(1, 2))))
        index.add_child(instance=page)
    feature_cases(home)
    stdout.write(f"Cases: {max(target - existing, 0)} generated ({target} in total).")
