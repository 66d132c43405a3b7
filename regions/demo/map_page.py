"""The demo network map page (/netwerkkaart/) under the home page."""

from core.content import ensure_page
from home.models import HomePage
from regions.models import NetworkMapPage

INTRO = (
    "Overal in Nederland werken scholen, bedrijven en overheden samen aan goed onderwijs voor "
    "de regio. Zoek een samenwerking bij u in de buurt, op de kaart of in de lijst."
)


def load(stdout):
    if NetworkMapPage.objects.exists():
        return
    home = HomePage.objects.first()
    if home is None:
        stdout.write("Regional network: no home page, so no map page.")
        return
    ensure_page(
        home,
        NetworkMapPage,
        title="Netwerkkaart",
        slug="netwerkkaart",
        intro=INTRO,
        show_in_menus=True,
    )
    stdout.write("Regional network: network map page created.")
