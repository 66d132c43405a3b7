"""Demo case stories: the case index at /cases/ and six cases (see demo_data.py).

Creates only what is missing, publishes through revisions, and features the first three
cases on the home page when it features none yet.
"""

import json

from cases.demo_data import CASES
from cases.models import CaseIndexPage, CasePage, GoalPage
from home.demo import make_picture, paragraph
from home.models import HomePage
from regions.models import Partnership


def ensure_index(home):
    index = CaseIndexPage.objects.first()
    if index:
        return index
    index = CaseIndexPage(
        title="Cases",
        slug="cases",
        show_in_menus=True,
        intro="Initiatieven aan het woord: zo werkt regionale samenwerking in de praktijk.",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def load(stdout):
    home = HomePage.objects.first()
    if home is None:
        return
    index = ensure_index(home)
    existing = set(index.get_children().values_list("slug", flat=True))
    goals = {goal.number: goal for goal in GoalPage.objects.all()}
    created = 0
    for number, item in enumerate(CASES):
        slug, title, subtitle, person, quote, intro, paragraphs, partnership, goal_numbers = item
        if slug in existing:
            continue
        name, role, organisation = person
        page = CasePage(
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
        )
        page.goals.set([goals[n] for n in goal_numbers if n in goals])
        index.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    if not home.featured_cases.raw_data:
        chosen = CasePage.objects.live().order_by("pk")[:3]
        home.featured_cases = [("case", case) for case in chosen]
        home.save_revision().publish()
    stdout.write(f"Cases: {created} demo case stories created.")
