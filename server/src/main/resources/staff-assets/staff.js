// Civic311 staff pages: maps (Leaflet) and the response-template picker. Pages work without it.
(function () {
  'use strict';
  // Leaflet otherwise fetches a marker image only to find its image folder.
  if (window.L) { L.Icon.Default.imagePath = '/staff/assets/leaflet/images/'; }
  var settings = document.getElementById('map-settings');

  function baseMap(element, lat, lon, zoom) {
    var map = L.map(element).setView([lat, lon], zoom);
    L.tileLayer(settings.dataset.tiles, { maxZoom: 19, attribution: settings.dataset.attribution }).addTo(map);
    return map;
  }

  if (settings && window.L) {
    var queueMap = document.getElementById('queue-map');
    if (queueMap) {
      var points = JSON.parse(queueMap.dataset.points || '[]');
      var map = baseMap(queueMap, Number(settings.dataset.lat), Number(settings.dataset.lon),
        Number(settings.dataset.zoom));
      var bounds = [];
      points.forEach(function (p) {
        var marker = L.marker([p.lat, p.lon], { title: p.label, alt: p.label }).addTo(map);
        var link = document.createElement('a');
        link.href = p.url;
        link.textContent = p.label;
        marker.bindPopup(link);
        bounds.push([p.lat, p.lon]);
      });
      if (bounds.length > 0) {
        map.fitBounds(bounds, { maxZoom: 16, padding: [20, 20] });
      }
    }
    var one = document.getElementById('request-map');
    if (one) {
      var lat = Number(one.dataset.lat), lon = Number(one.dataset.lon);
      var small = baseMap(one, lat, lon, 17);
      L.marker([lat, lon], { title: 'The request', alt: 'The request' }).addTo(small);
    }
  }

  // A prepared note fills the note field, and its suggested status the status list.
  document.querySelectorAll('.template-picker').forEach(function (picker) {
    picker.addEventListener('change', function () {
      var option = picker.options[picker.selectedIndex];
      if (!option.value) { return; }
      document.getElementById(picker.dataset.target).value = option.value;
      var status = option.dataset.status;
      if (status) { document.getElementById(picker.dataset.status).value = status; }
    });
  });
}());
