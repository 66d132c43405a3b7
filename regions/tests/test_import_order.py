"""The regions modules that import the models can be imported before regions.models.

regions.models imports the page module, and the page module uses regions.filters and
regions.opendata, which import the models. Django imports regions.models first because of
INSTALLED_APPS order; an app whose models imported regions.filters first would find a
half-imported module. Each case starts a fresh interpreter, so the order is real.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Imports the given module just before Django imports regions.models, as another app's
# models module listed earlier in INSTALLED_APPS would, then finishes the set-up.
SCRIPT = """
import importlib, sys
import django
from django.apps.config import AppConfig

import_models = AppConfig.import_models

def import_module_first(config):
    if config.name == "regions":
        importlib.import_module(sys.argv[1])
    import_models(config)

AppConfig.import_models = import_module_first
django.setup()
from regions.models import NetworkMapPage
print(NetworkMapPage.__name__)
"""


@pytest.mark.parametrize(
    "module", ["regions.filters", "regions.opendata", "regions.proposal_views"]
)
def test_module_imports_before_the_models(module):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, module],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "NetworkMapPage"
