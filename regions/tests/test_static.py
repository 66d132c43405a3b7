"""The map's vendor files (XStatic packages) survive production's collectstatic."""

from django.core.management import call_command
from django.test import override_settings


def test_collectstatic_with_hashed_names(tmp_path):
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "cms.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages, STATIC_ROOT=tmp_path):
        call_command("collectstatic", "--noinput", verbosity=0)
    vendor = tmp_path / "vendor"
    assert (vendor / "leaflet" / "leaflet.js").exists()
    assert (vendor / "leaflet-markercluster" / "leaflet.markercluster-src.js").exists()
    assert list((vendor / "leaflet" / "images").glob("marker-icon.*.png"))
    assert '"vendor/leaflet/leaflet.css"' in (tmp_path / "staticfiles.json").read_text()
