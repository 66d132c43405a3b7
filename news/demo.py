"""Demo news: the news index at /nieuws/ and twelve items (see demo_data.py).

Creates only what is missing; items are published through a revision, as an editor would.
"""

import datetime
import json

from core.content import ensure_page
from core.demo import make_picture, paragraph
from core.models import Person
from news.demo_data import INDEX_PAGE, NEWS
from news.factories import NewsIndexPageFactory, NewsPageFactory, NewsPagePartnershipFactory
from regions.models import Partnership, Region, Theme


def load(stdout, home):
    """``home``: the page the news index goes under (``home.demo.load_demo_content``)."""
    index = ensure_page(home, NewsIndexPageFactory, publish=True, **INDEX_PAGE)
    existing = set(index.get_children().values_list("slug", flat=True))
    author = Person.objects.filter(name="Sanne de Groot").first()
    created = 0
    for number, item in enumerate(NEWS):
        slug, day, title, intro, paragraphs, themes, regions, partnerships = item
        if slug in existing:
            continue
        page = NewsPageFactory(
            parent=index,
            title=title,
            slug=slug,
            date=datetime.date.fromisoformat(day),
            intro=intro,
            main_image=make_picture(f"Nieuws: {title}", f"news-{number}"),
            body=json.dumps([paragraph(*paragraphs)]),
            author=author,
            themes=Theme.objects.filter(slug__in=themes),
            regions=Region.objects.filter(slug__in=regions),
            tags=["regionale samenwerking"],
            related_partnerships=[
                NewsPagePartnershipFactory.build(page=None, partnership=partnership)
                for partnership in Partnership.objects.filter(slug__in=partnerships)
            ],
        )
        page.save_revision().publish()
        created += 1
    stdout.write(f"News: {created} demo items created.")
