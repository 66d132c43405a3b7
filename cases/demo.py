"""Demo case stories: the case index at /cases/ and six cases (see demo_data.py).

Creates only what is missing and publishes through revisions. Which cases the home page
features is the home page's business (``home.demo``).
"""

import json

from cases.demo_data import CASES, INDEX_PAGE
from cases.factories import CaseIndexPageFactory, CasePageFactory
from cases.models import GoalPage
from core.content import ensure_page
from core.demo import make_picture, paragraph
from regions.models import Partnership


def load(stdout, home):
    """``home``: the page the case index goes under (``home.demo.load_demo_content``)."""
    index = ensure_page(home, CaseIndexPageFactory, publish=True, **INDEX_PAGE)
    existing = set(index.get_children().values_list("slug", flat=True))
    goals = {goal.number: goal for goal in GoalPage.objects.all()}
    created = 0
    for number, item in enumerate(CASES):
        slug, title, subtitle, person, quote, intro, paragraphs, partnership, goal_numbers = item
        if slug in existing:
            continue
        name, role, organisation = person
        page = CasePageFactory(
            parent=index,
            title=title,
            slug=slug,
            subtitle=subtitle,
            person_name=name,
            person_role=role,
            person_organisation=organisation,
            pull_quote=quote,
            intro=intro,
            main_image=make_picture(f"Case: {title}", f"case-{number}"),
            body=json.dumps([paragraph(*paragraphs)]),
            partnership=Partnership.objects.filter(slug=partnership).first(),
            goals=[goals[n] for n in goal_numbers if n in goals],
        )
        page.save_revision().publish()
        created += 1
    stdout.write(f"Cases: {created} demo case stories created.")
