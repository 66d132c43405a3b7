#!/usr/bin/env python3
"""`make loadtest`: the production settings under load on this machine, measured per page type.

Recreates the PostgreSQL database ``pps_loadtest`` (on the server scripts/ensure-postgres.sh
finds), migrates it, fills it with ``manage.py generate_load_data``, and serves it with
gunicorn (cms.settings.production, gunicorn.conf.py) on 127.0.0.1. Then, once without the
page cache (PAGE_CACHE_SECONDS=0) and once with it, every public page type is loaded with
wrk on loopback for a fixed time; without the page cache also one request at a time, for
the latency without queueing. The Markdown report goes to loadtest-results/<timestamp>.md
and to stdout; gunicorn's log lies beside it. Run with --help for the knobs.

Only loopback is ever a target; every wrk run is bounded by --duration (--latency-duration).
"""

import argparse
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path

from loadtest_results import markdown, page_types, parse_wrk, verdicts

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
LUA = ROOT / "scripts" / "loadtest.lua"
RESULTS = ROOT / "loadtest-results"
DATABASE = "pps_loadtest"
HOST = "127.0.0.1"
CACHED_SECONDS = "300"
# One worker setup when gunicorn.conf.py is missing: its defaults for 2 cores.
GUNICORN_FALLBACK_FLAGS = ["--workers", "5", "--threads", "2", "--worker-class", "gthread"]


def say(message):
    print(f"loadtest: {message}", file=sys.stderr, flush=True)


def fail(message):
    say(f"error: {message}")
    sys.exit(1)


