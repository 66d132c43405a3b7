"""Timings of the network insight on the load-test data (`make bench`; not in `make test`).

5,000 partnerships from regions/loaddata.py (1–2 themes, 1–3 sectors each, as the load
test has them): the overlap report's one SQL query, the similar list under a write-up and
the upkeep report page. Prints medians next to the budgets from the issue; asserts only
that the pages answer.
"""

import io
import statistics
import time

import pytest
from django.db import connection
from django.urls import reverse

from home.factories import ProgrammePageFactory
from regions import insight
from regions.factories import NetworkMonitorPageFactory
from regions.loaddata import generate_partnerships
from regions.models import Partnership
from regions.similar import similar_partnerships

pytestmark = pytest.mark.bench

PARTNERSHIPS = 5_000
REPETITIONS = 11
BUDGET_MS = {"overlap query": 500, "similar list": 10, "monitor page": 50, "monitor csv": 150}


def median_ms(action):
    action()  # warm-up
    timings = []
    for _ in range(REPETITIONS):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), min(timings)


def report(name, median, fastest, extra=""):
    budget = f"  (budget {BUDGET_MS[name]} ms)" if name in BUDGET_MS else ""
    print(f"  {name:<22} median {median:6.1f} ms, fastest {fastest:6.1f} ms{budget}{extra}")


@pytest.mark.django_db
def test_insight_timings(client, django_user_model, map_page, home_page):
    generate_partnerships(PARTNERSHIPS, io.StringIO())
    if connection.vendor == "postgresql":
        # Production's autovacuum keeps the planner's statistics; a bulk load in a test
        # transaction has none until it is analysed.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    subject = (
        Partnership.objects.published()
        .select_related("region__province")
        .prefetch_related("themes", "sectors")
        .order_by("pk")[PARTNERSHIPS // 2]
    )
    print(f"\nNetwork insight, {PARTNERSHIPS} partnerships, {REPETITIONS} runs:")
    pairs = len(insight.possible_overlaps())
    report("overlap query", *median_ms(insight.possible_overlaps), f", {pairs} pairs")
    report("similar list", *median_ms(lambda: similar_partnerships(subject)))
    user = django_user_model.objects.create_superuser("bench", "b@example.nl", "geheim")
    client.force_login(user)
    url = reverse("regions_upkeep_report")
    assert client.get(url).status_code == 200
    report("upkeep report page", *median_ms(lambda: client.get(url)))
    writeup = f"/netwerkkaart/{subject.slug}/"
    assert client.get(writeup).status_code == 200
    report("write-up page", *median_ms(lambda: client.get(writeup)))
    client.logout()
    monitor = NetworkMonitorPageFactory(parent=ProgrammePageFactory(parent=home_page))
    for name, url in (
        # The map page is held to the same 50 ms: its time here says how loaded the machine is.
        ("map page (reference)", "/netwerkkaart/"),
        ("monitor page", monitor.url),
        ("monitor page, filtered", f"{monitor.url}?provincie=noord-holland&soort=civ"),
        ("monitor csv", f"{monitor.url}cijfers.csv"),
    ):
        assert client.get(url).status_code == 200, url
        report(name, *median_ms(lambda url=url: client.get(url)))
