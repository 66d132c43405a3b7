"""The factories as the one way each model is made: what they store in one go, what
``.build()`` leaves unsaved, and that the demo, built on them, carries its own values."""

import pytest
from wagtail.models import Page, Site

from cases.models import CasePage, GoalPage
from core.models import Person
from home.factories import ContactPageFactory, HomePageFactory, ProgrammePageFactory
from home.models import ContactPage, ProgrammePage
from news.factories import NewsIndexPageFactory, NewsPageFactory, NewsPagePartnershipFactory
from news.models import NewsPage
from regions.factories import PartnerFactory, PartnershipFactory
from regions.models import Partnership, Region, Theme

pytestmark = pytest.mark.django_db

# What the demo shows in the main menu; every other page is reached from these.
DEMO_MENU = {
    "regionale-samenwerkingen",
    "over-het-programma",
    "netwerkkaart",
    "regios",
    "nieuws",
    "cases",
    "bijeenkomsten",
    "netwerk-in-beeld",  # in the menu below its programme page
}


def factory_defaults():
    """Texts only a factory's defaults write: the demo must give its own values instead."""
    return {
        "programme intro": ProgrammePage.objects.filter(
            intro="Over de samenwerking tussen onderwijs en bedrijfsleven."
        ),
        "page title": Page.objects.filter(title__regex=r"^(Pagina|Programmaonderdeel) \d+$"),
        "news intro": NewsPage.objects.filter(
            intro="Scholen en bedrijven werken samen in de regio."
        ),
        "case subtitle": CasePage.objects.filter(subtitle="Een ondernemer en een docent vertellen"),
        "goal parties": GoalPage.objects.filter(parties="Onderwijs, bedrijfsleven en overheid"),
        "contact subject": ContactPage.objects.filter(subject="Nieuwe vraag via de website"),
        "partnership background": Partnership.objects.filter(
            background="<p>Er is een tekort aan vakmensen in de regio.</p>"
        ),
        "person name": Person.objects.filter(name__regex=r"^Contactpersoon \d+$"),
    }


def test_demo_gives_its_own_values_and_keeps_its_menu(demo_site):
    assert {name: list(found) for name, found in factory_defaults().items() if found} == {}
    menu = set(Page.objects.live().in_menu().values_list("slug", flat=True))
    # The statements, the goals and the contact form stay out of the menu, whatever the
    # factories' defaults for show_in_menus.
    assert menu == DEMO_MENU
    assert ProgrammePage.objects.get(slug="cookieverklaring").show_in_menus is False
    # Positive control: what the factories make with their defaults is found.
    home = Site.objects.get(is_default_site=True).root_page
    NewsPageFactory(parent=NewsPage.objects.first().get_parent())
    PartnershipFactory()
    ProgrammePageFactory(parent=home)
    found = factory_defaults()
    for name in ("news intro", "partnership background", "programme intro", "page title"):
        assert found[name].exists(), name


def test_children_terms_and_tags_are_stored_with_the_page(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    theme = Theme.objects.order_by("pk").first()
    region = Region.objects.order_by("pk").first()
    partnership = PartnershipFactory(themes=[theme], region=region)
    page = NewsPageFactory(
        parent=index,
        themes=[theme],
        regions=[region],
        tags=["stage"],
        related_partnerships=[NewsPagePartnershipFactory.build(page=None, partnership=partnership)],
    )
    stored = NewsPage.objects.get(pk=page.pk)
    assert list(stored.themes.all()) == [theme] and list(stored.regions.all()) == [region]
    assert [tag.name for tag in stored.tags.all()] == ["stage"]
    assert [link.partnership for link in stored.related_partnerships.all()] == [partnership]
    assert list(Partnership.objects.get(pk=partnership.pk).themes.all()) == [theme]


def test_build_saves_nothing(home_page):
    region = Region.objects.order_by("pk").first()
    before = (Partnership.objects.count(), Page.objects.count())
    partnership = PartnershipFactory.build(region=region, slug="los")
    partner = PartnerFactory.build(partnership=partnership)
    page = NewsPageFactory.build()
    assert partnership.pk is None and partner.pk is None and page.pk is None
    assert (Partnership.objects.count(), Page.objects.count()) == before
    # The same objects do store when asked, as the load data's bulk_create does.
    Partnership.objects.bulk_create([partnership])
    assert Partnership.objects.filter(slug="los", region=region).exists()


def test_home_page_becomes_the_default_sites_root():
    home = HomePageFactory()
    site = Site.objects.get(is_default_site=True)
    assert (site.root_page_id, site.hostname, site.port) == (home.pk, "localhost", 80)
    other = HomePageFactory(
        default_site__hostname="demo.example.nl",
        default_site__port=8000,
        default_site__site_name="Demo",
    )
    site = Site.objects.get(is_default_site=True)
    assert (site.root_page_id, site.hostname, site.port) == (other.pk, "demo.example.nl", 8000)
    assert site.site_name == "Demo" and Site.objects.count() == 1


def test_contact_form_fields_may_carry_a_help_text(home_page):
    page = ContactPageFactory(
        parent=home_page,
        form_fields=[("Naam", "singleline", True), ("Vraag", "multiline", True, "Kort graag.")],
    )
    fields = list(page.form_fields.order_by("sort_order"))
    assert [(f.label, f.help_text) for f in fields] == [("Naam", ""), ("Vraag", "Kort graag.")]
