"""Median wall time, CPU time, SQL queries and query time of GET requests, in this process.

Shared by scripts/loadtest.py (its profile of slow paths) and scripts/route_memo_timing.py.
Call ``time_requests`` after ``django.setup()``.
"""

import statistics
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    """Medians over the requests: milliseconds, and the number of queries."""

    wall_ms: float
    cpu_ms: float
    queries: float
    database_ms: float


def time_requests(client, path, repetitions):
    """The medians of ``repetitions`` GETs of ``path`` through a Django test ``client``."""
    from django.core.signals import request_started
    from django.db import connection

    durations = []  # of the current request's queries, in seconds

    def timed_query(execute, sql, params, many, context):
        begun = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            durations.append(time.perf_counter() - begun)

    def watch_connection(**kwargs):
        # A request may open a new connection; wrap whichever one it uses.
        if timed_query not in connection.execute_wrappers:
            connection.execute_wrappers.append(timed_query)

    request_started.connect(watch_connection)
    wall, cpu, counts, database = [], [], [], []
    try:
        for _ in range(repetitions):
            durations.clear()
            begun, begun_cpu = time.perf_counter(), time.process_time()
            client.get(path)
            wall.append((time.perf_counter() - begun) * 1000)
            cpu.append((time.process_time() - begun_cpu) * 1000)
            counts.append(len(durations))
            database.append(sum(durations) * 1000)
    finally:
        request_started.disconnect(watch_connection)
        if timed_query in connection.execute_wrappers:
            connection.execute_wrappers.remove(timed_query)
    return Timing(*(statistics.median(values) for values in (wall, cpu, counts, database)))
