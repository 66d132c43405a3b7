"""The location map of the partnership editor, with Leaflet from our own static files.

wagtailgeowidget's LeafletField loads Leaflet from unpkg.com, places its marker only by
dragging and shows a marker at the default centre when no location is set, so an editor
may believe there is one. This subclass keeps its value format ("SRID=4326;POINT(lng lat)")
and its ``<id>_latlng`` coordinates box, and renders its own template with its own Stimulus
controller (regions_admin/location-field.js, registered through Wagtail's public
``window.wagtail.app``): a click on the map places the marker, an empty location shows no
marker and says so, and one click takes the centre of the chosen region or of the city typed
in "Plaats" (the regions' centres from regions/data/regions.csv, loaded by a migration).
The map needs no tile server: without MAP_TILE_URL it shows the region centres as dots.
"""

import json

from django import forms
from django.conf import settings
from django.template.loader import render_to_string
from wagtail.admin.telepath import register
from wagtail.admin.telepath.widgets import WidgetAdapter
from wagtailgeowidget import panels as geo_panels
from wagtailgeowidget import widgets as geo_widgets


def region_centres():
    """{region pk: its name, centre city and centre} for the region and city buttons."""
    from regions.models import Region

    return {
        str(region.pk): {
            "name": region.name,
            "city": region.centre_city,
            "lat": region.latitude,
            "lng": region.longitude,
        }
        for region in Region.objects.order_by("name")
    }


class LocationField(geo_widgets.LeafletField):
    """wagtailgeowidget's Leaflet field with click-to-place, a visible empty state and centres."""

    template_name = "regions_admin/location_field.html"

    def __init__(self, *args, region_field="region", city_field="city", **kwargs):
        self.region_field = region_field
        self.city_field = city_field
        super().__init__(*args, **kwargs)

    def options(self, widget_id, name, point):
        # The region and city inputs share the location input's id prefix ("id_").
        prefix = widget_id[: -len(name)] if widget_id.endswith(name) else "id_"
        return {
            "defaultCentre": settings.GEO_WIDGET_DEFAULT_LOCATION,
            "defaultZoom": settings.GEO_WIDGET_ZOOM,
            "point": {"lat": point[0], "lng": point[1]} if point else None,
            "tileUrl": settings.MAP_TILE_URL,
            "tileAttribution": settings.MAP_TILE_ATTRIBUTION,
            "regionInput": f"{prefix}{self.region_field}",
            "cityInput": f"{prefix}{self.city_field}",
            "regions": region_centres(),
        }

    def render(self, name, value, attrs=None, renderer=None):
        # regions.models imports this module (the partnership's panels), so import late.
        from regions.models.partnership import parse_point

        point = parse_point(value) if isinstance(value, str) else None
        attrs = self.build_attrs(self.attrs, attrs)
        widget_id = attrs.get("id")
        if not widget_id:
            raise TypeError("LocationField cannot be rendered without an 'id' attribute")
        # The controller's element, not the hidden input, carries the options.
        for key in ("data-controller", "data-leaflet-field-options-value"):
            attrs.pop(key, None)
        hidden = forms.HiddenInput().render(name, value, attrs)
        return render_to_string(
            self.template_name,
            {
                "id": widget_id,
                "hidden_input": hidden,
                "options": json.dumps(self.options(widget_id, name, point)),
                "point": point,
            },
        )

    @property
    def media(self):
        return forms.Media(
            css={"all": ("vendor/leaflet/leaflet.css", "regions_admin/location-field.css")},
            # Leaflet first: the controller uses the global `L` it defines.
            js=("vendor/leaflet/leaflet.js", "regions_admin/location-field.js"),
        )


# The editor also serialises its widgets for the browser (telepath); Wagtail's plain widget
# adapter renders this field's own HTML, where wagtailgeowidget's would start its own map.
register(WidgetAdapter(), LocationField)


class LeafletPanel(geo_panels.LeafletPanel):
    """A LeafletPanel whose widget is the location field above."""

    def widget_overrides(self):
        return {
            name: LocationField(
                address_field=widget.address_field,
                zoom_field=widget.zoom_field,
                hide_latlng=widget.hide_latlng,
                zoom=widget.zoom,
                srid=widget.srid,
                id_prefix=widget.id_prefix,
            )
            for name, widget in super().widget_overrides().items()
        }
