"""The location map of the partnership editor, with Leaflet from our own static files.

wagtailgeowidget's LeafletField loads Leaflet from unpkg.com; the admin must not depend on
a CDN, so these subclasses swap that for the XStatic-Leaflet files that settings serve
under ``vendor/leaflet/``.
"""

from django import forms
from wagtailgeowidget import panels as geo_panels
from wagtailgeowidget import widgets as geo_widgets


class LeafletField(geo_widgets.LeafletField):
    """wagtailgeowidget's Leaflet widget without the unpkg.com files."""

    @property
    def media(self):
        return forms.Media(
            css={"all": ("vendor/leaflet/leaflet.css", "wagtailgeowidget/css/leaflet-field.css")},
            # Leaflet first: the widget's scripts use the global `L` it defines.
            js=(
                "vendor/leaflet/leaflet.js",
                "wagtailgeowidget/js/leaflet-field.js",
                "wagtailgeowidget/js/leaflet-field-controller.js",
            ),
        )


class LeafletPanel(geo_panels.LeafletPanel):
    """A LeafletPanel whose widget is the local-Leaflet field above."""

    def widget_overrides(self):
        return {
            name: LeafletField(
                address_field=widget.address_field,
                zoom_field=widget.zoom_field,
                hide_latlng=widget.hide_latlng,
                zoom=widget.zoom,
                srid=widget.srid,
                id_prefix=widget.id_prefix,
            )
            for name, widget in super().widget_overrides().items()
        }
