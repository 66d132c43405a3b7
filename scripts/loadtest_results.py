"""The pure parts of `make loadtest`: what is loaded, how wrk's output is read, the verdict.

scripts/loadtest.py drives the servers and wrk; this module has no side effects, so the
tests (home/tests/test_loadtest_report.py) import it on its own.
"""

import re

# Targets (issue 7), checked in the report.
UNCACHED_P50_MS = 50
GEOJSON_COLD_MS = 150
CACHED_SHARE_OF_STATIC = 0.5

LINE = re.compile(r"^LOADTEST (.*)$", re.MULTILINE)


def parse_wrk(output):
    """The numbers of scripts/loadtest.lua's summary line in wrk's output (ms, per second).

    Errors are responses with a status above 399 plus socket errors (connect, read,
    write, timeout); a run in which no request finished counts as one error, since its
    percentiles mean nothing. Raises ValueError when the line is missing or incomplete.
    """
    match = LINE.search(output)
    if not match:
        raise ValueError("wrk printed no LOADTEST line (did it run scripts/loadtest.lua?)")
    fields = dict(item.split("=", 1) for item in match.group(1).split())
    try:
        return {
            "requests": int(fields["requests"]),
            "rps": float(fields["rps"]),
            "p50_ms": int(fields["p50_us"]) / 1000,
            "p95_ms": int(fields["p95_us"]) / 1000,
            "p99_ms": int(fields["p99_us"]) / 1000,
            "bad_status": int(fields["non_2xx_3xx"]),
            "socket_errors": sum(
                int(fields[name]) for name in ("connect", "read", "write", "timeout")
            )
            + (int(fields["requests"]) == 0),
        }
    except (KeyError, ValueError) as error:
        raise ValueError(f"incomplete LOADTEST line: {match.group(0)!r}") from error


def page_types(sizes, static_path):
    """(name, path) of every public page type; items from the middle of the generated data."""

    def middle(count):
        return max(count // 2, 1)

    return [
        ("static file (baseline)", static_path),
        ("home", "/"),
        ("programme page", "/over-het-programma/"),
        ("goal page", "/over-het-programma/doelen/samenwerkingen-in-de-spotlight/"),
        ("map", "/netwerkkaart/"),
        ("map, filtered", "/netwerkkaart/?provincie=overijssel&q=samen&page=2"),
        ("write-up", f"/netwerkkaart/load-{middle(sizes['partnerships']):05d}/"),
        ("GeoJSON", "/netwerkkaart/kaart.geojson"),
        ("GeoJSON, filtered", "/netwerkkaart/kaart.geojson?sector=ict"),
        ("CSV", "/netwerkkaart/export.csv"),
        ("region index", "/regios/"),
        ("region profile", "/regios/twente/"),
        ("news index", "/nieuws/"),
        ("news index, filtered", "/nieuws/?thema=innovatie&jaar=2024"),
        ("news item", f"/nieuws/load-nieuws-{middle(sizes['news']):05d}/"),
        ("RSS feed", "/nieuws/feed/"),
        ("case index", "/cases/"),
        ("case", f"/cases/load-case-{middle(sizes['cases']):05d}/"),
        ("search", "/zoeken/?q=samenwerking"),
        ("sitemap.xml", "/sitemap.xml"),
    ]


def verdicts(uncached, cached):
    """(target, met?, detail) for each target of issue 7."""
    results = []
    phases = [phase for phase in (uncached, cached) if phase]
    errors = [
        f"{row['label']} ({phase['name']})"
        for phase in phases
        for row in phase["rows"]
        if row["bad_status"] or row["socket_errors"]
    ]
    results.append(("no errors", not errors, ", ".join(errors) or "none"))
    if uncached:
        slow = [
            f"{row['label']} {row['p50_ms']:.0f} ms"
            for row in uncached["rows"]
            if row["p50_ms"] >= UNCACHED_P50_MS
        ]
        results.append(
            (f"uncached p50 < {UNCACHED_P50_MS} ms", not slow, "; ".join(slow) or "all pages")
        )
        geojson = next(row for row in uncached["rows"] if row["label"] == "GeoJSON")
        cold = max(uncached["geojson_cold_ms"], geojson["p50_ms"])
        results.append(
            (
                f"GeoJSON < {GEOJSON_COLD_MS} ms cold",
                cold < GEOJSON_COLD_MS,
                f"first request after a cache flush {uncached['geojson_cold_ms']:.0f} ms, "
                f"uncached p50 {geojson['p50_ms']:.0f} ms",
            )
        )
    if cached:
        static = cached["rows"][0]["rps"]
        floor = static * CACHED_SHARE_OF_STATIC
        behind = [
            f"{row['label']} {row['rps']:.0f}/s"
            for row in cached["rows"][1:]
            if row["rps"] < floor and row["label"] != "search"
        ]
        results.append(
            (
                "cached pages ≥ half the static file's throughput",
                not behind,
                f"static {static:.0f}/s, half {floor:.0f}/s; below: {'; '.join(behind) or 'none'}"
                " (search is never cached)",
            )
        )
    return results


def markdown(context, phases, checks):
    lines = [f"# Load test {context['started']}", ""]
    lines += [f"- {key}: {value}" for key, value in context["facts"].items()]
    for phase in phases:
        lines += [
            "",
            f"## {phase['name']}",
            "",
            f"GeoJSON, first request after a cache flush: {phase['geojson_cold_ms']:.0f} ms. "
            f"Server ready check: `{phase['health']}`.",
            "",
            "| page type | URL | req/s | p50 ms | p95 ms | p99 ms | errors | first ms | "
            "X-Cache | load |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
        ]
        for row in phase["rows"]:
            errors = row["bad_status"] + row["socket_errors"]
            lines.append(
                f"| {row['label']} | `{row['path']}` | {row['rps']:.1f} | {row['p50_ms']:.1f} "
                f"| {row['p95_ms']:.1f} | {row['p99_ms']:.1f} | {errors} | "
                f"{row['first_ms']:.0f} | {row['cache'] or '–'} | {row['load']:.1f} |"
            )
    lines += ["", "## Targets", "", "| target | met | detail |", "| --- | --- | --- |"]
    lines += [f"| {name} | {'met' if ok else 'MISSED'} | {detail} |" for name, ok, detail in checks]
    lines += [
        "",
        "errors: responses above 399 plus socket errors; first ms: the warm-up request; "
        "load: the 1-minute load average after the run (2 cores).",
    ]
    return "\n".join(lines) + "\n"
