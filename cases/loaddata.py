"""Load-test data of the case stories, called by `manage.py generate_load_data`.

Cases are pages, added one by one under the case index, each about a generated
partnership and serving one or two programme goals.
"""

import datetime
import random

from cases.demo_data import INDEX_PAGE
from cases.models import CaseIndexPage, CasePage, GoalPage
from core.content import ensure_page
from core.loaddata import paragraphs, pictures
from regions.loaddata import SLUG_PREFIX as PARTNERSHIP_PREFIX
from regions.models import Partnership

SLUG_PREFIX = "load-case-"
FIRST_PUBLISHED = datetime.datetime(2023, 1, 1, 9, tzinfo=datetime.UTC)


def generate(sizes, stdout, home):
    """``home``: the page the case index goes under (``home.loaddata``)."""
    target = sizes["cases"]
    index = ensure_page(home, CaseIndexPage, **INDEX_PAGE)
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
    stdout.write(f"Cases: {max(target - existing, 0)} generated ({target} in total).")