def fetch(url, timeout=60):
    """(status, milliseconds to the last byte, headers) of one GET."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # nosec B310  # 127.0.0.1 only
            response.read()
            status, headers = response.status, response.headers
    except urllib.error.HTTPError as error:
        error.read()
        status, headers = error.code, error.headers
    return status, (time.perf_counter() - started) * 1000, headers


def manage(env, *args):
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True)


def database_server():
    """postgres://…/ of the server scripts/ensure-postgres.sh finds, without a database name."""
    result = subprocess.run(
        [str(ROOT / "scripts" / "ensure-postgres.sh")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        fail("no PostgreSQL (see above).")
    return result.stdout.strip().rsplit("/", 1)[0]


def recreate_database(server):
    for sql in (f"drop database if exists {DATABASE} with (force)", f"create database {DATABASE}"):
        subprocess.run(["psql", f"{server}/postgres", "-Atqc", sql], check=True)
    return f"{server}/{DATABASE}"


def flush_cache(redis_url):
    import redis  # django-redis's dependency, in the virtualenv that runs this script

    redis.Redis.from_url(redis_url).flushdb()


class Server:
    """gunicorn with the production settings; stopped (SIGTERM, then SIGKILL) on exit."""

    def __init__(self, env, port, log_path):
        self.base = f"http://{HOST}:{port}"
        self.env = dict(env, GUNICORN_BIND=f"{HOST}:{port}")
        self.log_path = log_path
        self.process = None

    def start(self):
        with socket.socket() as probe:
            if probe.connect_ex((HOST, int(self.env["GUNICORN_BIND"].rsplit(":", 1)[1]))) == 0:
                fail(f"something already listens on {self.base}: stop it or pass --port.")
        command = [str(GUNICORN), "cms.wsgi:application"]
        if (ROOT / "gunicorn.conf.py").exists():
            command += ["-c", "gunicorn.conf.py"]
        else:
            command += ["--bind", self.env["GUNICORN_BIND"], *GUNICORN_FALLBACK_FLAGS]
        self.log = open(self.log_path, "a")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT
        )

    def wait_until_healthy(self, timeout=120):
        """Wait for /healthz (or / where there is none yet); return the path that answered."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                fail(f"gunicorn stopped (exit {self.process.returncode}); see {self.log_path}.")
            for path in ("/healthz", "/"):
                try:
                    status, _ms, _headers = fetch(self.base + path, timeout=10)
                except OSError:
                    break  # not listening yet
                if status == 200:
                    return path
            time.sleep(1)
        fail(f"gunicorn did not answer within {timeout} s; see {self.log_path}.")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            self.log.close()


def run_wrk(url, options, connections=None, duration=None):
    """wrk's numbers for one URL: with the options' threads and connections, or one."""
    threads = 1 if connections == 1 else options.threads
    connections = connections or options.connections
    duration = duration or options.duration
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={duration}s",
        "--timeout=10s",
        "--header=Accept-Encoding: gzip",
        f"--script={LUA}",
        url,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60)
    if result.returncode != 0:
        fail(f"wrk failed on {url}: {result.stderr.strip()}")
    return parse_wrk(result.stdout)


def static_path(env):
    """The hashed URL of the site's stylesheet, as pages link it."""
    code = "from django.templatetags.static import static; print(static('css/site.css'))"
    result = subprocess.run(
        [str(PYTHON), "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def run_phase(name, server, pages, options, redis_url, one_connection=False):
    """Measure every page type; the GeoJSON once more as the first request after a flush.

    With ``one_connection`` each URL is first loaded one request at a time (the latency a
    visitor sees without queueing), then at the options' concurrency (throughput).
    """
    say(f"phase '{name}': starting gunicorn")
    server.start()
    try:
        health = server.wait_until_healthy()
        flush_cache(redis_url)
        status, cold_ms, _headers = fetch(server.base + "/netwerkkaart/kaart.geojson")
        if status != 200:
            fail(f"GeoJSON answered {status} after the cache flush.")
        rows = []
        for label, path in pages:
            url = server.base + path
            status, first_ms, headers = fetch(url)  # warm-up; in the cached phase it fills
            if status != 200:
                fail(f"{label} ({path}) answered {status}, not 200: fix the data or the URL.")
            say(f"  {label}: {path} (first request {first_ms:.0f} ms)")
            result = run_wrk(url, options)
            if one_connection:
                single = run_wrk(url, options, connections=1, duration=options.latency_duration)
                result.update(
                    rps_1c=single["rps"],
                    p50_1c_ms=single["p50_ms"],
                    p95_1c_ms=single["p95_ms"],
                    bad_status=result["bad_status"] + single["bad_status"],
                    socket_errors=result["socket_errors"] + single["socket_errors"],
                )
            result.update(
                label=label,
                path=path,
                first_ms=first_ms,
                cache=headers.get("X-Cache", ""),
                load=os.getloadavg()[0],
            )
            rows.append(result)
        return {"name": name, "rows": rows, "geojson_cold_ms": cold_ms, "health": health}
    finally:
        server.stop()


def profile(paths, env, repetitions=10):
    """Time paths in-process with Django's test client (no page cache), then cProfile one.

    Prints, per path, the median of ``repetitions`` requests (wall time; the CPU time of
    this process alone, which other load on the machine hardly changes; SQL queries and
    their time), and for the first path the functions with the most cumulative and own
    time. Runs in this process, on the database of the last load test.
    """
    import cProfile
    import pstats
    import statistics

    os.environ.update(env, PAGE_CACHE_SECONDS="0", ALLOWED_HOSTS="testserver")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.signals import request_started
    from django.db import connection
    from django.test import Client

    queries = []

    def count_query(execute, sql, params, many, context):
        begun = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append(time.perf_counter() - begun)

    def watch_connection(**kwargs):
        # A request may open a new connection; wrap whichever one it uses.
        if count_query not in connection.execute_wrappers:
            connection.execute_wrappers.append(count_query)

    request_started.connect(watch_connection)
    client = Client()
    for path in paths:
        if client.get(path).status_code != 200:
            fail(f"{path} does not answer 200 in the test client.")
        timings, cpu, counts, database_ms = [], [], [], []
        for _ in range(repetitions):
            queries.clear()
            begun, begun_cpu = time.perf_counter(), time.process_time()
            client.get(path)
            timings.append((time.perf_counter() - begun) * 1000)
            cpu.append((time.process_time() - begun_cpu) * 1000)
            counts.append(len(queries))
            database_ms.append(sum(queries) * 1000)
        print(
            f"{path}: median {statistics.median(timings):.1f} ms "
            f"(Django's own CPU {statistics.median(cpu):.1f} ms), "
            f"{statistics.median(counts):.0f} queries taking {statistics.median(database_ms):.1f} ms"
        )
    profiler = cProfile.Profile()
    profiler.runcall(client.get, paths[0])
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(int(os.environ.get("PROFILE_LINES", "30")))
    stats.sort_stats("tottime").print_stats(15)


def present_parts():
    """Which parts other work provides, for the report."""
    settings_text = (ROOT / "cms" / "settings" / "base.py").read_text(encoding="utf-8")
    urls_text = (ROOT / "cms" / "urls.py").read_text(encoding="utf-8")
    return {
        "gunicorn.conf.py": (ROOT / "gunicorn.conf.py").exists(),
        "page cache (PAGE_CACHE_SECONDS)": "PAGE_CACHE_SECONDS" in settings_text,
        "/healthz": "healthz" in urls_text,
    }


def arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--partnerships", type=int, default=5000)
    parser.add_argument("--news", type=int, default=2000)
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--duration", type=int, default=10, help="seconds per URL per phase")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument(
        "--latency-duration",
        type=int,
        default=5,
        help="seconds per URL of the one-connection run (uncached phase)",
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--port", type=int, default=8200)
    parser.add_argument(
        "--phases", default="uncached,cached", help="comma-separated: uncached, cached"
    )
    parser.add_argument(
        "--reuse-data", action="store_true", help=f"keep the {DATABASE} database of a former run"
    )
    parser.add_argument(
        "--profile",
        nargs="+",
        metavar="PATH",
        help=f"instead of a load test: time these paths in-process on {DATABASE} and "
        "cProfile the first (after a former run)",
    )
    options = parser.parse_args(argv)
    phases = options.phases.split(",")
    if not set(phases) <= {"uncached", "cached"} or not phases:
        parser.error("--phases takes uncached, cached or both, separated by a comma.")
    if not 1 <= options.duration <= 60:
        parser.error("--duration is 1 to 60 seconds.")
    if not 1 <= options.latency_duration <= 60:
        parser.error("--latency-duration is 1 to 60 seconds.")
    if not 1 <= options.threads <= options.connections <= 64:
        parser.error("use 1 ≤ --threads ≤ --connections ≤ 64.")
    return options, phases


def settings_environment(database_url, redis_url):
    """The environment of the production settings on this machine, over plain HTTP."""
    return dict(
        os.environ,
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=f"{HOST},localhost",
        SECURE_SSL_REDIRECT="false",
        REDIS_URL=redis_url,
        MEDIA_ROOT=str(ROOT / ".loadtest-media"),
        # Every request comes from one address: the search limit would answer 429.
        RATE_LIMIT_SEARCH_PER_MINUTE="1000000000",
    )


def main(argv=None):
    options, phase_names = arguments(argv)
    if not PYTHON.exists():
        fail("no virtualenv: run 'make loadtest' (it installs the requirements).")
    started = datetime.now().strftime("%Y-%m-%d-%H%M%S")
    RESULTS.mkdir(exist_ok=True)
    redis_url = os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/7")
    try:
        flush_cache(redis_url)
    except Exception as error:  # any connection problem: say what to do
        fail(
            f"Redis at {redis_url} does not answer ({error}): start Redis "
            "(apt-get install redis-server) or set LOADTEST_REDIS_URL to a free Redis database."
        )
    server = database_server()
    if options.profile:
        profile(options.profile, settings_environment(f"{server}/{DATABASE}", redis_url))
        return
    if options.reuse_data:
        database_url = f"{server}/{DATABASE}"
    else:
        say(f"recreating database {DATABASE}")
        database_url = recreate_database(server)
    env = settings_environment(database_url, redis_url)
    sizes = {
        "partnerships": options.partnerships,
        "news": options.news,
        "cases": options.cases,
        "events": options.events,
    }
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    generation_ms = None
    if not options.reuse_data:
        begun = time.monotonic()
        manage(
            env,
            "generate_load_data",
            *(f"--{name}={count}" for name, count in sizes.items()),
        )
        generation_ms = (time.monotonic() - begun) * 1000
        # Fresh planner statistics, as autovacuum would gather them soon after such a load;
        # without them PostgreSQL guesses row counts and picks worse plans.
        subprocess.run(["psql", database_url, "-Atqc", "vacuum analyze"], check=True)
    pages = page_types(sizes, static_path(env))
    phases = {}
    for name in phase_names:
        seconds = "0" if name == "uncached" else CACHED_SECONDS
        log_path = RESULTS / f"{started}-gunicorn-{name}.log"
        phase_env = dict(env, PAGE_CACHE_SECONDS=seconds)
        title = f"{name} (PAGE_CACHE_SECONDS={seconds})"
        server = Server(phase_env, options.port, log_path)
        phases[name] = run_phase(
            title, server, pages, options, redis_url, one_connection=name == "uncached"
        )
    facts = {
        "machine": f"{os.cpu_count()} cores, load average at the start "
        f"{' / '.join(f'{value:.1f}' for value in os.getloadavg())}",
        "data": ", ".join(f"{count} {name}" for name, count in sizes.items())
        + ", a profile per region (35)",
        "generation": f"{generation_ms / 1000:.0f} s" if generation_ms else "reused",
        "wrk": f"{options.threads} threads, {options.connections} connections, "
        f"{options.duration} s per URL per phase, Accept-Encoding: gzip; uncached also "
        f"1 connection for {options.latency_duration} s",
        "server": "gunicorn -c gunicorn.conf.py"
        if (ROOT / "gunicorn.conf.py").exists()
        else "gunicorn " + " ".join(GUNICORN_FALLBACK_FLAGS) + " (no gunicorn.conf.py)",
        "present": ", ".join(
            f"{part} {'yes' if ok else 'no'}" for part, ok in present_parts().items()
        ),
    }
    report = markdown(
        {"started": started, "facts": facts},
        list(phases.values()),
        verdicts(phases.get("uncached"), phases.get("cached")),
    )
    path = RESULTS / f"{started}.md"
    path.write_text(report, encoding="utf-8")
    print(report)
    say(f"report written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
