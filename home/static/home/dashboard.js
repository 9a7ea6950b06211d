/* Draws the dashboard charts with Chart.js (served from our static files). The same numbers are
   in the tables next to each chart, so nothing depends on this script. */
(function () {
  "use strict";
  function ready(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }
  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  var COLORS = ["#0b6fc2", "#e07b00", "#2e8b3a", "#8e44ad", "#c0392b", "#16a085"];
  ready(function () {
    if (!window.Chart) return;
    Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
    Chart.defaults.color = "#5b6b7c";
    var fmt = new Intl.NumberFormat("id-ID");
    var monthly = data("sd-data-monthly");
    var lineCanvas = document.querySelector('canvas[data-sd-chart="monthly"]');
    // Straight segments (tension 0): small counts (0–3) must not be drawn as waves that dip
    // below zero or peak between months.
    if (monthly && lineCanvas) {
      var datasets = monthly.series.map(function (s, i) {
        return { label: s.label, data: s.counts, borderColor: COLORS[i % COLORS.length],
                 backgroundColor: COLORS[i % COLORS.length], tension: 0, pointRadius: 2, borderWidth: 2 };
      });
      datasets.push({ label: "Total", data: monthly.total, borderColor: "#1d2733", backgroundColor: "#1d2733",
                      borderDash: [6, 4], tension: 0, pointRadius: 0, borderWidth: 2 });
      new Chart(lineCanvas, {
        type: "line",
        data: { labels: monthly.labels, datasets: datasets },
        options: {
          maintainAspectRatio: false, interaction: { mode: "index", intersect: false },
          plugins: { legend: { position: "bottom", labels: { boxWidth: 12, usePointStyle: true } },
                     tooltip: { callbacks: { label: function (c) { return c.dataset.label + ": " + fmt.format(c.parsed.y); } } } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 8 } } }
        }
      });
    }
    var subjects = data("sd-data-subjects");
    var donutCanvas = document.querySelector('canvas[data-sd-chart="subjects"]');
    if (subjects && donutCanvas) {
      new Chart(donutCanvas, {
        type: "doughnut",
        data: { labels: subjects.rows.map(function (r) { return r.label; }),
                datasets: [{ data: subjects.rows.map(function (r) { return r.count; }),
                             backgroundColor: subjects.rows.map(function (r, i) { return COLORS[i % COLORS.length]; }),
                             borderWidth: 2 }] },
        options: { maintainAspectRatio: false, cutout: "62%", plugins: { legend: { display: false } } }
      });
    }
  });
})();
