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
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["PAGE_CACHE_SECONDS"] = "0"

import django  # noqa: E402

django.setup()

from django.core.signals import request_started  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from core import routing  # noqa: E402

if os.environ.get("MEMO") == "off":
    routing.memo_for = lambda generation: None

queries = []


def count(execute, sql, params, many, context):
    queries.append(sql)
    return execute(sql, params, many, context)


def watch(**kwargs):
    # A request may open a new connection; wrap whichever one it uses.
    if count not in connection.execute_wrappers:
        connection.execute_wrappers.append(count)


def main(repetitions, paths):
    request_started.connect(watch)
    client = Client()
    for path in paths:
        for _ in range(5):
            if client.get(path).status_code != 200:
                sys.exit(f"{path} does not answer 200.")
        wall, cpu, counts = [], [], []
        for _ in range(repetitions):
            queries.clear()
            begun, begun_cpu = time.perf_counter(), time.process_time()
            client.get(path)
            wall.append((time.perf_counter() - begun) * 1000)
            cpu.append((time.process_time() - begun_cpu) * 1000)
            counts.append(len(queries))
        print(
            f"{os.environ.get('MEMO', 'on'):3} {path:45} {statistics.median(wall):6.2f} ms  "
            f"cpu {statistics.median(cpu):6.2f} ms  {statistics.median(counts):.0f} queries"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2:])
