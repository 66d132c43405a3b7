"""The demo network map page (/netwerkkaart/) under the home page."""

from core.content import ensure_page
from regions.factories import NetworkMapPageFactory
from regions.models import NetworkMapPage

INTRO = (
    "Overal in Nederland werken scholen, bedrijven en overheden samen aan goed onderwijs voor "
    "de regio. Zoek een samenwerking bij u in de buurt, op de kaart of in de lijst."
)


def load(stdout, home):
    if NetworkMapPage.objects.exists():
        return
    ensure_page(
        home,
        NetworkMapPageFactory,
        title="Netwerkkaart",
        slug="netwerkkaart",
        intro=INTRO,
        show_in_menus=True,
    )
    stdout.write("Regional network: network map page created.")
