"""Load-test data of the news section, called by `manage.py generate_load_data`.

News items are pages (multi-table inheritance, so no ``bulk_create``): their factory adds
them one by one under the news index, live, with themes, regions, a tag, a picture and links to
generated partnerships. Dates are spread over three years so the year filter has work.
"""

import datetime

from django.utils import timezone

from core.loaddata import paragraphs, pictures, section_pages
from core.models import Person
from news.demo_data import INDEX_PAGE
from news.factories import NewsIndexPageFactory, NewsPageFactory, NewsPagePartnershipFactory
from regions.loaddata import generated_partnerships
from regions.models import Region, Theme

SLUG_PREFIX = "load-nieuws-"
FIRST_DAY = datetime.date(2023, 1, 1)
TAGS = ["regionale samenwerking", "omscholing", "stage", "techniek", "ict"]


def generate(sizes, stdout, home):
    """``home``: the page the news index goes under (``home.loaddata``)."""
    target = sizes["news"]
    index, existing, rng = section_pages(home, NewsIndexPageFactory, INDEX_PAGE, SLUG_PREFIX)
    themes = list(Theme.objects.order_by("pk"))
    regions = list(Region.objects.order_by("pk"))
    partnerships = generated_partnerships()
    images = pictures()
    author = Person.objects.order_by("pk").first()
    for number in range(existing + 1, target + 1):
        day = FIRST_DAY + datetime.timedelta(days=number % 1100)
        published = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
        NewsPageFactory(
            parent=index,
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
            themes=rng.sample(themes, rng.randint(1, 2)),
            regions=rng.sample(regions, rng.randint(1, 2)),
            tags=[rng.choice(TAGS)],
            related_partnerships=[
                NewsPagePartnershipFactory.build(page=None, partnership=partnership)
                for partnership in rng.sample(partnerships, min(2, len(partnerships)))
            ],
        )
    stdout.write(f"News: {max(target - existing, 0)} items generated ({target} in total).")
