"""The report side of `make loadtest` (scripts/loadtest_results.py), on recorded wrk output.

The load test itself is not part of `make test`; these check that wrk's output is read
correctly and that the targets are judged as documented.
"""

import importlib.util
from pathlib import Path

import pytest

from core.sitemaps import SITEMAP_FILE_LIMIT

ROOT = Path(__file__).resolve().parents[2]

# Recorded from wrk 4.1.0 with scripts/loadtest.lua against a file and a missing path.
WRK_OK = """\
Running 2s test @ http://127.0.0.1:8201/gunicorn-8200.log
  2 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.77ms    3.15ms  28.16ms   86.25%
    Req/Sec   598.88    119.87   848.00     70.00%
  2387 requests in 2.00s, 61.40MB read
Requests/sec:   1191.81
Transfer/sec:     30.66MB
LOADTEST requests=2387 seconds=2.003 rps=1191.81 bytes=64379777 p50_us=2638 p95_us=10517 \
p99_us=15363 max_us=28155 non_2xx_3xx=0 connect=0 read=0 write=0 timeout=0
"""
WRK_NOT_FOUND = """\
Running 1s test @ http://127.0.0.1:8201/missing
  1 threads and 1 connections
  979 requests in 1.00s, 497.33KB read
  Non-2xx or 3xx responses: 979
Requests/sec:    974.96
LOADTEST requests=979 seconds=1.004 rps=974.96 bytes=509265 p50_us=524 p95_us=5458 \
p99_us=9801 max_us=12275 non_2xx_3xx=979 connect=0 read=0 write=2 timeout=1
"""


