"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py cms.wsgi`.

Every value can be changed through the environment (documented in .env.example and
docs/deployment.md); the defaults suit one app server with 2 CPU cores behind a load balancer.
"""

import gc
import sys
from pathlib import Path

# gunicorn reads this file before it puts the project on the import path.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from django.core.exceptions import ImproperlyConfigured  # noqa: E402

from cms import env as environment  # noqa: E402


def _number(name, default, minimum=0):
    """A whole number; a bad value stops gunicorn with one line instead of a traceback."""
    try:
        return environment.env_int(name, default, minimum=minimum)
    except ImproperlyConfigured as error:
        raise SystemExit(f"gunicorn.conf.py: {error}") from None


def _env(name, default):
    return environment.env(name, default)


# 127.0.0.1 unless told otherwise: behind a load balancer set GUNICORN_BIND=0.0.0.0:8000.
bind = [_env("GUNICORN_BIND", "127.0.0.1:8000")]

# WEB_CONCURRENCY is gunicorn's usual name. 2 × cores + 1 processes for 2 cores, each with
# a few threads so that a slow client or query does not hold a whole process. Every thread
# may keep a PostgreSQL connection open (DB_CONN_MAX_AGE): workers × threads per server.
workers = _number("WEB_CONCURRENCY", 5, minimum=1)
threads = _number("GUNICORN_THREADS", 2, minimum=1)
worker_class = "gthread"

# A request that takes longer than this is killed (the worker restarts); graceful_timeout
# is how long a worker may finish its requests on restart or deploy (SIGTERM / SIGHUP).
timeout = _number("GUNICORN_TIMEOUT", 30)
graceful_timeout = _number("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Keep idle connections from the load balancer open longer than the balancer does (AWS ALB
# and most others: 60 s), or it may reuse a connection gunicorn has just closed (a 502).
keepalive = _number("GUNICORN_KEEPALIVE", 75)

# Load Django once in the master and fork the workers from it: a recycled worker then starts
# in milliseconds instead of re-importing Django and Wagtail (about 2 s of CPU each, which the
# load test showed starving the other workers). Connections to PostgreSQL and Redis open
# lazily, per worker, after the fork.
preload_app = True


def when_ready(server):
    """Build, once in the master, what each worker would otherwise build on its first request.

    That is Django's URL reverse table (about 70 ms with Wagtail's admin URLs), the
    site's compiled templates, and the cache backend with the modules it imports (django-redis
    and redis-py: 77 ms in a profile of a worker's first request); the
    workers are forked from here and share them. Nothing here opens a database or cache
    connection, which a fork must not share: the cache backend connects on its first command.
    """
    from django.core.cache import caches
    from django.template import TemplateSyntaxError
    from django.template.loader import get_template
    from django.urls import reverse

    reverse("healthz")
    caches["default"]
    templates = Path(__file__).resolve().parent / "templates"
    for path in sorted(templates.rglob("*.html")):
        try:
            get_template(path.relative_to(templates).as_posix())
        except TemplateSyntaxError as error:  # the page using it will show the error
            server.log.warning("Template %s does not compile: %s", path, error)


def pre_fork(server, worker):
    """Freeze the loaded app's objects out of the garbage collector before each fork.

    Django and Wagtail leave some hundred thousand long-lived objects that every full
    collection would walk again; a response that allocates much (the GeoJSON's 5,000
    features) triggers such collections: in-process, the GeoJSON took 165-178 ms before
    and 95-115 ms after ``gc.freeze()``. Frozen objects also stay shared between the
    workers instead of being copied on write.
    """
    gc.freeze()


# Recycle each worker after about this many requests, which bounds slow memory growth. The
# jitter (a fifth) spreads the restarts: workers start together, and with a jitter of 1% they
# were recycled in pairs, each time a dip in capacity (the load test: a restart every 2-3 s
# at 10,000 requests, served from the page cache at 2,300/s).
max_requests = _number("GUNICORN_MAX_REQUESTS", 50000)
max_requests_jitter = _number("GUNICORN_MAX_REQUESTS_JITTER", 10000)

# Only these proxy addresses may set X-Forwarded-For / X-Forwarded-Proto: the load balancer.
# gunicorn then marks HTTPS requests as secure for Django.
forwarded_allow_ips = _env("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs to stdout/stderr for the process manager. %(M)s: request time in milliseconds;
# the client address is the load balancer's, X-Forwarded-For names the visitor.
accesslog = "-"
errorlog = "-"
loglevel = _env("GUNICORN_LOG_LEVEL", "info")
access_log_format = (
    '%(h)s "%({x-forwarded-for}i)s" %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'
)

# Processes are managed by the service manager (systemd, the container runtime), not through
# gunicornc; no control socket in $HOME that two instances on one host would share.
control_socket_disable = True
