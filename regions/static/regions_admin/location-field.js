// The partnership editor's location map (regions/panels.py LocationField).
//
// The hidden input holds wagtailgeowidget's "SRID=4326;POINT(lng lat)" (empty: no location).
// A click on the map places the marker, dragging moves it, the coordinates box and the
// buttons set it too; with no location there is no marker and the status line says so.
// Registered with Wagtail's Stimulus application (window.wagtail.app), like any admin
// controller.
(() => {
  const DECIMALS = 5; // about a metre: more is noise
  const PLACE_ZOOM = 11;
  const COORDINATES = /^\s*(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)\s*$/;
  const EMPTY_TEXT =
    "Nog geen locatie gekozen. Zonder locatie staat de samenwerking niet op de netwerkkaart.";

  const round = (number) => Number(number.toFixed(DECIMALS));

  class PartnershipLocationController extends window.StimulusModule.Controller {
    static targets = ["coordinates", "status", "map"];
    static values = { options: Object };

    connect() {
      const options = this.optionsValue;
      this.input = this.element.querySelector('input[type="hidden"]');
      this.marker = null;
      this.map = L.map(this.mapTarget, { scrollWheelZoom: false });
      if (options.tileUrl) {
        L.tileLayer(options.tileUrl, {
          maxZoom: 19,
          attribution: options.tileAttribution,
        }).addTo(this.map);
      }
      // The region centres give the map its bearings, also when no tile server answers.
      Object.values(options.regions).forEach((region) => {
        L.circleMarker([region.lat, region.lng], {
          radius: 3,
          weight: 1,
          color: "#5c6f7b",
          fillOpacity: 0.7,
          interactive: false,
        }).addTo(this.map);
      });
      if (options.point) {
        this.showMarker(options.point);
        this.map.setView(options.point, PLACE_ZOOM);
      } else {
        this.map.setView(options.defaultCentre, options.defaultZoom);
      }
      this.map.on("click", (event) => this.set(event.latlng));
      // The map may start in a hidden tab: measure it again once it is shown.
      this.resizeObserver = new ResizeObserver(() => this.map.invalidateSize());
      this.resizeObserver.observe(this.mapTarget);
    }

    disconnect() {
      this.resizeObserver.disconnect();
      this.map.remove();
    }

    // Set the location (or, with null, clear it) and tell the editor what it is now.
    set(latLng, description = "", { fromTyping = false } = {}) {
      if (!latLng) {
        this.input.value = "";
        if (this.marker) this.marker.remove();
        this.marker = null;
        if (!fromTyping) this.coordinatesTarget.value = "";
        this.say(EMPTY_TEXT, "empty");
        return;
      }
      const lat = round(latLng.lat);
      const lng = round(latLng.lng);
      this.input.value = `SRID=4326;POINT(${lng} ${lat})`;
      this.showMarker({ lat, lng });
      if (!fromTyping) this.coordinatesTarget.value = `${lat}, ${lng}`;
      this.say(`Locatie gekozen${description}: ${lat}, ${lng}.`);
    }

    showMarker(latLng) {
      if (this.marker) {
        this.marker.setLatLng(latLng);
        return;
      }
      this.marker = L.marker(latLng, {
        draggable: true,
        keyboard: false,
        title: "Locatie van de samenwerking",
        alt: "Locatie van de samenwerking",
      }).addTo(this.map);
      this.marker.on("dragend", () => this.set(this.marker.getLatLng()));
    }

    say(text, state = "") {
      this.statusTarget.textContent = text;
      this.statusTarget.classList.toggle("location-field__status--empty", state === "empty");
      this.statusTarget.classList.toggle("location-field__status--warning", state === "warning");
    }

    moveTo(latLng, description) {
      this.set(latLng, description);
      this.map.setView(latLng, PLACE_ZOOM);
    }

    typed() {
      const text = this.coordinatesTarget.value;
      if (!text.trim()) {
        this.set(null, "", { fromTyping: true });
        return;
      }
      const match = text.match(COORDINATES);
      if (!match) {
        this.say(
          "Vul de coördinaten in als breedtegraad, lengtegraad, bijvoorbeeld 52.22, 6.89.",
          "warning",
        );
        return;
      }
      const latLng = { lat: Number(match[1]), lng: Number(match[2]) };
      this.set(latLng, "", { fromTyping: true });
      this.map.panTo(latLng);
    }

    // Enter in the coordinates box must not submit the whole editor.
    keepForm(event) {
      event.preventDefault();
    }

    useRegion() {
      const input = document.getElementById(this.optionsValue.regionInput);
      const region = input && this.optionsValue.regions[input.value];
      if (!region) {
        this.say("Kies eerst een arbeidsmarktregio.", "warning");
        return;
      }
      this.moveTo(region, ` (centrum van ${region.name}, ${region.city})`);
    }

    useCity() {
      const input = document.getElementById(this.optionsValue.cityInput);
      const city = input ? input.value.trim() : "";
      if (!city) {
        this.say("Vul eerst een plaats in.", "warning");
        return;
      }
      const key = city.toLocaleLowerCase("nl");
      const region = Object.values(this.optionsValue.regions).find(
        (candidate) => candidate.city.toLocaleLowerCase("nl") === key,
      );
      if (!region) {
        this.say(
          `De ligging van ${city} is niet bekend: alleen die van de centrumgemeenten van de ` +
            "arbeidsmarktregio's. Klik op de kaart of vul de coördinaten in.",
          "warning",
        );
        return;
      }
      this.moveTo(region, ` (${region.city})`);
    }

    clear() {
      this.set(null);
    }
  }

  window.wagtail.app.register("partnership-location", PartnershipLocationController);
})();
