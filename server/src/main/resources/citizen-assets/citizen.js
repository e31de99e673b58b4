// Civic311 public pages: the place picker, "use my location", photo shrinking, the service
// search and the browse map. Every page works without this script.
(function () {
  'use strict';
  // Leaflet otherwise fetches a marker image only to find its image folder.
  if (window.L) { L.Icon.Default.imagePath = '/static/leaflet/images/'; }
  var settings = document.getElementById('map-settings');
  var MAX_SIDE = 1600;

  function show(selector) {
    document.querySelectorAll(selector).forEach(function (e) { e.hidden = false; });
  }

  function baseMap(element, lat, lon, zoom) {
    element.hidden = false;
    var map = L.map(element, { keyboard: true }).setView([lat, lon], zoom);
    var failed = false;
    L.tileLayer(settings.dataset.tiles, { maxZoom: 19, attribution: settings.dataset.attribution })
      .on('tileerror', function () {
        if (failed) { return; }
        failed = true;
        var note = document.createElement('p');
        note.className = 'map-failed';
        note.textContent = settings.dataset.noTiles;
        element.parentNode.insertBefore(note, element.nextSibling);
      }).addTo(map);
    return map;
  }

  // After a submit, the list of problems (or of nearby reports) takes the focus, so keyboard and
  // screen-reader users start there.
  var first = document.getElementById('problems') || document.getElementById('nearby-h');
  if (first) { first.focus(); }

  // Service search: filters the list as one types.
  var search = document.querySelector('[data-filter]');
  if (search) {
    var list = document.getElementById(search.dataset.filter);
    search.addEventListener('input', function () {
      var q = search.value.trim().toLowerCase();
      list.querySelectorAll('li[data-text]').forEach(function (li) {
        li.hidden = q !== '' && li.dataset.text.toLowerCase().indexOf(q) < 0;
      });
      list.querySelectorAll('section.group').forEach(function (g) {
        g.hidden = g.querySelectorAll('li[data-text]:not([hidden])').length === 0;
      });
    });
  }

  // The place picker.
  var pick = document.getElementById('pick-map');
  if (pick && settings && window.L) {
    show('.js-only');
    var latInput = document.getElementById('lat');
    var lonInput = document.getElementById('long');
    var status = document.getElementById('locate-status');
    var start = latInput.value ? [Number(latInput.value), Number(lonInput.value)]
      : [Number(settings.dataset.lat), Number(settings.dataset.lon)];
    var map = baseMap(pick, start[0], start[1], latInput.value ? 17 : Number(settings.dataset.zoom));
    var marker = null;
    var place = function (lat, lon, message) {
      latInput.value = lat.toFixed(6);
      lonInput.value = lon.toFixed(6);
      if (marker) { marker.setLatLng([lat, lon]); } else {
        marker = L.marker([lat, lon], { draggable: true, title: settings.dataset.here, alt: settings.dataset.here })
          .addTo(map);
        marker.on('dragend', function () {
          var p = marker.getLatLng();
          place(p.lat, p.lng, status.dataset.placed);
        });
      }
      status.textContent = message || '';
    };
    var locate = document.getElementById('locate');
    status.dataset.placed = locate ? locate.dataset.placed : '';
    if (latInput.value) { place(start[0], start[1], ''); }
    map.on('click', function (e) { place(e.latlng.lat, e.latlng.lng, status.dataset.placed); });
    if (locate && navigator.geolocation) {
      locate.addEventListener('click', function () {
        status.textContent = locate.dataset.locating;
        navigator.geolocation.getCurrentPosition(function (p) {
          place(p.coords.latitude, p.coords.longitude, locate.dataset.located);
          map.setView([p.coords.latitude, p.coords.longitude], 17);
        }, function () {
          status.textContent = locate.dataset.failed;
        }, { enableHighAccuracy: true, timeout: 10000 });
      });
    } else if (locate) {
      locate.hidden = true;
    }
  }

  // Photos: shrunk on the device to at most MAX_SIDE pixels, as JPEG, before upload.
  var media = document.getElementById('media');
  var form = document.getElementById('report-form');
  if (media && form && window.DataTransfer && HTMLCanvasElement.prototype.toBlob) {
    media.addEventListener('change', function () {
      var files = Array.prototype.slice.call(media.files);
      var shrunk = new DataTransfer();
      var pending = files.length;
      var button = document.getElementById('submit-report');
      if (pending === 0) { return; }
      button.disabled = true;
      var done = function () {
        pending -= 1;
        if (pending === 0) {
          media.files = shrunk.files;
          button.disabled = false;
        }
      };
      files.forEach(function (file) {
        if (!/^image\/(jpeg|png|webp)$/.test(file.type)) { shrunk.items.add(file); done(); return; }
        var img = new Image();
        var url = URL.createObjectURL(file);
        img.onload = function () {
          var scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
          if (scale === 1 && file.size < 1500000) { shrunk.items.add(file); URL.revokeObjectURL(url); done(); return; }
          var canvas = document.createElement('canvas');
          canvas.width = Math.round(img.naturalWidth * scale);
          canvas.height = Math.round(img.naturalHeight * scale);
          canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
          canvas.toBlob(function (blob) {
            URL.revokeObjectURL(url);
            shrunk.items.add(blob ? new File([blob], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' })
              : file);
            done();
          }, 'image/jpeg', 0.85);
        };
        img.onerror = function () { URL.revokeObjectURL(url); shrunk.items.add(file); done(); };
        img.src = url;
      });
    });
  }

  // The small map of a request, and the browse map (which can limit the list to its area).
  if (settings && window.L) {
    var small = document.getElementById('small-map');
    if (small) {
      var lat = Number(small.dataset.lat), lon = Number(small.dataset.lon);
      L.marker([lat, lon], { title: settings.dataset.here, alt: settings.dataset.here })
        .addTo(baseMap(small, lat, lon, 16));
    }
    var browse = document.getElementById('browse-map');
    if (browse) {
      show('.js-only');
      var bm = baseMap(browse, Number(settings.dataset.lat), Number(settings.dataset.lon), Number(settings.dataset.zoom));
      var bounds = [];
      JSON.parse(browse.dataset.points || '[]').forEach(function (p) {
        var m = L.marker([p.lat, p.lon], { title: p.label, alt: p.label }).addTo(bm);
        var a = document.createElement('a');
        a.href = p.url;
        a.textContent = p.label;
        m.bindPopup(a);
        bounds.push([p.lat, p.lon]);
      });
      var bbox = document.getElementById('bbox');
      var inArea = document.getElementById('in-area');
      if (bbox && bbox.value) {
        var b = bbox.value.split(',').map(Number);
        bm.fitBounds([[b[1], b[0]], [b[3], b[2]]]);
      } else if (bounds.length) {
        bm.fitBounds(bounds, { maxZoom: 16, padding: [20, 20] });
      }
      var sync = function () {
        if (!inArea || !inArea.checked) { bbox.value = ''; return; }
        var r = bm.getBounds();
        var clamp = function (n, limit) { return Math.max(-limit, Math.min(limit, n)).toFixed(5); };
        bbox.value = [clamp(r.getWest(), 180), clamp(r.getSouth(), 90), clamp(r.getEast(), 180),
          clamp(r.getNorth(), 90)].join(',');
      };
      bm.on('moveend', sync);
      if (inArea) { inArea.addEventListener('change', sync); }
    }
  }
}());
