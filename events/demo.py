"""Demo meetings: the agenda at /bijeenkomsten/ and three regional meetings (demo_data.py).

One upcoming meeting with seats left, one full with a waiting list, one past with a report
and a download. Creates only what is missing; pages are published through a revision, as
an editor would, and the registrations come from the factory.
"""

import datetime
import json

from django.core.files.base import ContentFile
from wagtail.models import Page

from core.content import ensure_page
from core.demo import make_picture, paragraph
from core.factories import AccessibleDocumentFactory
from core.models import AccessibleDocument, Person
from events.demo_data import INDEX_PAGE, MEETINGS
from events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    EventPageGoalFactory,
    EventPagePartnershipFactory,
    RegistrationFactory,
    in_days,
)
from events.models import Registration
from events.models.relations import GOAL_PAGE_TYPES
from regions.demo.profiles import demo_pdf
from regions.models import Partnership, Region, Theme

REPORT_DOCUMENT = "Presentaties regiobijeenkomst Flevoland (demo)"


def programme(items):
    return [
        {"type": "item", "value": {"start": start, "end": end, "title": title, "description": ""}}
        for start, end, title in items
    ]


def report(texts):
    """The report: the paragraphs and the presentations as a download (not accessible, so
    the downloads notice shows)."""
    document = AccessibleDocument.objects.filter(title=REPORT_DOCUMENT).first()
    if document is None:
        document = AccessibleDocumentFactory(
            title=REPORT_DOCUMENT,
            file=ContentFile(
                demo_pdf(["Presentaties", "Regiobijeenkomst Flevoland"]),
                name="presentaties-flevoland.pdf",
            ),
            description="De presentaties van de middag in één pdf.",
            is_accessible=False,
        )
    downloads = {
        "type": "downloads",
        "value": {"heading": "Presentaties", "documents": [document.pk]},
    }
    return [paragraph(*texts), downloads]


def registrations(event, confirmed, waiting):
    for number in range(confirmed):
        RegistrationFactory(
            event=event,
            state=Registration.State.CONFIRMED,
            email=f"deelnemer{number + 1}.{event.slug}@example.nl",
        )
    for number in range(waiting):
        RegistrationFactory(
            event=event,
            state=Registration.State.WAITING,
            email=f"wachtlijst{number + 1}.{event.slug}@example.nl",
        )


def load(stdout, home):
    """``home``: the page the agenda goes under (``home.demo.load_demo_content``)."""
    index = ensure_page(home, EventIndexPageFactory, publish=True, **INDEX_PAGE)
    existing = set(index.get_children().values_list("slug", flat=True))
    speaker = Person.objects.filter(name="Sanne de Groot").first()
    goal = (
        Page.objects.type(*GOAL_PAGE_TYPES).filter(slug="samenwerkingen-in-de-spotlight").first()
        if GOAL_PAGE_TYPES
        else None
    )
    created = 0
    for number, data in enumerate(MEETINGS):
        if data["slug"] in existing:
            continue
        start = in_days(data["days"], data["hour"])
        page = EventPageFactory(
            parent=index,
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            start=start,
            end=start + datetime.timedelta(hours=data["hours"]),
            venue_name=data["venue"],
            venue_address=data["address"],
            region=Region.objects.filter(slug=data["region"]).first(),
            online_url=data["online"],
            audience=data["audience"],
            capacity=data["capacity"],
            registration_closes=start - datetime.timedelta(days=2),
            programme=json.dumps(programme(data["programme"])),
            report=json.dumps(report(data["report"])) if "report" in data else "[]",
            listing_image=make_picture(f"Bijeenkomst: {data['title']}", f"event-{number}"),
            themes=list(Theme.objects.filter(slug__in=data["themes"])),
            speakers=[speaker] if speaker else [],
            related_partnerships=[
                EventPagePartnershipFactory.build(page=None, partnership=partnership)
                for partnership in Partnership.objects.filter(slug__in=data["partnerships"])
            ],
            goal_links=[EventPageGoalFactory.build(page=None, goal=goal)] if goal else [],
        )
        page.save_revision().publish()
        registrations(page, *data["registrations"])
        created += 1
    stdout.write(f"Events: {created} demo meetings created.")
