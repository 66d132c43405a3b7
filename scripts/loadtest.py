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

from loadtest_results import markdown, page_types, parse_wrk, side_by_side, verdicts

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
LUA = ROOT / "scripts" / "loadtest.lua"
RESULTS = ROOT / "loadtest-results"
DATABASE = "pps_loadtest"
BASELINE_ROOT = ROOT / ".loadtest-baseline"
BASELINE_DATABASE = "pps_loadtest_baseline"
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


def manage(env, *args, root=ROOT):
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=root, env=env, check=True)


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


def recreate_database(server, name=DATABASE):
    for sql in (f"drop database if exists {name} with (force)", f"create database {name}"):
        subprocess.run(["psql", f"{server}/postgres", "-Atqc", sql], check=True)
    return f"{server}/{name}"


def baseline_checkout(revision):
    """A detached worktree of ``revision`` in .loadtest-baseline/, made afresh."""
    commit = subprocess.run(
        ["git", "rev-parse", "--verify", f"{revision}^{{commit}}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if commit.returncode != 0:
        fail(f"--baseline {revision!r} is not a commit of this repository.")
    subprocess.run(
        ["git", "worktree", "remove", "--force", str(BASELINE_ROOT)], cwd=ROOT, capture_output=True
    )
    subprocess.run(
        [
            "git",
            "worktree",
            "add",
            "--force",
            "--detach",
            str(BASELINE_ROOT),
            commit.stdout.strip(),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return commit.stdout.strip()


def flush_cache(redis_url):
    import redis  # django-redis's dependency, in the virtualenv that runs this script

    redis.Redis.from_url(redis_url).flushdb()


class Server:
    """gunicorn with the production settings; stopped (SIGTERM, then SIGKILL) on exit."""

    def __init__(self, env, port, log_path, root=ROOT):
        self.base = f"http://{HOST}:{port}"
        self.env = dict(env, GUNICORN_BIND=f"{HOST}:{port}")
        self.log_path = log_path
        self.root = root
        self.process = None

    def start(self):
        with socket.socket() as probe:
            if probe.connect_ex((HOST, int(self.env["GUNICORN_BIND"].rsplit(":", 1)[1]))) == 0:
                fail(f"something already listens on {self.base}: stop it or pass --port.")
        command = [str(GUNICORN), "cms.wsgi:application"]
        if (self.root / "gunicorn.conf.py").exists():
            command += ["-c", "gunicorn.conf.py"]
        else:
            command += ["--bind", self.env["GUNICORN_BIND"], *GUNICORN_FALLBACK_FLAGS]
        self.log = open(self.log_path, "a")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            command, cwd=self.root, env=self.env, stdout=self.log, stderr=subprocess.STDOUT
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


def static_path(env, root=ROOT):
    """The hashed URL of the site's stylesheet, as pages link it."""
    code = "from django.templatetags.static import static; print(static('css/site.css'))"
    result = subprocess.run(
        [str(PYTHON), "-c", f"import django; django.setup(); {code}"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def measure(server, label, path, options, one_connection):
    """One page type on one server: a warm-up request, then wrk (and wrk at one connection)."""
    url = server.base + path
    status, first_ms, headers = fetch(url)  # warm-up; in the cached phase it fills
    if status != 200:
        fail(
            f"{label} ({path}) answered {status} on {server.base}, not 200: fix the data or the URL."
        )
    say(f"  {label}: {server.base}{path} (first request {first_ms:.0f} ms)")
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
    return result


def run_phase(name, servers, options, one_connection=False):
    """Measure every page type on each (server, redis_url, pages); the GeoJSON once more as
    the first request after a flush. One phase result per server, in the order given; the
    page lists name the same page types in the same order (only the static file's hashed
    name may differ).

    With ``one_connection`` each URL is also loaded one request at a time (the latency a
    visitor sees without queueing), after the run at the options' concurrency (throughput).
    With two servers every URL is loaded on both before the next URL, the first of the two
    alternating, so that a change in the machine's load weighs on both alike.
    """
    say(f"phase '{name}': starting gunicorn on {', '.join(s[0].base for s in servers)}")
    for server, _redis_url, _pages in servers:
        server.start()
    try:
        results = []
        for server, redis_url, _pages in servers:
            health = server.wait_until_healthy()
            flush_cache(redis_url)
            status, cold_ms, _headers = fetch(server.base + "/netwerkkaart/kaart.geojson")
            if status != 200:
                fail(f"GeoJSON answered {status} on {server.base} after the cache flush.")
            results.append({"name": name, "rows": [], "geojson_cold_ms": cold_ms, "health": health})
        order = list(range(len(servers)))
        for index in range(len(servers[0][2])):
            for side in order if index % 2 == 0 else reversed(order):
                server, _redis_url, pages = servers[side]
                label, path = pages[index]
                row = measure(server, label, path, options, one_connection)
                results[side]["rows"].append(row)
        return results
    finally:
        for server, _redis_url, _pages in servers:
            server.stop()


def profile(paths, env, root=ROOT, repetitions=10):
    """Time paths in-process with Django's test client (no page cache), then cProfile one.

    Prints, per path, the median of ``repetitions`` requests (wall time; the CPU time of
    this process alone, which other load on the machine hardly changes; SQL queries and
    their time), and for the first path the functions with the most cumulative and own
    time. Runs in this process, on the database of the last load test, with the code of
    the checkout ``root``.
    """
    import cProfile
    import pstats

    os.environ.update(env, PAGE_CACHE_SECONDS="0", ALLOWED_HOSTS="testserver")
    os.chdir(root)
    sys.path.insert(0, str(root))
    import django

    django.setup()
    from django.test import Client
    from request_timing import time_requests

    client = Client()
    for path in paths:
        if client.get(path).status_code != 200:
            fail(f"{path} does not answer 200 in the test client.")
        timing = time_requests(client, path, repetitions)
        print(
            f"{path}: median {timing.wall_ms:.1f} ms "
            f"(Django's own CPU {timing.cpu_ms:.1f} ms), "
            f"{timing.queries:.0f} queries taking {timing.database_ms:.1f} ms"
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
    parser.add_argument(
        "--events",
        type=int,
        default=1000,
        help="meetings; 0 leaves out their data and pages (for a --baseline from before them)",
    )
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
        "--baseline",
        metavar="REV",
        help="also serve commit REV (a worktree in .loadtest-baseline/, database "
        f"{BASELINE_DATABASE}, port + 1) and load both side by side in one run",
    )
    parser.add_argument(
        "--profile",
        nargs="+",
        metavar="PATH",
        help=f"instead of a load test: time these paths in-process on {DATABASE} and "
        "cProfile the first (after a former run); with --baseline REV on both sides of a "
        "former --baseline run",
    )
    parser.add_argument("--checkout", help="with --profile: the checkout whose code runs")
    parser.add_argument("--database", help=f"with --profile: the database (default {DATABASE})")
    options = parser.parse_args(argv)
    if (options.checkout or options.database) and not options.profile:
        parser.error("--checkout and --database go with --profile.")
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


def settings_environment(database_url, redis_url, root=ROOT):
    """The environment of the production settings on this machine, over plain HTTP."""
    return dict(
        os.environ,
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=f"{HOST},localhost",
        SECURE_SSL_REDIRECT="false",
        REDIS_URL=redis_url,
        MEDIA_ROOT=str(root / ".loadtest-media"),
        # Every request comes from one address: the search limit would answer 429.
        RATE_LIMIT_SEARCH_PER_MINUTE="1000000000",
    )


def prepare(env, root, sizes, database_url, reuse_data):
    """Migrate, collect static files and (unless reused) generate the data; seconds taken."""
    manage(env, "migrate", "--noinput", "-v", "0", root=root)
    manage(env, "createcachetable", root=root)
    manage(env, "collectstatic", "--noinput", "-v", "0", root=root)
    if reuse_data:
        return None
    begun = time.monotonic()
    # No --events=0: a baseline from before the meetings does not know the option.
    counts = [f"--{name}={count}" for name, count in sizes.items() if name != "events" or count]
    manage(env, "generate_load_data", *counts, root=root)
    seconds = time.monotonic() - begun
    # Fresh planner statistics, as autovacuum would gather them soon after such a load;
    # without them PostgreSQL guesses row counts and picks worse plans.
    subprocess.run(["psql", database_url, "-Atqc", "vacuum analyze"], check=True)
    return seconds


def check_redis(redis_url):
    try:
        flush_cache(redis_url)
    except Exception as error:  # any connection problem: say what to do
        fail(
            f"Redis at {redis_url} does not answer ({error}): start Redis "
            "(apt-get install redis-server) or set LOADTEST_REDIS_URL (and "
            "LOADTEST_BASELINE_REDIS_URL) to a free Redis database."
        )


def main(argv=None):
    options, phase_names = arguments(argv)
    if not PYTHON.exists():
        fail("no virtualenv: run 'make loadtest' (it installs the requirements).")
    started = datetime.now().strftime("%Y-%m-%d-%H%M%S")
    RESULTS.mkdir(exist_ok=True)
    redis_url = os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/7")
    check_redis(redis_url)
    server = database_server()
    if options.profile and options.baseline:
        # One process per side: each imports its own checkout's code.
        for label, root, database in (
            ("this checkout", ROOT, DATABASE),
            (f"baseline {options.baseline}", BASELINE_ROOT, BASELINE_DATABASE),
        ):
            if not (root / "manage.py").exists():
                fail(f"no {root.name}: run the load test with --baseline first.")
            print(f"## {label}", flush=True)
            command = [str(PYTHON), __file__, "--profile", *options.profile]
            command += ["--checkout", str(root), "--database", database]
            subprocess.run(command, check=True)
        return
    if options.profile:
        database = options.database or DATABASE
        root = Path(options.checkout).resolve() if options.checkout else ROOT
        profile(options.profile, settings_environment(f"{server}/{database}", redis_url), root)
        return
    # (label, checkout, database, port, Redis URL) of each side under test.
    sides = [("this checkout", ROOT, DATABASE, options.port, redis_url)]
    if options.baseline:
        baseline_redis = os.environ.get("LOADTEST_BASELINE_REDIS_URL", "redis://127.0.0.1:6379/8")
        if baseline_redis == redis_url:
            fail(
                "LOADTEST_BASELINE_REDIS_URL must name another Redis database than LOADTEST_REDIS_URL."
            )
        check_redis(baseline_redis)
        commit = baseline_checkout(options.baseline)
        sides.append(
            (
                f"baseline {commit[:10]}",
                BASELINE_ROOT,
                BASELINE_DATABASE,
                options.port + 1,
                baseline_redis,
            )
        )
    sizes = {
        "partnerships": options.partnerships,
        "news": options.news,
        "cases": options.cases,
        "events": options.events,
    }
    envs, generation = [], []
    for label, root, database, _port, side_redis in sides:
        if options.reuse_data:
            database_url = f"{server}/{database}"
        else:
            say(f"recreating database {database} ({label})")
            database_url = recreate_database(server, database)
        env = settings_environment(database_url, side_redis, root)
        seconds = prepare(env, root, sizes, database_url, options.reuse_data)
        generation.append(f"{seconds:.0f} s" if seconds is not None else "reused")
        envs.append(env)
    # Each side links its own stylesheet (its hashed name may differ); the pages are the same.
    pages = [
        page_types(sizes, static_path(env, side[1])) for env, side in zip(envs, sides, strict=True)
    ]
    phases = [{} for _side in sides]
    for name in phase_names:
        seconds = "0" if name == "uncached" else CACHED_SECONDS
        title = f"{name} (PAGE_CACHE_SECONDS={seconds})"
        servers = [
            (
                Server(
                    dict(env, PAGE_CACHE_SECONDS=seconds),
                    port,
                    RESULTS / f"{started}-gunicorn-{name}{'-baseline' if index else ''}.log",
                    root,
                ),
                side_redis,
                side_pages,
            )
            for index, (env, side_pages, (_label, root, _database, port, side_redis)) in enumerate(
                zip(envs, pages, sides, strict=True)
            )
        ]
        for index, result in enumerate(
            run_phase(title, servers, options, one_connection=name == "uncached")
        ):
            phases[index][name] = result
    facts = {
        "machine": f"{os.cpu_count()} cores, load average at the start "
        f"{' / '.join(f'{value:.1f}' for value in os.getloadavg())}",
        "data": ", ".join(f"{count} {name}" for name, count in sizes.items())
        + ", a profile per region (35)",
        "generation": ", ".join(generation),
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
    if options.baseline:
        facts["sides"] = "; ".join(
            f"{label}: {root.name}, database {database}, port {port}"
            for label, root, database, port, _redis in sides
        )
    report = markdown(
        {"started": started, "facts": facts},
        list(phases[0].values()),
        verdicts(phases[0].get("uncached"), phases[0].get("cached")),
    )
    if options.baseline:
        report += side_by_side(sides[0][0], sides[1][0], phases[0], phases[1])
    path = RESULTS / f"{started}.md"
    path.write_text(report, encoding="utf-8")
    print(report)
    say(f"report written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
