// Civic311 statistics pages: draws the charts and the density map from the tables beside them,
// so a chart can never show other numbers than its table, and makes the tables sortable. The
// pages are whole without this script.
(function () {
  'use strict';

  function rows(id) {
    var table = document.getElementById(id);
    return table ? Array.prototype.slice.call(table.tBodies[0].rows) : [];
  }

  function number(text) {
    var n = parseFloat(String(text).replace(/[^0-9.\-]/g, ''));
    return isNaN(n) ? null : n;
  }

  function chart(element, option) {
    element.hidden = false;
    var c = echarts.init(element, null, { renderer: 'svg' });
    option.aria = { enabled: false };
    option.animation = false;
    option.tooltip = { trigger: 'axis' };
    option.grid = { left: 48, right: 16, top: 32, bottom: 72, containLabel: true };
    c.setOption(option);
    window.addEventListener('resize', function () { c.resize(); });
    return c;
  }

  if (window.echarts) {
    var series = document.getElementById('chart-series');
    if (series) {
      var r = rows('table-series');
      chart(series, {
        legend: { top: 0 },
        xAxis: { type: 'category', data: r.map(function (x) { return x.cells[0].textContent; }) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: series.dataset.labelRequested, type: 'line', data: r.map(function (x) { return number(x.cells[1].textContent); }) },
          { name: series.dataset.labelClosed, type: 'line', data: r.map(function (x) { return number(x.cells[2].textContent); }) }
        ]
      });
    }
    var services = rows('table-services').slice(0, 20);
    var names = services.map(function (x) { return x.cells[0].textContent; });
    var volume = document.getElementById('chart-volume');
    if (volume && services.length) {
      chart(volume, {
        xAxis: { type: 'category', data: names, axisLabel: { rotate: 30, interval: 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ name: volume.dataset.label, type: 'bar', data: services.map(function (x) { return number(x.cells[1].textContent); }) }]
      });
    }
    var days = document.getElementById('chart-days');
    if (days && services.length) {
      chart(days, {
        legend: { top: 0 },
        xAxis: { type: 'category', data: names, axisLabel: { rotate: 30, interval: 0 } },
        yAxis: { type: 'value' },
        series: [
          { name: days.dataset.labelMedian, type: 'bar', data: services.map(function (x) { return number(x.cells[4].textContent); }) },
          { name: days.dataset.labelP90, type: 'bar', data: services.map(function (x) { return number(x.cells[5].textContent); }) }
        ]
      });
    }
  }

  // The density map: a square per cell, darker for more reports, each a link to its reports.
  var mapElement = document.getElementById('stats-map');
  var settings = document.getElementById('map-settings');
  var cells = rows('table-cells');
  if (mapElement && settings && window.L && cells.length) {
    mapElement.hidden = false;
    L.Icon.Default.imagePath = '/static/leaflet/images/';
    var map = L.map(mapElement, { keyboard: true });
    L.tileLayer(settings.dataset.tiles, { maxZoom: 19, attribution: settings.dataset.attribution }).addTo(map);
    var most = Math.max.apply(null, cells.map(function (x) { return Number(x.dataset.n); }));
    var bounds = null;
    cells.forEach(function (x) {
      var b = [[Number(x.dataset.south), Number(x.dataset.west)], [Number(x.dataset.north), Number(x.dataset.east)]];
      var share = Number(x.dataset.n) / most;
      var link = x.querySelector('a').getAttribute('href');
      L.rectangle(b, { color: '#b3261e', weight: 0, fillOpacity: 0.15 + 0.6 * share })
        .bindTooltip(x.cells[1].textContent).on('click', function () { window.location.href = link; }).addTo(map);
      bounds = bounds ? bounds.extend(b) : L.latLngBounds(b);
    });
    map.fitBounds(bounds, { maxZoom: 15 });
  }

  // Sortable tables: each column heading becomes a button; aria-sort tells which order holds.
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, column) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var numeric = th.dataset.type === 'number';
        var body = table.tBodies[0];
        var sorted = Array.prototype.slice.call(body.rows).sort(function (a, b) {
          var x = a.cells[column].textContent;
          var y = b.cells[column].textContent;
          var c = numeric ? (number(x) === null ? -1 : number(x)) - (number(y) === null ? -1 : number(y))
            : x.localeCompare(y);
          return ascending ? c : -c;
        });
        sorted.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