@pytest.fixture(scope="module")
def loadtest():
    spec = importlib.util.spec_from_file_location(
        "loadtest_results", ROOT / "scripts" / "loadtest_results.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reads_throughput_and_percentiles(loadtest):
    result = loadtest.parse_wrk(WRK_OK)
    assert result == {
        "requests": 2387,
        "rps": 1191.81,
        "p50_ms": 2.638,
        "p95_ms": 10.517,
        "p99_ms": 15.363,
        "bad_status": 0,
        "socket_errors": 0,
    }


def test_counts_bad_statuses_and_socket_errors(loadtest):
    result = loadtest.parse_wrk(WRK_NOT_FOUND)
    assert result["bad_status"] == 979
    assert result["socket_errors"] == 3


def test_a_run_without_any_finished_request_is_an_error(loadtest):
    output = WRK_OK.replace("requests=2387", "requests=0")
    assert loadtest.parse_wrk(output)["socket_errors"] == 1


@pytest.mark.parametrize(
    "output",
    [
        "Running 2s test @ http://127.0.0.1:8200/\n",  # no Lua script
        "LOADTEST requests=10 seconds=1.0\n",  # cut short
        WRK_OK.replace("p50_us=2638", "p50_us=n/a"),
    ],
)
def test_missing_or_broken_summary_is_refused(loadtest, output):
    with pytest.raises(ValueError):
        loadtest.parse_wrk(output)


def row(label, rps, p50, bad=0):
    return {
        "label": label,
        "path": "/",
        "rps": rps,
        "p50_ms": p50,
        "p95_ms": p50 * 2,
        "p99_ms": p50 * 3,
        "bad_status": bad,
        "socket_errors": 0,
        "first_ms": p50,
        "cache": "",
        "load": 1.0,
    }


def one_connection(result, p50):
    return dict(result, rps_1c=1000 / p50, p50_1c_ms=p50, p95_1c_ms=p50 * 2)


def phases(geojson_cold_ms=90, map_p50=30, cached_map_rps=1200, bad=0, geojson_p50=40):
    uncached = {
        "name": "uncached",
        "geojson_cold_ms": geojson_cold_ms,
        "health": "/healthz",
        "rows": [
            one_connection(row("static file (baseline)", 2000, 1), 1),
            # At 4 connections p50 is queueing; the target is judged on one connection.
            one_connection(row("map", 60, 90, bad), map_p50),
            one_connection(row("CSV", 5, 400), 120),  # a data file: not held to 50 ms
            one_connection(row("GeoJSON", 20, 300), geojson_p50),
        ],
    }
    cached = {
        "name": "cached",
        "geojson_cold_ms": geojson_cold_ms,
        "health": "/healthz",
        "rows": [
            row("static file (baseline)", 2000, 1),
            row("map", cached_map_rps, 2),
            row("GeoJSON", 150, 30),  # a 3 MB data file: reported, not held to the pace
            row("search", 50, 40),  # never cached: not held to the static file's pace
        ],
    }
    return uncached, cached


def test_all_targets_met(loadtest):
    checks = loadtest.verdicts(*phases())
    assert [ok for _name, ok, _detail in checks] == [True, True, True, True]


def test_each_target_can_be_missed(loadtest):
    def missed(**kwargs):
        return [name for name, ok, _detail in loadtest.verdicts(*phases(**kwargs)) if not ok]

    assert missed(bad=3) == ["no errors"]
    assert missed(map_p50=51) == ["uncached p50 < 50 ms, every page type (1 connection)"]
    assert missed(geojson_cold_ms=151) == ["GeoJSON < 150 ms cold"]
    assert missed(geojson_p50=151) == ["GeoJSON < 150 ms cold"]
    assert missed(cached_map_rps=999) == ["cached pages ≥ half the static file's throughput"]


def test_markdown_report_has_a_row_per_page_type(loadtest):
    uncached, cached = phases(map_p50=51)
    report = loadtest.markdown(
        {"started": "2026-01-01-120000", "facts": {"machine": "2 cores"}},
        [uncached, cached],
        loadtest.verdicts(uncached, cached),
    )
    assert "# Load test 2026-01-01-120000" in report
    assert "- machine: 2 cores" in report
    assert "| map | `/` | 60.0 | 90.0 | 180.0 | 270.0 | 0 | 90 | 19.6 | 51.0 | 102.0 |" in report
    assert "| uncached p50 < 50 ms, every page type (1 connection) | MISSED | map 51 ms |" in report
    assert "data files GeoJSON 150/s" in report
    assert report.count("| static file (baseline) |") == 2


def test_side_by_side_pairs_each_page_type_with_the_baseline(loadtest):
    uncached, cached = phases(map_p50=20)
    base_uncached, base_cached = phases(map_p50=40, cached_map_rps=600)
    report = loadtest.side_by_side(
        "this checkout",
        "baseline 17c9baa",
        {"uncached": uncached, "cached": cached},
        {"uncached": base_uncached, "cached": base_cached},
    )
    assert "## Side by side: this checkout against baseline 17c9baa" in report
    # Uncached: throughput equal (ratio 1.00), one-connection p50 20 against 40 ms.
    assert "| map | 60.0 | 60.0 | 1.00 | 20.0 | 40.0 | 0 |" in report
    # Cached: 1,200 against 600 req/s is twice as fast.
    assert "| map | 1200.0 | 600.0 | 2.00 | 2.0 | 2.0 | 0 |" in report
    assert report.count("| static file (baseline) |") == 2


def test_side_by_side_refuses_rows_that_do_not_pair(loadtest):
    uncached, _cached = phases()
    other = dict(uncached, rows=list(reversed(uncached["rows"])))
    with pytest.raises(ValueError, match="rows differ"):
        loadtest.side_by_side("a", "b", {"uncached": uncached}, {"uncached": other})


@pytest.mark.parametrize("partnerships, page", [(12, 1), (250, 1), (5000, 10), (5001, 11)])
def test_the_sitemap_file_from_the_middle_of_the_write_ups(loadtest, partnerships, page):
    sizes = {"partnerships": partnerships, "news": 10, "cases": 10, "events": 10}
    paths = dict(loadtest.page_types(sizes, "/static/site.css"))
    assert paths["sitemap, write-ups"] == f"/sitemap-samenwerkingen.xml?p={page}"
    assert loadtest.SITEMAP_FILE_LIMIT == SITEMAP_FILE_LIMIT


@pytest.mark.parametrize(
    "argv",
    [
        ["--phases", "warm"],
        ["--duration", "0"],
        ["--duration", "600"],
        ["--threads", "8", "--connections", "4"],
        ["--latency-duration", "0"],
        ["--baseline"],
        ["--checkout", "/tmp"],
        ["--database", "pps_other"],
    ],
)
def test_bad_options_stop_with_a_message(argv, capsys, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    driver = importlib.import_module("loadtest")
    with pytest.raises(SystemExit) as stopped:
        driver.arguments(argv)
    assert stopped.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_a_baseline_that_is_no_commit_stops_with_a_message(capsys, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    driver = importlib.import_module("loadtest")
    with pytest.raises(SystemExit) as stopped:
        driver.baseline_checkout("no-such-revision-anywhere")
    assert stopped.value.code == 1
    assert "--baseline 'no-such-revision-anywhere' is not a commit" in capsys.readouterr().err
    assert not driver.BASELINE_ROOT.exists()
