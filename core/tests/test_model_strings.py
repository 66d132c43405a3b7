"""scripts/check_model_strings.py: cross-app model strings and get_model() are found.

Positive controls plant a reference in a small app tree in a temporary directory; the
clean tree and this repository pass.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "check_model_strings.py"
sys.path.insert(0, str(SCRIPT.parent))
import check_model_strings  # noqa: E402


def write(root, relative, text):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def apps(tmp_path):
    """Two apps, regions below news, that refer to each other only by import."""
    for app in ("regions", "news"):
        write(tmp_path, f"{app}/__init__.py", "")
        write(tmp_path, f"{app}/apps.py", "")
    write(tmp_path, "regions/models/__init__.py", "from .taxonomy import Theme\n")
    write(tmp_path, "regions/models/taxonomy.py", "class Theme:\n    pass\n")
    write(
        tmp_path,
        "news/models.py",
        '"""News; its themes come from ``regions.Theme``."""\n\n'
        "from regions.models import Theme\n\n"
        'PERMISSION = "regions.change_theme"  # a permission, not a model\n'
        'OWN = "news.NewsPage"\n',
    )
    return tmp_path


def run(root):
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(root)], capture_output=True, text=True, check=False
    )


def test_a_clean_tree_passes(apps):
    assert check_model_strings.check(apps) == []
    result = run(apps)
    assert result.returncode == 0 and result.stdout == ""


def test_planted_model_strings_and_get_model_are_found(apps):
    write(
        apps,
        "news/feeds.py",
        "from django.apps import apps\n\n"
        'THEME = "regions.Theme"\n'
        'LABELS = {"regions.theme", "regions.unknown"}\n'
        'Theme = apps.get_model("regions", "Theme")\n',
    )
    findings = check_model_strings.check(apps)
    assert [finding.split(": ", 1)[0] for finding in findings] == [
        "news/feeds.py:3",
        "news/feeds.py:4",
        "news/feeds.py:5",
    ]
    assert '"regions.Theme" names a model of another app' in findings[0]
    assert '"regions.theme" names a model of another app' in findings[1]
    assert "get_model() outside migrations" in findings[2]
    result = run(apps)
    assert result.returncode == 1
    assert result.stdout.splitlines() == findings


def test_migrations_tests_and_the_roles_module_may_name_models(apps):
    reference = 'from django.apps import apps\n\nTheme = apps.get_model("regions", "Theme")\n'
    write(apps, "news/migrations/0002_themes.py", reference + 'TO = "regions.Theme"\n')
    write(apps, "news/tests/test_themes.py", reference)
    write(apps, "home/__init__.py", "")
    write(apps, "home/apps.py", "")
    write(apps, "home/roles.py", reference)
    assert check_model_strings.check(apps) == []
    write(apps, "home/demo.py", reference)
    assert check_model_strings.check(apps) == [
        "home/demo.py:3: get_model() outside migrations: import the model, or let the app "
        "above register it (docs/architecture.md)"
    ]


def test_this_repository_passes():
    assert check_model_strings.check(ROOT) == []
