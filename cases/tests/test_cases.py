"""Case index with filters, case pages, and the write-up listing its cases."""

import pytest
from wagtail.test.utils import WagtailPageTestCase

from cases.factories import CaseIndexPageFactory, CasePageFactory, GoalPageFactory
from cases.models import CaseIndexPage, CasePage
from home.factories import ProgrammePageFactory
from home.models import HomePage
from regions.factories import NetworkMapPageFactory, PartnershipFactory
from regions.models import Region, Sector


class CaseRulesTests(WagtailPageTestCase):
    def test_cases_sit_under_their_index_under_home(self):
        self.assertAllowedParentPageTypes(CaseIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(CasePage, {CaseIndexPage})
        self.assertAllowedSubpageTypes(CasePage, set())


@pytest.fixture
def case_index(home_page):
    return CaseIndexPageFactory(parent=home_page)


@pytest.mark.django_db
def test_filter_by_goal_region_and_sector(client, home_page, case_index):
    goal = GoalPageFactory(parent=ProgrammePageFactory(parent=home_page))
    twente = PartnershipFactory(
        region=Region.objects.get(slug="twente"), sectors=[Sector.objects.get(slug="ict")]
    )
    CasePageFactory(parent=case_index, title="Case Twente", partnership=twente)
    CasePageFactory(parent=case_index, title="Case programma", goals=[goal])
    text = client.get(f"/cases/?doel={goal.pk}").text
    assert "Case programma" in text and "Case Twente" not in text
    text = client.get("/cases/?regio=twente&sector=ict").text
    assert "Case Twente" in text and "Case programma" not in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["?doel=abc", "?doel=999999", "?regio=%00", "?sector=x&thema=y", "?page=-3", "?page=zz"],
)
def test_nonsense_filters_never_fail(client, case_index, query):
    CasePageFactory(parent=case_index, title="Een case")
    response = client.get("/cases/" + query)
    assert response.status_code == 200
    if "page" not in query:
        assert "is genegeerd" in response.text


@pytest.mark.django_db
def test_case_shows_partnership_facts_from_the_partnership(client, home_page, case_index):
    NetworkMapPageFactory(parent=home_page)
    partnership = PartnershipFactory(
        name="Techniekcampus Twente",
        slug="tct",
        region=Region.objects.get(slug="twente"),
        sectors=[Sector.objects.get(slug="ict")],
    )
    case = CasePageFactory(parent=case_index, title="Leren in de praktijk", partnership=partnership)
    text = client.get(case.url).text
    assert "Techniekcampus Twente" in text and "Twente" in text and "ICT" in text
    assert "Martin Jansen" in text
    # The write-up lists the cases about it.
    assert "Leren in de praktijk" in client.get("/netwerkkaart/tct/").text


@pytest.mark.django_db
def test_case_without_partnership_is_allowed(client, case_index):
    case = CasePageFactory(parent=case_index, title="Over het programma")
    assert client.get(case.url).status_code == 200


@pytest.mark.django_db
def test_home_features_chosen_published_cases_in_order(client, home_page, case_index):
    first = CasePageFactory(parent=case_index, title="Eerste keuze")
    second = CasePageFactory(parent=case_index, title="Tweede keuze")
    draft = CasePageFactory(parent=case_index, title="Nog concept", live=False)
    CasePageFactory(parent=case_index, title="Niet gekozen")
    home_page.featured_cases = [("case", second), ("case", draft), ("case", first)]
    home_page.save()
    text = client.get("/").text
    assert text.index("Tweede keuze") < text.index("Eerste keuze")
    assert "Nog concept" not in text and "Niet gekozen" not in text
