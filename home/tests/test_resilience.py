"""A database connection that dies: the visitor sees the Dutch error page, never a traceback,
and the next request works again without restarting the app server.

Requests go through Django's WSGI handler in this thread, the way gunicorn calls it: unlike
the test client, that sends request_started / request_finished, where Django checks and
replaces broken or dropped connections. The connection is killed for real, with
``pg_terminate_backend()`` from a second connection.
"""

import logging
from unittest import mock
from wsgiref.util import setup_testing_defaults

import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection, connections

from home.factories import HomePageFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(live_db):
    """Committed pages: a killed connection loses its open transaction."""
    return HomePageFactory()


@pytest.fixture
def handler():
    return WSGIHandler()


def request(handler, path="/"):
    """One GET as a WSGI server makes it; returns (status code, body)."""
    environ = {"PATH_INFO": path, "REQUEST_METHOD": "GET", "HTTP_HOST": "localhost"}
    setup_testing_defaults(environ)
    statuses = []
    response = handler(environ, lambda status, headers, exc_info=None: statuses.append(status))
    try:
        body = b"".join(response).decode()
    finally:
        response.close()  # request_finished: Django's end-of-request connection upkeep
    return int(statuses[0].split()[0]), body


def terminate_backend(pid):
    """Kill one PostgreSQL session from another connection, as a DBA or a failover would."""
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])
            assert cursor.fetchone() == (True,)
    finally:
        other.close()


def backend_pid():
    connection.ensure_connection()
    return connection.connection.info.backend_pid


def assert_dutch_error_page(status, body):
    assert status == 500
    assert "Er ging iets mis" in body
    for leak in ("Traceback", "OperationalError", "InterfaceError", "terminating connection"):
        assert leak not in body


def test_connection_killed_mid_request(site, handler, caplog):
    assert request(handler)[0] == 200
    original = HomePage.get_context

    def get_context_then_lose_the_database(self, request, *args, **kwargs):
        # The view has found the page; now the database goes away under it.
        terminate_backend(connection.connection.info.backend_pid)
        return original(self, request, *args, **kwargs)

    with (
        mock.patch.object(HomePage, "get_context", get_context_then_lose_the_database),
        caplog.at_level(logging.ERROR, logger="django.request"),
    ):
        status, body = request(handler)
    assert_dutch_error_page(status, body)
    assert "Internal Server Error: /" in caplog.text  # operators get the details

    status, body = request(handler)
    assert status == 200 and "<h1>" in body


def test_connection_dropped_between_requests_is_replaced(site, handler):
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"]
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] > 0  # connections are kept
    assert request(handler)[0] == 200
    pid = backend_pid()  # the connection the next request would reuse
    terminate_backend(pid)

    assert request(handler)[0] == 200  # the visitor notices nothing
    assert backend_pid() != pid


def test_without_health_checks_one_visitor_gets_the_error_page(site, handler, monkeypatch):
    """The control: what CONN_HEALTH_CHECKS saves the first visitor after a database restart."""
    monkeypatch.setitem(connection.settings_dict, "CONN_HEALTH_CHECKS", False)
    connection.close()  # reconnect with the setting above
    assert request(handler)[0] == 200
    terminate_backend(backend_pid())

    assert_dutch_error_page(*request(handler))
    assert request(handler)[0] == 200
    connection.close()  # the next test connects with health checks again
