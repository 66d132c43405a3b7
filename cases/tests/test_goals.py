"""Programme goals: page rules, live metrics over published partnerships, progress display."""

import datetime

import pytest
from wagtail.test.utils import WagtailPageTestCase

from cases import metrics
from cases.factories import (
    CaseIndexPageFactory,
    CasePageFactory,
    GoalPageFactory,
    GoalTargetFactory,
)
from cases.models import GoalPage
from home.factories import ProgrammePageFactory
from home.models import ProgrammePage
from regions.factories import PartnerFactory, PartnershipFactory
from regions.models import FundingSource, Region, Sector


class GoalRulesTests(WagtailPageTestCase):
    def test_goal_sits_under_a_programme_page(self):
        self.assertAllowedParentPageTypes(GoalPage, {ProgrammePage})
        self.assertAllowedSubpageTypes(GoalPage, set())


@pytest.fixture
def goal(home_page):
    return GoalPageFactory(parent=ProgrammePageFactory(parent=home_page), number=3)


def value(goal, metric, **fields):
    return metrics.count(GoalTargetFactory.build(page=goal, metric=metric, **fields))


@pytest.mark.django_db
def test_metrics_count_published_partnerships_only(goal, home_page):
    ict = Sector.objects.get(slug="ict")
    rif = FundingSource.objects.get(slug="regionaal-investeringsfonds-mbo-rif")
    this_year = datetime.date.today().year
    civ = PartnershipFactory(kind="civ", sectors=[ict], companies_count=10, start_year=this_year)
    civ.funding_sources.set([rif])
    civ.save()  # parental many-to-many rows are written on save
    PartnerFactory(partnership=civ, kind="hbo")
    PartnershipFactory(kind="civ", companies_count=5)  # no knowledge partner
    PartnershipFactory(kind="regional_pact", sectors=[ict], companies_count=1)
    draft = PartnershipFactory(kind="civ", sectors=[ict], live=False, companies_count=100)
    PartnerFactory(partnership=draft, kind="hbo")
    assert value(goal, "civ_coe_links") == 1
    assert value(goal, "ict_sector") == 2
    assert value(goal, "ict_pacts") == 1
    assert value(goal, "companies") == 16
    assert value(goal, "rif_started") == 1
    assert value(goal, "rif_started", year_from=this_year - 5, year_to=this_year - 1) == 0
    assert value(goal, "manual", manual_count=7) == 7


@pytest.mark.django_db
def test_spotlight_counts_distinct_regions_with_a_published_case(goal, home_page):
    index = CaseIndexPageFactory(parent=home_page)
    twente, groningen = Region.objects.get(slug="twente"), Region.objects.get(slug="groningen")
    for partnership in [PartnershipFactory(region=twente), PartnershipFactory(region=twente)]:
        CasePageFactory(parent=index, partnership=partnership)
    CasePageFactory(parent=index, partnership=PartnershipFactory(region=groningen), live=False)
    assert value(goal, "spotlight_regions") == 1


@pytest.mark.django_db
def test_goal_page_shows_live_progress_and_cases(client, goal, home_page):
    GoalTargetFactory(page=goal, label="CIV's met het hbo", target=5, metric="civ_coe_links")
    index = CaseIndexPageFactory(parent=home_page)
    CasePageFactory(parent=index, title="Een mooie case", goals=[goal])
    url = goal.url
    assert "0 van 5" in client.get(url).text
    PartnerFactory(partnership=PartnershipFactory(kind="civ"), kind="knowledge")
    text = client.get(url).text
    assert "1 van 5" in text
    assert '<progress max="5" value="1"' in text
    assert "Een mooie case" in text
    assert "Bekijk alle cases bij doel 3" in text and f"/cases/?doel={goal.pk}" in text
