"""The typed environment reader (cms/env.py) and .env.example, the list of what it reads."""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.env import env, env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parents[2]
READERS = {"env", "env_int", "env_bool", "env_list", "_env", "_number"}


@pytest.fixture
def variable(monkeypatch):
    """Set PPS_TEST_VARIABLE (or, with None, unset it) for one test."""

    def set_to(value):
        if value is None:
            monkeypatch.delenv("PPS_TEST_VARIABLE", raising=False)
        else:
            monkeypatch.setenv("PPS_TEST_VARIABLE", value)

    return set_to


@pytest.mark.parametrize("unset", [None, "", "  "])
def test_an_unset_or_empty_variable_gives_the_default(variable, unset):
    variable(unset)
    assert env("PPS_TEST_VARIABLE", "standaard") == "standaard"
    assert env_int("PPS_TEST_VARIABLE", 300) == 300
    assert env_bool("PPS_TEST_VARIABLE", True) is True
    assert env_list("PPS_TEST_VARIABLE", "a,b") == ["a", "b"]
    with pytest.raises(
        ImproperlyConfigured, match="Set the environment variable PPS_TEST_VARIABLE"
    ):
        env("PPS_TEST_VARIABLE", required=True)


def test_values_are_read_by_type(variable):
    variable(" 42 ")
    assert env_int("PPS_TEST_VARIABLE", 0) == 42
    variable("TRUE")
    assert env_bool("PPS_TEST_VARIABLE", False) is True
    variable("false")
    assert env_bool("PPS_TEST_VARIABLE", True) is False
    variable(" www.example.nl, ,example.nl ,")
    assert env_list("PPS_TEST_VARIABLE") == ["www.example.nl", "example.nl"]
    variable("geheim ")  # text as given: a secret may end in a space
    assert env("PPS_TEST_VARIABLE") == "geheim "


@pytest.mark.parametrize("value", ["drie", "3.5", "-1", "300s", "١٢", "0x10"])
def test_a_bad_whole_number_names_the_variable(variable, value):
    variable(value)
    message = f"Set the environment variable PPS_TEST_VARIABLE to a whole number, not {value!r}"
    with pytest.raises(ImproperlyConfigured, match=re.escape(message)):
        env_int("PPS_TEST_VARIABLE", 1)


def test_a_whole_number_below_its_minimum_names_the_minimum(variable):
    variable("0")
    with pytest.raises(ImproperlyConfigured, match="a whole number of at least 1, not '0'"):
        env_int("PPS_TEST_VARIABLE", 1, minimum=1)


@pytest.mark.parametrize("value", ["ja", "1", "yes", "on"])
def test_a_bad_switch_names_the_variable(variable, value):
    variable(value)
    message = f"Set the environment variable PPS_TEST_VARIABLE to true or false, not {value!r}"
    with pytest.raises(ImproperlyConfigured, match=re.escape(message)):
        env_bool("PPS_TEST_VARIABLE", False)


@pytest.mark.parametrize(
    ("variable_name", "value", "expected"),
    [
        ("PAGE_CACHE_SECONDS", "vijf minuten", "to a whole number, not 'vijf minuten'"),
        ("EMAIL_USE_TLS", "ja", "to true or false, not 'ja'"),
        ("RATE_LIMIT_TRUST_FORWARDED_FOR", "1", "to true or false, not '1'"),
    ],
)
def test_the_settings_stop_with_the_message_not_a_deep_traceback(variable_name, value, expected):
    environ = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "www.example.nl",
        variable_name: value,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line == (
        f"django.core.exceptions.ImproperlyConfigured: Set the environment variable "
        f"{variable_name} {expected} (see .env.example)."
    )


def names_read_by_python():
    """Every variable the settings and gunicorn.conf.py read through the readers."""
    names = set()
    for path in [*sorted((ROOT / "cms" / "settings").glob("*.py")), ROOT / "gunicorn.conf.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in READERS
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                names.add(node.args[0].value)
    return names


def test_env_example_lists_every_variable_read_and_no_other():
    documented = set(
        re.findall(r"^([A-Z][A-Z0-9_]*)=", (ROOT / ".env.example").read_text(), re.MULTILINE)
    )
    read = names_read_by_python()
    # The operators' shell scripts read theirs as ${NAME:-default}.
    scripts = "".join(path.read_text() for path in (ROOT / "scripts").glob("*.sh"))
    read_by_scripts = set(re.findall(r"\$\{([A-Z][A-Z0-9_]*):-", scripts))
    assert {"SECRET_KEY", "PAGE_CACHE_SECONDS", "GUNICORN_THREADS"} <= read  # the scan works
    assert read - documented == set(), "read but not in .env.example"
    assert documented - read - read_by_scripts == set(), "in .env.example but read nowhere"


def test_no_other_code_reads_the_environment_itself():
    """Settings and gunicorn.conf.py read only through cms/env.py (manage.py and wsgi.py only
    choose the settings module)."""
    readers = []
    for path in [*sorted((ROOT / "cms").rglob("*.py")), ROOT / "gunicorn.conf.py"]:
        if "tests" in path.parts:
            continue
        if path.name not in ("env.py", "wsgi.py", "asgi.py") and "os.environ" in path.read_text():
            readers.append(path.relative_to(ROOT).as_posix())
    assert readers == []
