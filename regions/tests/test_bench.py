"""Timings of the network map with 5,000 partnerships (`make bench`; not part of `make test`).

Prints medians; asserts nothing about time, so a slow machine cannot fail the suite.
"""

import statistics
import time

import pytest

from .conftest import bulk_partnerships

pytestmark = pytest.mark.bench

PARTNERSHIPS = 5_000
REPETITIONS = 21
BUDGET_MS = {"geojson": 150}  # the target from the design, printed for comparison


def timings_ms(client, url):
    response = client.get(url)  # warm-up (and Wagtail's per-process caches)
    assert response.status_code == 200, url
    timings = []
    for _ in range(REPETITIONS):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), min(timings), len(response.content)


@pytest.mark.django_db
def test_network_map_timings(client, map_page):
    partnerships = bulk_partnerships(PARTNERSHIPS)
    urls = {
        "map page": "/netwerkkaart/",
        "map page, filtered": "/netwerkkaart/?provincie=overijssel&q=samen&page=2",
        "write-up": f"/netwerkkaart/{partnerships[2500].slug}/",
        "geojson": "/netwerkkaart/kaart.geojson",
        "geojson, filtered": "/netwerkkaart/kaart.geojson?sector=ict",
        "csv": "/netwerkkaart/export.csv",
    }
    print(f"\nNetwork map, {PARTNERSHIPS} partnerships, {REPETITIONS} runs (Django test client):")
    for name, url in urls.items():
        median, fastest, size = timings_ms(client, url)
        budget = f"  (budget {BUDGET_MS[name]} ms)" if name in BUDGET_MS else ""
        print(
            f"  {name:<20} median {median:6.1f} ms, fastest {fastest:6.1f} ms,"
            f" {size / 1024:7.1f} KiB{budget}"
        )
