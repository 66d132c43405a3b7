"""A frontend-cache backend for tests: records the URLs Wagtail asks it to purge."""

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

RECORDING = {"default": {"BACKEND": "core.tests.cdn.RecordingBackend"}}


class RecordingBackend(BaseBackend):
    purged = []

    def purge(self, url):
        self.purged.append(url)
