"""Page creation rules and rendering of the site core's page types."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cases.models import GoalPage
from core.factories import PersonFactory
from home.factories import HomePageFactory, ProgrammePageFactory
from home.models import ContactPage, HomePage, ProgrammePage
from regions.models import NetworkMonitorPage


class PageRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePageFactory()

    def setUp(self):
        self.login()

    def test_home_page_sits_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(ProgrammePage, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_programme_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(ProgrammePage, {HomePage, ProgrammePage})
        self.assertAllowedSubpageTypes(
            ProgrammePage, {ProgrammePage, GoalPage, NetworkMonitorPage, ContactPage}
        )
        self.assertCanCreateAt(HomePage, ProgrammePage)
        self.assertCanCreateAt(ProgrammePage, ProgrammePage)

    def test_only_one_home_page(self):
        self.assertEqual(HomePage.max_count, 1)
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_editor_creates_programme_page_with_story_blocks(self):
        person = PersonFactory()
        self.assertCanCreate(
            self.home,
            ProgrammePage,
            nested_form_data(
                {
                    "title": "Knelpunten",
                    "slug": "knelpunten",
                    "intro": "Waar lopen samenwerkingen tegenaan?",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Versnippering", "level": "h2"}),
                            ("paragraph", rich_text("<p>Initiatieven kennen elkaar niet.</p>")),
                            ("contact_person", {"heading": "Contact", "person": person.pk}),
                        ]
                    ),
                }
            ),
        )
        page = ProgrammePage.objects.get(slug="knelpunten")
        self.assertEqual(
            [block.block_type for block in page.body], ["heading", "paragraph", "contact_person"]
        )


@pytest.mark.django_db
def test_factory_pages_render(client, home_page):
    programme = ProgrammePageFactory(parent=home_page, title="Oplossing")
    ProgrammePageFactory(parent=programme, title="Opschaling")
    home_response = client.get("/")
    assert home_response.status_code == 200
    assert "Oplossing" in home_response.text  # in the main menu
    response = client.get(programme.url)
    assert response.status_code == 200
    assert "<h1>Oplossing</h1>" in response.text
    assert "Opschaling" in response.text  # card of the child page


@pytest.mark.django_db
def test_demo_pages_render(client, demo_site):
    for page in Page.objects.live().filter(depth__gte=2).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.text


@pytest.mark.django_db
def test_demo_programme_page_shows_blocks(client, demo_site):
    response = client.get("/regionale-samenwerkingen/")
    text = response.text
    assert "Knelpunten" in text
    assert "<details" in text  # accordion
    assert "Sanne de Groot" in text  # contact block
    assert 'class="key-figures' in text
    assert 'aria-label="Kruimelpad"' in text


@pytest.mark.django_db
def test_unknown_url_gives_dutch_404(client, home_page):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text
    assert 'lang="nl"' in response.text


def test_500_page_is_dutch_and_self_contained():
    from django.template.loader import get_template

    html = get_template("500.html").render({})
    assert "Er ging iets mis" in html
    assert "{%" not in html
