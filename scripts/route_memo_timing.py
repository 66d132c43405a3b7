#!/usr/bin/env python3
"""Median time and SQL queries per path, in-process, with the route memo on or off.

Run from a checkout with the environment of the settings to measure (e.g. those of
scripts/loadtest.py's ``settings_environment``) and a database with pages:

    MEMO=on  .venv/bin/python scripts/route_memo_timing.py 60 /over-het-programma/doelen/
    MEMO=off .venv/bin/python scripts/route_memo_timing.py 60 /over-het-programma/doelen/

The page cache is switched off so every request reaches Wagtail; ``MEMO=off`` makes
``core.routing.memo_for`` answer None. Prints, per path, the median wall and CPU time of N
requests after 5 warm-ups, and the median number of queries (docs/performance.md).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["PAGE_CACHE_SECONDS"] = "0"

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402
from request_timing import time_requests  # noqa: E402

from core import routing  # noqa: E402

if os.environ.get("MEMO") == "off":
    routing.memo_for = lambda generation: None


def main(repetitions, paths):
    client = Client()
    for path in paths:
        for _ in range(5):
            if client.get(path).status_code != 200:
                sys.exit(f"{path} does not answer 200.")
        timing = time_requests(client, path, repetitions)
        print(
            f"{os.environ.get('MEMO', 'on'):3} {path:45} {timing.wall_ms:6.2f} ms  "
            f"cpu {timing.cpu_ms:6.2f} ms  {timing.queries:.0f} queries"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2:])
