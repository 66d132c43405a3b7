"""Load-test data of the news section, called by `manage.py generate_load_data`.

News items are pages (multi-table inheritance, so no ``bulk_create``): they are added one
by one under the news index, live, with themes, regions, a tag, a picture and links to
generated partnerships. Dates are spread over three years so the year filter has work.
"""

import datetime
import random

from django.utils import timezone

from core.content import ensure_page
from core.loaddata import paragraphs, pictures
from core.models import Person
from news.demo_data import INDEX_PAGE
from news.models import NewsIndexPage, NewsPage, NewsPagePartnership
from regions.loaddata import SLUG_PREFIX as PARTNERSHIP_PREFIX
from regions.models import Partnership, Region, Theme

SLUG_PREFIX = "load-nieuws-"
FIRST_DAY = datetime.date(2023, 1, 1)
TAGS = ["regionale samenwerking", "omscholing", "stage", "techniek", "ict"]


def generate(sizes, stdout, home):
    """``home``: the page the news index goes under (``home.loaddata``)."""
    target = sizes["news"]
    index = ensure_page(home, NewsIndexPage, **INDEX_PAGE)
    existing = NewsPage.objects.filter(slug__startswith=SLUG_PREFIX).count()
    rng = random.Random(existing)
    themes = list(Theme.objects.order_by("pk"))
    regions = list(Region.objects.order_by("pk"))
    partnership_ids = list(
        Partnership.objects.filter(slug__startswith=PARTNERSHIP_PREFIX).values_list("pk", flat=True)
    )
    images = pictures()
    author = Person.objects.order_by("pk").first()
    for number in range(existing + 1, target + 1):
        day = FIRST_DAY + datetime.timedelta(days=number % 1100)
        published = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
        page = NewsPage(
            title=f"Nieuwsbericht {number:05d} over samenwerking in de regio",
            slug=f"{SLUG_PREFIX}{number:05d}",
            date=day,
            intro="Scholen en bedrijven in de regio maken nieuwe afspraken over opleiden.",
            body=paragraphs(number),
            main_image=images[number % len(images)],
            author=author,
            live=True,
            first_published_at=published,
            last_published_at=published,
        )
        page.themes.set(rng.sample(themes, rng.randint(1, 2)))
        page.regions.set(rng.sample(regions, rng.randint(1, 2)))
        page.tags.add(rng.choice(TAGS))
        page.related_partnerships = [
            NewsPagePartnership(partnership_id=pk)
            for pk in rng.sample(partnership_ids, min(2, len(partnership_ids)))
        ]
        index.add_child(instance=page)
    stdout.write(f"News: {max(target - existing, 0)} items generated ({target} in total).")
