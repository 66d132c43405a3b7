"""Load-test data of the events section, called by `manage.py generate_load_data`.

Meetings are pages (multi-table inheritance, so no ``bulk_create``): they are added one by
one under the agenda, live, half of them ahead and half behind, in the generated regions
with a theme and a picture, so that the agenda, its archive and its filters have work.
No registrations: they are personal data and no public page shows them.
"""

import datetime
import random

from django.utils import timezone

from core.content import ensure_page
from core.loaddata import pictures
from events.demo_data import INDEX_PAGE
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventPage
from regions.models import Region, Theme

SLUG_PREFIX = "load-bijeenkomst-"


def generate(sizes, stdout, home):
    """``home``: the page the agenda goes under (``home.loaddata``)."""
    target = sizes["events"]
    index = ensure_page(home, EventIndexPageFactory, **INDEX_PAGE)
    existing = EventPage.objects.filter(slug__startswith=SLUG_PREFIX).count()
    rng = random.Random(existing)
    themes = list(Theme.objects.order_by("pk"))
    regions = list(Region.objects.order_by("pk"))
    images = pictures()
    today = timezone.localdate()
    for number in range(existing + 1, target + 1):
        # Alternately ahead and behind, spread over two years each way.
        offset = (number // 2) % 730 + 1
        day = today + datetime.timedelta(days=offset if number % 2 else -offset)
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(14)))
        EventPageFactory(
            parent=index,
            title=f"Regiobijeenkomst {number:05d} over samen opleiden",
            slug=f"{SLUG_PREFIX}{number:05d}",
            intro="Ondernemers, scholen en overheden uit de regio maken afspraken.",
            start=start,
            end=start + datetime.timedelta(hours=3),
            venue_name="Regionaal opleidingscentrum",
            venue_address="Schoolstraat 1, 1234 AB Regiostad",
            region=regions[number % len(regions)],
            capacity=50,
            listing_image=images[number % len(images)],
            live=True,
            first_published_at=timezone.now(),
            last_published_at=timezone.now(),
            themes=rng.sample(themes, 1),
        )
    stdout.write(f"Events: {max(target - existing, 0)} meetings generated ({target} in total).")
