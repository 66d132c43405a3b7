"""Load-test data of the case stories, called by `manage.py generate_load_data`.

Cases are pages, added one by one under the case index by their factory, each about a
generated partnership and serving one or two programme goals.
"""

import datetime

from cases.demo_data import INDEX_PAGE
from cases.factories import CaseIndexPageFactory, CasePageFactory
from cases.models import GoalPage
from core.loaddata import paragraphs, pictures, section_pages
from regions.loaddata import generated_partnerships

SLUG_PREFIX = "load-case-"
FIRST_PUBLISHED = datetime.datetime(2023, 1, 1, 9, tzinfo=datetime.UTC)


def generate(sizes, stdout, home):
    """``home``: the page the case index goes under (``home.loaddata``)."""
    target = sizes["cases"]
    index, existing, rng = section_pages(home, CaseIndexPageFactory, INDEX_PAGE, SLUG_PREFIX)
    goals = list(GoalPage.objects.order_by("number"))
    partnerships = generated_partnerships()
    images = pictures()
    for number in range(existing + 1, target + 1):
        published = FIRST_PUBLISHED + datetime.timedelta(days=number % 1000)
        CasePageFactory(
            parent=index,
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
            partnership=rng.choice(partnerships) if partnerships else None,
            live=True,
            first_published_at=published,
            last_published_at=published,
            goals=rng.sample(goals, min(len(goals), rng.randint(1, 2))),
        )
    stdout.write(f"Cases: {max(target - existing, 0)} generated ({target} in total).")
