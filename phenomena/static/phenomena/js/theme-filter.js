// Tema narrowed by Subjek: a theme select with data-subject-field="subject" offers only the
// option groups whose options carry data-subject equal to the chosen subject (all groups when
// no subject is chosen). A theme of another subject is cleared. Without this script every
// theme stays offered, grouped by subject, and the server checks the pair.
(function () {
  "use strict";
  function setup(theme) {
    if (theme.dataset.themeFilterReady) return;
    var form = theme.form;
    var subject = form && form.querySelector('[name="' + theme.dataset.subjectField + '"]');
    if (!subject) return;
    theme.dataset.themeFilterReady = "1";
    // Each group of themes with its subject, taken from its first option.
    var groups = Array.prototype.map.call(theme.querySelectorAll("optgroup"), function (group) {
      var first = group.querySelector("option[data-subject]");
      return { element: group, subject: first ? first.dataset.subject : "" };
    });

    function refresh() {
      var chosen = subject.value;
      var current = theme.value;
      // Remove every group, then put back the offered ones in their original order.
      groups.forEach(function (group) {
        group.element.remove();
      });
      groups.forEach(function (group) {
        if (!chosen || group.subject === chosen) theme.appendChild(group.element);
      });
      // Keep the chosen theme if it is still offered, else fall back to the empty choice.
      theme.value = current;
      if (theme.value !== current) theme.value = "";
    }

    subject.addEventListener("change", refresh);
    refresh();
  }
  function init() {
    document.querySelectorAll("select[data-subject-field]").forEach(setup);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
