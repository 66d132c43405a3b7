"""Static files storage of production: WhiteNoise's compressed files with hashed names."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's storage, minus the rewriting of JavaScript source-map comments.

    Vendor packages name source maps they do not ship (XStatic-Leaflet-MarkerCluster's
    leaflet.markercluster.js), and a missing file fails `collectstatic`. Source maps are
    for developer tools only; their unhashed names still resolve. CSS references (images,
    fonts) are hashed as before.
    """

    patterns = tuple(
        (extension, patterns)
        for extension, patterns in CompressedManifestStaticFilesStorage.patterns
        if extension != "*.js"
    )
