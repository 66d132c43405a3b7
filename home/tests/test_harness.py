"""The test harness itself (conftest.py): its checks must fail on what they are meant to
catch, and the browser fixture must leave no trace in the tests after it.

Every check here has its positive control: the same check on a document or page with the
fault must fail, and without it must pass.
"""

import os
import subprocess
import sys

import pytest

from conftest import ASYNC_UNSAFE, ROOT, check_html

VALID = '<!DOCTYPE html><html lang="nl"><head><title>Goed</title></head><body><p>Tekst</p></body></html>'
# A <div> inside a <p> closes the paragraph; the stray </p> is a parse error.
INVALID = VALID.replace("<p>Tekst</p>", "<p><div>Tekst</div></p>")


def test_nu_checker_passes_a_valid_document(tmp_path):
    check_html({"goed": VALID}, tmp_path)


def test_nu_checker_fails_an_invalid_document(tmp_path):
    """Positive control: a deliberately invalid document fails, and the error is named."""
    with pytest.raises(AssertionError, match=r"(?s)Invalid HTML.*fout:1: No “p” element in scope"):
        check_html({"goed": VALID, "fout": INVALID}, tmp_path)


@pytest.mark.parametrize(
    ("returncode", "stdout", "stderr", "message"),
    [
        # Nothing at all (e.g. java printed nothing): was taken as "no messages", a pass.
        (0, "", "", "gave no report"),
        # The JVM could not start.
        (1, "", "Error occurred during initialization of VM", "gave no report"),
        # A crash with a report-shaped output.
        (2, "", '{"messages": []}', "failed \\(exit 2\\)"),
        # Exit 1 means errors were found: a report without any is not a pass.
        (1, "{path}", '{"messages": []}', "exited 1 without naming an error"),
        # The file was never read: the checker reports nothing about it.
        (0, "", '{"messages": []}', "did not read \\['goed'\\]"),
    ],
)
def test_a_checker_that_did_not_check_is_not_a_pass(
    tmp_path, monkeypatch, returncode, stdout, stderr, message
):
    path = tmp_path / "goed.html"

    def fake_run(command, **kwargs):
        return subprocess.CompletedProcess(
            command, returncode, stdout.replace("{path}", str(path)), stderr
        )

    monkeypatch.setattr(subprocess, "run", fake_run)
    with pytest.raises(AssertionError, match=message):
        check_html({"goed": VALID}, tmp_path)


LANDMARKS = (
    '<!DOCTYPE html><html lang="nl"><head><title>Proef</title></head><body>'
    "<main><h1>Proef</h1><p>Binnen de hoofdinhoud.</p></main>{extra}</body></html>"
)


def test_axe_passes_a_clean_page(browser, assert_accessible):
    tab = browser.new_page()
    tab.set_content(LANDMARKS.format(extra=""))
    assert_accessible(tab, "harness-clean")
    tab.close()


def test_axe_fails_a_moderate_violation(browser, assert_accessible):
    """Positive control: text outside every landmark is axe's "region" rule, impact
    moderate; it used to pass because only serious and critical failed."""
    tab = browser.new_page()
    tab.set_content(LANDMARKS.format(extra="<p>Buiten elk landmark.</p>"))
    with pytest.raises(AssertionError, match=r"region \(moderate\)"):
        assert_accessible(tab, "harness-moderate")
    tab.close()


BROWSER_MODULE = """
import os

def test_with_the_browser(browser):
    assert os.environ["{name}"] == "true"
"""
LATER_MODULE = """
import asyncio
import os

import pytest

def test_after_the_browser_module():
    assert "{name}" not in os.environ, "the async-unsafe switch outlived the browser"
    with pytest.raises(RuntimeError):
        asyncio.get_running_loop()  # Playwright's loop must be gone with the browser
"""


def test_the_browser_leaves_no_async_unsafe_switch_behind(tmp_path):
    """A pytest run of one browser test module, then one plain module, in one process:
    the plain one must run with Django's guard against ORM calls in async code intact."""
    (tmp_path / "test_a_browser.py").write_text(BROWSER_MODULE.format(name=ASYNC_UNSAFE))
    (tmp_path / "test_b_later.py").write_text(LATER_MODULE.format(name=ASYNC_UNSAFE))
    environment = {key: value for key, value in os.environ.items() if key != ASYNC_UNSAFE}
    environment["PYTHONPATH"] = str(ROOT)
    environment["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "conftest", "-p", "no:randomly"]
        + ["-p", "no:cacheprovider", "-n", "0", "-q", "test_a_browser.py", "test_b_later.py"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "2 passed" in result.stdout
