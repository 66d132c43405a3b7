"""Similar partnerships under a write-up: the ranking on a small hand-made set, privacy, cost."""

import pytest

from regions.factories import ConversationFactory, PartnershipFactory
from regions.models import Partnership, Region, Sector, Theme
from regions.similar import NEARBY_KM, describe, similar_partnerships

from .conftest import bulk_partnerships, count_queries


def terms(model, *slugs):
    return [model.objects.get(slug=slug) for slug in slugs]


@pytest.fixture
def network(map_page):
    """Twente (Enschede) with Achterhoek about 45 km away and Groot Amsterdam far off."""
    twente = Region.objects.get(slug="twente")
    achterhoek = Region.objects.get(slug="achterhoek")
    amsterdam = Region.objects.get(slug="groot-amsterdam")
    themes = terms(Theme, "innovatie", "leven-lang-ontwikkelen-en-omscholing")
    ict, zorg = terms(Sector, "ict", "zorg-en-welzijn")

    def make(name, region, themes=(), sectors=(), **fields):
        return PartnershipFactory(
            name=name,
            slug=name.lower().replace(" ", "-"),
            region=region,
            themes=list(themes),
            sectors=list(sectors),
            **fields,
        )

    subject = make("Onderwerp", twente, themes, [ict])
    make("Zelfde regio een thema", twente, themes[:1])
    make("Zelfde regio alles", twente, themes, [ict])
    make("Buurregio alles", achterhoek, themes, [ict])
    make("Buurregio sector", achterhoek, (), [ict])
    make("Ver weg alles", amsterdam, themes, [ict])
    make("Zelfde regio niets gedeeld", twente, (), [zorg])
    make("Concept alles", twente, themes, [ict], live=False)
    make("Zelfde regio sector", twente, (), [ict])
    make("Buurregio thema", achterhoek, themes[1:], [])
    return subject


@pytest.mark.django_db
def test_ranking_on_a_hand_made_set(network):
    similar = similar_partnerships(network)
    assert [item.name for item in similar] == [
        # Same region first, the most shared terms first, then by name.
        "Zelfde regio alles",
        "Zelfde regio een thema",
        "Zelfde regio sector",
        # Then the nearby region, again by shared terms.
        "Buurregio alles",
        "Buurregio sector",  # 1 shared term, as "Buurregio thema": by name
    ]
    assert similar[0].reason == (
        "zelfde regio · 2 gedeelde thema’s: Innovatie, Leven lang ontwikkelen en omscholing"
        " · 1 gedeelde sector: ICT"
    )
    assert similar[3].reason.startswith("regio in de buurt (Achterhoek) · 2 gedeelde thema’s")
    assert similar[4].reason == "regio in de buurt (Achterhoek) · 1 gedeelde sector: ICT"


@pytest.mark.django_db
def test_far_regions_unshared_terms_and_drafts_never_appear(network):
    names = [item.name for item in similar_partnerships(network, count=50)]
    assert "Buurregio thema" in names  # the positive control for the cut-off at five
    assert "Ver weg alles" not in names  # Amsterdam is more than NEARBY_KM away
    assert "Zelfde regio niets gedeeld" not in names
    assert "Concept alles" not in names
    assert "Onderwerp" not in names
    assert NEARBY_KM == 60


@pytest.mark.django_db
def test_nothing_to_compare(map_page):
    lonely = PartnershipFactory()
    assert similar_partnerships(lonely) == []  # no themes, no sectors
    assert similar_partnerships(PartnershipFactory.build()) == []  # unsaved preview


def test_reason_in_words():
    assert describe(False, "Zwolle", ["Innovatie"], []) == (
        "regio in de buurt (Zwolle) · 1 gedeeld thema: Innovatie"
    )
    assert describe(True, "Twente", [], ["ICT", "Zorg"]) == (
        "zelfde regio · 2 gedeelde sectoren: ICT, Zorg"
    )


@pytest.mark.django_db
def test_write_up_lists_them_with_links_and_keeps_private_out(client, network):
    draft = PartnershipFactory(
        name="Concept-vergelijkbaar-8841",
        slug="concept-8841",
        region=network.region,
        themes=list(network.themes.all()),
        live=False,
    )
    ConversationFactory(partnership=network, summary="Intern-gesprek-8842")
    text = client.get("/netwerkkaart/onderwerp/").text
    assert '<h2 id="vergelijkbaar-heading">Vergelijkbare samenwerkingen</h2>' in text
    assert '<a href="/netwerkkaart/zelfde-regio-alles/">Zelfde regio alles</a>' in text
    assert "zelfde regio · 2 gedeelde thema’s" in text
    assert draft.name not in text and "Intern-gesprek-8842" not in text
    # The draft, published, does appear: the test above can see it.
    draft.live = True
    draft.save()
    assert draft.name in client.get("/netwerkkaart/onderwerp/").text


@pytest.mark.django_db
@pytest.mark.parametrize(("same_region", "extra"), [(5, 1), (2, 2)])
def test_adds_at_most_two_queries_flat(client, map_page, same_region, extra):
    """One query when the own region has five similar ones, two when nearby regions must
    fill up the list; the same with a thousand more partnerships that share nothing."""
    plain = PartnershipFactory(slug="zonder-termen")
    url_plain = f"/netwerkkaart/{plain.slug}/"
    client.get(url_plain)
    without = count_queries(client, url_plain)
    innovatie, ict = terms(Theme, "innovatie")[0], terms(Sector, "ict")[0]
    subject = PartnershipFactory(slug="met-termen", themes=[innovatie], sectors=[ict])
    PartnershipFactory.create_batch(
        same_region, region=subject.region, themes=[innovatie], sectors=[ict]
    )
    url = f"/netwerkkaart/{subject.slug}/"
    client.get(url)
    few = count_queries(client, url)
    bulk_partnerships(1000)
    Partnership.themes.through.objects.filter(
        theme=innovatie, partnership__slug__startswith="bulk"
    ).delete()
    Partnership.sectors.through.objects.filter(
        sector=ict, partnership__slug__startswith="bulk"
    ).delete()
    many = count_queries(client, url)
    assert few == many == without + extra
    assert client.get(url).text.count('class="similar-list__item"') == same_region


@pytest.mark.django_db
def test_one_query_when_the_same_region_has_enough(map_page, django_assert_num_queries):
    shared = {"themes": terms(Theme, "innovatie"), "sectors": terms(Sector, "ict")}
    subject = PartnershipFactory(**shared)
    PartnershipFactory.create_batch(5, region=subject.region, **shared)
    subject = type(subject).objects.prefetch_related("themes", "sectors").get(pk=subject.pk)
    with django_assert_num_queries(2):  # the region with its centre, then the ranking
        assert len(similar_partnerships(subject)) == 5
    with django_assert_num_queries(1):  # the region is loaded now
        similar_partnerships(subject)
