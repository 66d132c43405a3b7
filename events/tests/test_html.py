"""The events pages are valid HTML according to the W3C Nu checker."""

from urllib.parse import urlencode

import pytest

from events import registration as steps
from events.models import EventPage


@pytest.mark.django_db
def test_events_pages_are_valid_html(client, demo_site, assert_valid_html):
    full = EventPage.objects.get(slug="regiobijeenkomst-rijnmond-ict-talent-in-de-haven")
    past = EventPage.objects.get(slug="regiobijeenkomst-flevoland-data-en-omscholing")
    open_one = EventPage.objects.get(slug="regiobijeenkomst-twente-ondernemers-aan-zet")
    registration = full.registrations.first()
    confirm = f"{full.url}bevestigen/?{urlencode({'code': steps.make_token(registration, steps.CONFIRM_SALT)})}"
    documents = {
        "agenda": client.get("/bijeenkomsten/").text,
        "agenda-gefilterd": client.get("/bijeenkomsten/?regio=twente&maand=1999-01").text,
        "archief": client.get("/bijeenkomsten/archief/").text,
        "bijeenkomst-vol": client.get(full.url).text,
        "bijeenkomst-verslag": client.get(past.url).text,
        "bijeenkomst-fout": client.post(open_one.url, {"name": "", "email": "x"}).text,
        "bevestigen": client.get(confirm).text,
        "link-ongeldig": client.get(f"{full.url}afmelden/?code=onzin").text,
    }
    assert_valid_html(documents)
