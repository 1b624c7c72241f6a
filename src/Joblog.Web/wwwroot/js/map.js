// The map on /joblog/kort: reads the markers from <script type="application/json" id="map-data"> (no inline
// script: the CSP forbids it) and shows them on a Leaflet map. The table on the page lists the same logs, so the
// page is complete without this script or without tiles; a notice is shown when the tiles cannot be loaded.
(function () {
    "use strict";
    var data = document.getElementById("map-data");
    var container = document.getElementById("evidence-map");
    if (!data || !container || typeof L === "undefined") return;
    var config = JSON.parse(data.textContent);
    if (!config.home && config.places.length === 0) return;

    container.hidden = false;
    // No fade: popups appear at once (and are never measured half-transparent).
    var map = L.map(container, { scrollWheelZoom: false, fadeAnimation: false });
    var tiles = L.tileLayer(config.tileUrl, { attribution: config.attribution, maxZoom: 18 }).addTo(map);
    var failed = document.getElementById("map-tiles-failed");
    tiles.once("tileerror", function () { if (failed) failed.hidden = false; });

    function popup(place) {
        var box = document.createElement("div");
        var heading = document.createElement("p");
        heading.className = "evidence-map-popup-heading";
        heading.textContent = place.label;
        box.appendChild(heading);
        var list = document.createElement("ul");
        list.className = "evidence-map-popup-list";
        place.logs.forEach(function (log) {
            var item = document.createElement("li");
            var link = document.createElement("a");
            link.href = log.url;
            link.textContent = log.title;
            item.appendChild(link);
            if (log.employer) item.appendChild(document.createTextNode(", " + log.employer));
            list.appendChild(item);
        });
        box.appendChild(list);
        return box;
    }

    var bounds = [];
    config.places.forEach(function (place) {
        var marker = L.marker([place.lat, place.lon], { title: place.label, alt: place.label, keyboard: true });
        marker.bindPopup(popup(place)).addTo(map);
        bounds.push([place.lat, place.lon]);
    });
    if (config.home) {
        L.circleMarker([config.home.lat, config.home.lon], { radius: 9, weight: 3, color: "#1a1a1a", fillColor: "#ffffff", fillOpacity: 1 })
            .bindTooltip(config.home.label, { permanent: true, direction: "right" })
            .addTo(map);
        bounds.push([config.home.lat, config.home.lon]);
    }
    if (bounds.length === 1) map.setView(bounds[0], 11);
    else map.fitBounds(bounds, { padding: [30, 30], maxZoom: 12 });
})();
