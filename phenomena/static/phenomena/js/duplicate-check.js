// Live duplicate check of the phenomenon form: on leaving the title, narrative or a source URL
// field, ask the server (…/duplicates/check/) and list the possible duplicates.
(function () {
  "use strict";
  function init() {
    var box = document.querySelector("[data-duplicate-check]");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    var form = box.closest("form");
    var live = box.querySelector("[data-duplicate-live]");
    var confirmBox = box.querySelector("[data-not-duplicate]");
    var timer = null;
    var last = "";

    function value(name) {
      var el = form.querySelector('[name="' + name + '"]');
      return el ? el.value : "";
    }
    function params() {
      var p = new URLSearchParams();
      ["title", "narrative", "reference_period", "scope", "area"].forEach(function (n) {
        p.append(n, value(n));
      });
      form.querySelectorAll('input[name^="sources-"][name$="-url"]').forEach(function (el) {
        var del = form.querySelector('[name="' + el.name.replace(/-url$/, "-DELETE") + '"]');
        if (el.value && !(del && (del.checked || del.value === "1"))) p.append("urls", el.value);
      });
      if (box.dataset.exclude) p.append("exclude", box.dataset.exclude);
      return p.toString();
    }
    function esc(text) {
      var d = document.createElement("div");
      d.textContent = text == null ? "" : String(text);
      return d.innerHTML;
    }
    function render(data) {
      var items = data.matches || [];
      if (!items.length) {
        live.innerHTML = '<p class="help">' + esc(data.message_none) + "</p>";
        return;
      }
      var html = '<div class="help-block help-warning"><p><strong>' + esc(data.message) +
        "</strong></p><ul>";
      items.forEach(function (m) {
        var title = m.link ? '<a href="' + esc(m.link) + '" target="_blank" rel="noopener">' +
          esc(m.title) + "</a>" : esc(m.title);
        html += '<li data-duplicate-kind="' + esc(m.kind) + '">' + title + " — " +
          esc(m.outlet || "-") + ", " + esc(m.date || "-") + ", " + esc(m.reference_period) +
          ", <em>" + esc(m.status) + "</em><br><small>" + esc(m.explanation) + "</small></li>";
      });
      live.innerHTML = html + "</ul></div>";
      if (confirmBox && items.some(function (m) { return m.kind === "warn"; })) {
        confirmBox.hidden = false;
      }
    }
    function run() {
      var query = params();
      if (query === last || !value("title")) return;
      last = query;
      fetch(box.dataset.url + "?" + query, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (data) render(data); })
        .catch(function () {});
    }
    form.addEventListener("focusout", function (event) {
      var name = event.target && event.target.name;
      if (!name) return;
      if (name === "title" || name === "narrative" || /^sources-\d+-url$/.test(name)) {
        clearTimeout(timer);
        timer = setTimeout(run, 150);
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
