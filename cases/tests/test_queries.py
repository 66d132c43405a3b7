"""SQL query counts of the case and goal pages: pinned, and equal for 10 and 50 cases.

Pages cannot be bulk-created (multi-table inheritance) and adding them one by one is
slow (about 0.3 s each), so these tests compare 10 with 50 cases; lists are paginated.
"""

import pytest

from cases.factories import (
    CaseIndexPageFactory,
    CasePageFactory,
    GoalPageFactory,
    GoalTargetFactory,
    many_cases,
)
from core.tests.queries import measure
from home.factories import ProgrammePageFactory
from regions.factories import PartnershipFactory
from regions.models import Sector

CASE_INDEX_QUERIES = 17  # page frame, filter choices, count, rows with images
CASE_INDEX_FILTERED_QUERIES = 17
CASE_PAGE_QUERIES = 20  # related cases in two steps: their ids, then the newest three
GOAL_PAGE_QUERIES = 18  # includes one query per live-counted target (2 here)
# Home budget (with the upcoming meetings) + featured cases (view restrictions, rows) + the
# link to "Het netwerk in beeld" under the key figures, which the goals' targets bring.
HOME_WITH_CASES_QUERIES = 15


@pytest.fixture
def setting(home_page):
    index = CaseIndexPageFactory(parent=home_page)
    goal = GoalPageFactory(parent=ProgrammePageFactory(parent=home_page))
    for metric in ["civ_coe_links", "spotlight_regions", "manual"]:
        GoalTargetFactory(page=goal, metric=metric)
    partnership = PartnershipFactory(sectors=[Sector.objects.get(slug="ict")])
    case = CasePageFactory(parent=index, partnership=partnership, goals=[goal])
    return index, goal, partnership, case


@pytest.mark.django_db
def test_case_pages_queries_pinned_and_flat(client, home_page, setting):
    index, goal, partnership, case = setting
    home_page.featured_cases = [("case", case)]
    home_page.save()
    urls = {
        "/cases/": CASE_INDEX_QUERIES,
        f"/cases/?doel={goal.pk}&sector=ict&page=2": CASE_INDEX_FILTERED_QUERIES,
        case.url: CASE_PAGE_QUERIES,
        goal.url: GOAL_PAGE_QUERIES,
        "/": HOME_WITH_CASES_QUERIES,
    }
    many_cases(index, 10, partnership=partnership, goals=[goal])
    few = {url: measure(client, url) for url in urls}
    many_cases(index, 40, partnership=partnership, goals=[goal])
    many = {url: measure(client, url) for url in urls}
    assert few == many == urls
