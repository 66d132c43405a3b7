// The network map: an addition to the server-rendered list, never a replacement.
// Without JavaScript (or when Leaflet fails to load) the map stays hidden and every
// partnership is still in the list. Settings arrive as data- attributes: no inline script.
(function () {
  "use strict";

  var NETHERLANDS = { center: [52.2, 5.3], zoom: 7 };
  var markerIcon; // the marker image's options, set once Leaflet is there (below)

  // An icon class whose element carries an aria-label (the "label" option). Leaflet makes
  // every marker and cluster a role="button" element; a marker's alt text alone is not a
  // name that every checker accepts (HTML_CodeSniffer H91), and a cluster's only text is
  // its number.
  function labelledIcon(IconClass) {
    return IconClass.extend({
      createIcon: function (oldIcon) {
        var icon = IconClass.prototype.createIcon.call(this, oldIcon);
        icon.setAttribute("aria-label", this.options.label);
        return icon;
      },
    });
  }

  function tileLayer(element, withAttribution) {
    return L.tileLayer(element.dataset.tileUrl, {
      maxZoom: 18,
      // On high-density screens (most phones) tiles of the next zoom level at half size,
      // so the map is as sharp as the text around it.
      detectRetina: true,
      attribution: withAttribution ? element.dataset.tileAttribution : "",
    });
  }

  function popupContent(properties) {
    // Built from DOM nodes, so names from the data are never parsed as HTML.
    var wrapper = document.createElement("div");
    var title = document.createElement("p");
    title.className = "map-popup__title";
    title.textContent = properties.name;
    var meta = document.createElement("p");
    meta.className = "map-popup__meta";
    meta.textContent = [properties.kind_label, properties.city || properties.region]
      .filter(Boolean)
      .join(" · ");
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = "Lees meer over " + properties.name;
    wrapper.append(title, meta, link);
    return wrapper;
  }

  function setStatus(text) {
    var status = document.querySelector("[data-map-status]");
    if (status) status.textContent = text;
  }

  function networkMap(element) {
    // Other maps (e.g. the regions) name what they show in data-noun-one/-many.
    var one = element.dataset.nounOne || "samenwerking";
    var many = element.dataset.nounMany || "samenwerkingen";
    var MarkerIcon = labelledIcon(L.Icon);
    var ClusterIcon = labelledIcon(L.DivIcon);
    var map = L.map(element, { zoomControl: false, scrollWheelZoom: false });
    L.control.zoom({ zoomInTitle: "Inzoomen", zoomOutTitle: "Uitzoomen" }).addTo(map);
    map.attributionControl.setPrefix(false);
    tileLayer(element, true).addTo(map);

    function show(layer, count) {
      // The first view is set once the data is in, so clusters never animate into place.
      if (count) map.fitBounds(layer.getBounds(), { padding: [30, 30], maxZoom: 11 });
      else map.setView(NETHERLANDS.center, NETHERLANDS.zoom);
      var clusters = L.markerClusterGroup({
        showCoverageOnHover: false,
        maxClusterRadius: 50,
        // The plugin's own icon (same classes, so its styles apply), named "3 samenwerkingen".
        iconCreateFunction: function (cluster) {
          var count = cluster.getChildCount();
          var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
          return new ClusterIcon({
            html: "<div><span>" + count + "</span></div>",
            className: "marker-cluster marker-cluster-" + size,
            iconSize: new L.Point(40, 40),
            label: count + " " + (count === 1 ? one : many),
          });
        },
      });
      // A cluster is a button: the plugin (1.4) zooms into it on a click, but not on Enter.
      clusters.on("clusterkeypress", function (event) {
        if (event.originalEvent.key !== "Enter") return;
        if (map.getZoom() >= map.getMaxZoom()) event.layer.spiderfy();
        else event.layer.zoomToBounds();
        map.getContainer().focus(); // the cluster's element is gone; stay on the map
      });
      clusters.addLayer(layer);
      map.addLayer(clusters);
    }

    fetch(element.dataset.geojsonUrl, { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (collection) {
        var layer = L.geoJSON(collection, {
          pointToLayer: function (feature, latlng) {
            var name = feature.properties.name;
            return L.marker(latlng, {
              icon: new MarkerIcon(L.extend({ label: name }, markerIcon)),
              alt: name,
              title: name,
              keyboard: true,
            });
          },
          onEachFeature: function (feature, marker) {
            marker.bindPopup(popupContent(feature.properties));
          },
        });
        var count = collection.features.length;
        show(layer, count);
        setStatus(count + " " + (count === 1 ? one : many) + " op de kaart.");
      })
      .catch(function () {
        map.setView(NETHERLANDS.center, NETHERLANDS.zoom);
        setStatus(
          "De kaart kon niet worden geladen. Alle " +
            many +
            " staan in de lijst hieronder."
        );
      });
  }

  function locationMap(element) {
    // Decoration beside the write-up: no controls, nothing to tab to.
    var point = [parseFloat(element.dataset.lat), parseFloat(element.dataset.lng)];
    var map = L.map(element, {
      keyboard: false,
      zoomControl: false,
      attributionControl: false,
      scrollWheelZoom: false,
    });
    map.setView(point, 10);
    tileLayer(element, false).addTo(map);
    L.marker(point, { icon: L.icon(markerIcon), keyboard: false, interactive: false }).addTo(map);
  }

  function copyLinks() {
    document.querySelectorAll("[data-copy-link]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        if (!navigator.clipboard) return; // the plain link still works
        event.preventDefault();
        var status = link.parentElement.querySelector("[data-copy-status]");
        navigator.clipboard.writeText(link.href).then(function () {
          if (status) status.textContent = "Link gekopieerd.";
        });
      });
    });
  }

  function shortFilterUrls() {
    // Leave empty filters out of the URL, so a shared link shows only what was chosen.
    var form = document.querySelector("[data-filter-form]");
    if (!form) return;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var params = new URLSearchParams();
      new FormData(form).forEach(function (value, name) {
        if (String(value).trim()) params.append(name, value);
      });
      var query = params.toString();
      window.location.assign(form.action + (query ? "?" + query : ""));
    });
  }

  var script = document.currentScript;
  copyLinks();
  shortFilterUrls();
  if (typeof L === "undefined") {
    // Leaflet did not load: the maps' places (kept free from the first paint, see
    // site.css) go, and the lists say it all.
    document.querySelectorAll("[data-map-wrap]").forEach(function (wrap) {
      wrap.remove();
    });
    return;
  }
  // Leaflet's marker image and its size (as L.Icon.Default has them). Leaflet guesses the
  // image's URL from its stylesheet's, which fails once static file names are hashed: the
  // template gives the real ones, with the sharp one for high-density screens. No shadow:
  // Leaflet ships that at one resolution only, blurred on phones.
  markerIcon = {
    iconUrl: script.dataset.markerIcon,
    iconRetinaUrl: script.dataset.markerIconRetina,
    iconSize: [25, 41],
    iconAnchor: [12, 41],
    popupAnchor: [1, -34],
    tooltipAnchor: [16, -28],
  };

  document.querySelectorAll("[data-network-map]").forEach(function (element) {
    var wrap = element.closest("[data-map-wrap]");
    if (wrap) wrap.hidden = false;
    if (element.dataset.geojsonUrl) networkMap(element);
    else if (element.dataset.lat) locationMap(element);
  });
})();
