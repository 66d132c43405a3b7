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

  // The region and province outlines (our own static TopoJSON files) are every map's base
  // layer, so a map reads well with no tile server at all. Tiles, when configured, lie
  // underneath; the land is then lightly filled, so the tiles show through.
  var LAND = { color: "#7b8494", weight: 0.8, fillColor: "#f4f1e8" };
  var HIGHLIGHT = { color: "#0b4f8a", weight: 3, fillColor: "#cfe0f1", fillOpacity: 0.75 };
  var boundaryFiles = {}; // URL → promise of its features, each file fetched once a page

  function topologyFeatures(topology) {
    // TopoJSON → GeoJSON features: delta-decode the quantized arcs, then stitch each ring
    // from its arcs (a negative index is arc ~index reversed; joining points kept once).
    var scale = topology.transform.scale;
    var move = topology.transform.translate;
    var arcs = topology.arcs.map(function (arc) {
      var x = 0;
      var y = 0;
      return arc.map(function (delta) {
        x += delta[0];
        y += delta[1];
        return [x * scale[0] + move[0], y * scale[1] + move[1]];
      });
    });
    function ring(indexes) {
      var points = [];
      indexes.forEach(function (index) {
        var arc = index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
        points = points.concat(points.length ? arc.slice(1) : arc);
      });
      return points;
    }
    var object = topology.objects[Object.keys(topology.objects)[0]];
    return object.geometries.map(function (geometry) {
      var polygons = geometry.type === "Polygon" ? [geometry.arcs] : geometry.arcs;
      var coordinates = polygons.map(function (polygon) {
        return polygon.map(ring);
      });
      return {
        type: "Feature",
        properties: geometry.properties,
        geometry: {
          type: geometry.type,
          coordinates: geometry.type === "Polygon" ? coordinates[0] : coordinates,
        },
      };
    });
  }

  function boundaries(url) {
    if (!boundaryFiles[url]) {
      boundaryFiles[url] = fetch(url)
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(topologyFeatures);
    }
    return boundaryFiles[url];
  }

  function notice(element, text) {
    var wrap = element.closest("[data-map-wrap]");
    var line = wrap && wrap.querySelector("[data-map-notice]");
    if (line) {
      line.textContent = text;
      line.hidden = false;
    }
  }

  // The base layer: outlines, then tiles if a tile URL is set. Resolves to the regions'
  // layer once drawn. ``options.onRegion(layer)`` lets a map make the regions do more.
  function baseLayer(map, element, options) {
    var hasTiles = Boolean(element.dataset.tileUrl);
    var regionsLayer;
    if (hasTiles) {
      var tiles = tileLayer(element, options.attribution).addTo(map);
      // One failed tile is enough: drop the tiles (no grey holes), fill the land, say so.
      tiles.once("tileerror", function () {
        map.removeLayer(tiles);
        if (regionsLayer) regionsLayer.setStyle({ fillOpacity: 1 });
        hasTiles = false;
        notice(
          element,
          "De achtergrondkaart kon niet worden geladen; de kaart toont alleen de grenzen van provincies en regio's."
        );
      });
    }
    return Promise.all([
      boundaries(element.dataset.regionsUrl),
      boundaries(element.dataset.provincesUrl),
    ]).then(function (files) {
      regionsLayer = L.geoJSON(files[0], {
        style: function () {
          return L.extend({ fillOpacity: hasTiles ? 0.3 : 1 }, LAND);
        },
        interactive: Boolean(options.onRegion),
        attribution: options.attribution ? element.dataset.boundariesAttribution : "",
        onEachFeature: function (feature, layer) {
          if (feature.properties.statnaam === element.dataset.regionName) {
            layer.setStyle(HIGHLIGHT);
            layer.highlighted = true;
          }
        },
      }).addTo(map);
      L.geoJSON(files[1], {
        style: { color: "#3d4450", weight: 1.6, fill: false },
        interactive: false,
      }).addTo(map);
      if (options.onRegion) regionsLayer.eachLayer(options.onRegion);
      return regionsLayer;
    });
  }

  function highlightedBounds(regionsLayer) {
    var found = null;
    regionsLayer.eachLayer(function (layer) {
      if (layer.highlighted) found = layer.getBounds();
    });
    return found;
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

  function setStatus(element, text) {
    var wrap = element.closest("[data-map-wrap]");
    var status = wrap && wrap.querySelector("[data-map-status]");
    if (status) status.textContent = text;
  }

  // On the network map a region is a control for the region filter: a click, or Enter or
  // Space on the focused outline, picks it in the filter form and submits it, so the list,
  // the map and the URL (to share) change exactly as with the form.
  function regionFilter(element) {
    var form = document.querySelector("[data-filter-form]");
    var select = form && form.querySelector("select[name=regio]");
    if (!select) return null;
    var slugs = {};
    Array.prototype.forEach.call(select.options, function (option) {
      if (option.value) slugs[option.textContent.trim()] = option.value;
    });
    return function (layer) {
      var name = layer.feature.properties.statnaam;
      var slug = slugs[name];
      var path = layer.getElement && layer.getElement();
      if (!slug || !path) return;
      function choose() {
        select.value = slug;
        form.requestSubmit();
      }
      layer.on("click", choose);
      path.setAttribute("tabindex", "0");
      path.setAttribute("role", "button");
      path.setAttribute("aria-label", "Toon alleen regio " + name);
      path.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        choose();
      });
    };
  }

  function networkMap(element) {
    // Other maps (e.g. the regions) name what they show in data-noun-one/-many.
    var one = element.dataset.nounOne || "samenwerking";
    var many = element.dataset.nounMany || "samenwerkingen";
    var MarkerIcon = labelledIcon(L.Icon);
    var ClusterIcon = labelledIcon(L.DivIcon);
    // The zoom limit is the map's own: without tiles there is no layer to give one (the
    // cluster plugin needs it).
    var map = L.map(element, { zoomControl: false, scrollWheelZoom: false, maxZoom: 18 });
    L.control.zoom({ zoomInTitle: "Inzoomen", zoomOutTitle: "Uitzoomen" }).addTo(map);
    map.attributionControl.setPrefix(false);
    // Leaflet draws the outlines only on a map with a view: the country until the data is in.
    map.setView(NETHERLANDS.center, NETHERLANDS.zoom);
    // Filtered on one region: that region is outlined and the map shows all of it.
    var picked = document.querySelector("[data-filter-form] select[name=regio]");
    if ("regionFilter" in element.dataset && picked && picked.value) {
      element.dataset.regionName = picked.selectedOptions[0].textContent.trim();
    }
    var base = baseLayer(map, element, {
      attribution: true,
      onRegion: "regionFilter" in element.dataset ? regionFilter(element) : null,
    });

    function show(layer, count, regionsLayer) {
      // The view jumps to the data before the markers are added, so clusters never animate
      // into place. A region's map shows the whole region, not only where its markers are.
      var region = regionsLayer && highlightedBounds(regionsLayer);
      var still = { padding: [10, 10], animate: false };
      if (region) map.fitBounds(region, still);
      else if (count) map.fitBounds(layer.getBounds(), L.extend(still, { padding: [30, 30], maxZoom: 11 }));
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

    var regionsLayer = null;
    base
      .then(function (layer) {
        regionsLayer = layer;
      })
      .catch(function () {
        notice(element, "De grenzen van de regio's konden niet worden geladen.");
      })
      .then(function () {
        return fetch(element.dataset.geojsonUrl, { headers: { Accept: "application/geo+json" } });
      })
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
        show(layer, count, regionsLayer);
        setStatus(element, count + " " + (count === 1 ? one : many) + " op de kaart.");
      })
      .catch(function () {
        map.setView(NETHERLANDS.center, NETHERLANDS.zoom);
        setStatus(
          element,
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
    baseLayer(map, element, { attribution: false }).catch(function () {
      // Without outlines the marker still shows where it is; nothing to tell.
    });
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
