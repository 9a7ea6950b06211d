/* No input lost (docs/offline.md): the phenomenon form keeps a copy of what is typed in this
 * browser, under the signed-in user's own key (an HMAC of their id, rendered by the server:
 * another user of the same browser has another key and never sees this one's copies). A save
 * asks the server first (ping); when the server or the session is gone, the page stays, says
 * so, keeps the copy and offers "Kirim ulang" once the server answers again. The copy goes
 * when the server confirms the save (the page after it names the form's token). */
(function () {
  "use strict";

  var script = document.querySelector("script[data-isian-key]");
  if (!script || !window.localStorage) return;
  var cfg = script.dataset;
  var texts = JSON.parse(cfg.texts || "{}");
  var storeKey = "simfoni-isian:" + cfg.isianKey;
  var FORM_PATH = /\/phenomena\/phenomenon\/(add|edit\/[^/]+|copy\/[^/]+)\/$/;
  var SKIP = { csrfmiddlewaretoken: true };
  SKIP[cfg.tokenField] = true;

  function load() {
    try {
      var all = JSON.parse(window.localStorage.getItem(storeKey));
      return all && typeof all === "object" ? all : {};
    } catch (e) {
      return {};
    }
  }

  function store(all) {
    try {
      if (Object.keys(all).length) window.localStorage.setItem(storeKey, JSON.stringify(all));
      else window.localStorage.removeItem(storeKey);
    } catch (e) {
      /* storage full or disabled: nothing more to do */
    }
  }

  function newToken() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map
      .call(bytes, function (b) {
        return ("0" + b.toString(16)).slice(-2);
      })
      .join("");
  }

  /* Is the server there, and is the session alive? {state: "ok"|"offline"|"expired"}. */
  function ping() {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller && setTimeout(function () { controller.abort(); }, 8000);
    return fetch(cfg.pingUrl, {
      credentials: "same-origin",
      redirect: "manual",
      cache: "no-store",
      headers: { Accept: "application/json" },
      signal: controller ? controller.signal : undefined,
    })
      .then(function (response) {
        if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
          return { state: "expired" };
        }
        if (!response.ok) return { state: "offline" };
        return response.json().then(function (data) {
          return data && data.ok ? { state: "ok", csrf: data.csrf } : { state: "expired" };
        });
      })
      .catch(function () {
        return { state: "offline" };
      })
      .then(function (result) {
        if (timer) clearTimeout(timer);
        return result;
      });
  }

  /* A confirmed save: the page after it names the token. */
  var params = new URLSearchParams(window.location.search);
  var saved = params.get(cfg.savedParam);
  if (saved) {
    var all = load();
    delete all[saved];
    store(all);
    params.delete(cfg.savedParam);
    var query = params.toString();
    window.history.replaceState(
      window.history.state,
      "",
      window.location.pathname + (query ? "?" + query : "") + window.location.hash
    );
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    if (text) node.textContent = text;
    return node;
  }

  function when(timestamp) {
    // In the page's language ("6 Des 2026, 00.08"), not the browser's default.
    var lang = document.documentElement.lang || undefined;
    try {
      return new Date(timestamp).toLocaleString(lang, { dateStyle: "medium", timeStyle: "short" });
    } catch (error) {
      return new Date(timestamp).toLocaleString();
    }
  }

  function findForm() {
    var forms = document.querySelectorAll("form[method=post], form[method=POST]");
    for (var i = 0; i < forms.length; i++) {
      var path = new URL(forms[i].action, window.location.href).pathname;
      if (FORM_PATH.test(path) && forms[i].querySelector("[name=title]")) return forms[i];
    }
    return null;
  }

  /* --- The list page ------------------------------------------------------------------- */

  function listPage(box) {
    var t = box.dataset;
    function render() {
      var all = load();
      var entries = Object.keys(all)
        .map(function (token) { return all[token]; })
        .filter(function (entry) { return entry && entry.path && Array.isArray(entry.fields); })
        .sort(function (a, b) { return b.savedAt - a.savedAt; });
      box.textContent = "";
      if (!entries.length) {
        box.appendChild(el("p", { "data-isian-empty": "" }, t.empty));
        return;
      }
      var table = el("table", { class: "listing simfoni-cards" });
      var body = el("tbody");
      entries.forEach(function (entry) {
        var row = el("tr", { "data-isian-token": entry.token });
        var titleCell = el("td");
        titleCell.appendChild(el("strong", {}, entry.title || t.untitled));
        titleCell.appendChild(el("div", {}, /\/edit\//.test(entry.path) ? t.edit : t.new));
        row.appendChild(titleCell);
        row.appendChild(el("td", {}, t.savedAt + ": " + when(entry.savedAt)));
        row.appendChild(el("td", {}, t["state" + entry.state.charAt(0).toUpperCase() + entry.state.slice(1)] || ""));
        var actions = el("td", { class: "simfoni-isian-actions" });
        var buttons = el("div", { class: "simfoni-button-row w-flex w-flex-wrap w-gap-2" });
        var message = el("p", { class: "help-block help-warning", role: "alert", hidden: "" });
        var resend = el("button", { type: "button", class: "button button-small" }, t.resend);
        resend.addEventListener("click", function () {
          resend.disabled = true;
          ping().then(function (result) {
            if (result.state !== "ok") {
              message.textContent = result.state === "expired" ? t.expired : t.offline;
              message.hidden = false;
              resend.disabled = false;
              return;
            }
            post(entry, result.csrf);
          });
        });
        var open = el("a", { href: entry.page || entry.path, class: "button button-small button-secondary" }, t.open);
        var discard = el("button", { type: "button", class: "button button-small no" }, t.discard);
        discard.addEventListener("click", function () {
          if (!window.confirm(t.confirmDiscard)) return;
          var current = load();
          delete current[entry.token];
          store(current);
          render();
        });
        buttons.appendChild(resend);
        buttons.appendChild(open);
        buttons.appendChild(discard);
        actions.appendChild(buttons);
        actions.appendChild(message);
        row.appendChild(actions);
        body.appendChild(row);
      });
      table.appendChild(body);
      box.appendChild(table);
    }
    render();
  }

  /* Send a stored copy as the form would have: the server answers as to the form itself. */
  function post(entry, csrf) {
    var all = load();
    if (all[entry.token]) {
      all[entry.token].state = "sending";
      store(all);
    }
    var form = el("form", { method: "post", action: entry.path, hidden: "" });
    function add(name, value) {
      var input = el("input", { type: "hidden", name: name });
      input.value = value;
      form.appendChild(input);
    }
    add("csrfmiddlewaretoken", csrf);
    entry.fields.forEach(function (pair) { add(pair[0], pair[1]); });
    add(cfg.tokenField, entry.token);
    if (entry.submitter) add(entry.submitter[0], entry.submitter[1]);
    document.body.appendChild(form);
    form.submit();
  }

  /* --- The phenomenon form ------------------------------------------------------------- */

  function formPage(form) {
    var path = new URL(form.action, window.location.href).pathname;
    var token = newToken();
    var entries = load();
    if (cfg.postedToken && entries[cfg.postedToken]) {
      /* This page answers the POST of our copy (shown again with errors): keep it. */
      token = cfg.postedToken;
      entries[token].state = "typing";
      store(entries);
    }
    var submitter = null;
    var passing = false;
    var pollTimer = null;

    var status = el("div", { class: "help-block help-warning", role: "alert", "data-isian-status": "" });
    status.hidden = true;
    form.insertBefore(status, form.firstChild);

    function fields() {
      var pairs = [];
      new FormData(form).forEach(function (value, name) {
        if (typeof value === "string" && !SKIP[name]) pairs.push([name, value]);
      });
      return pairs;
    }

    function save(state) {
      var all = load();
      var previous = all[token];
      var title = form.querySelector("[name=title]");
      all[token] = {
        token: token,
        path: path,
        page: window.location.pathname,
        title: title ? title.value : "",
        fields: fields(),
        submitter: submitter || (previous && previous.submitter) || null,
        state: state || (previous && previous.state === "unsent" ? "unsent" : "typing"),
        savedAt: Date.now(),
      };
      store(all);
    }

    var typingTimer = null;
    function typed() {
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { save(); }, 300);
    }
    form.addEventListener("input", typed);
    form.addEventListener("change", typed);
    window.addEventListener("pagehide", function () {
      if (typingTimer) {
        clearTimeout(typingTimer);
        typingTimer = null;
        save();
      }
    });

    function show(message, withResend) {
      status.textContent = "";
      status.appendChild(el("p", {}, message));
      if (withResend) {
        var again = el("button", { type: "button", class: "button", "data-isian-resend": "" }, texts.resend);
        again.addEventListener("click", function () { attempt(); });
        status.appendChild(again);
        status.appendChild(document.createTextNode(" "));
      }
      status.appendChild(el("a", { href: cfg.listUrl }, texts.listLink));
      status.hidden = false;
      status.scrollIntoView({ block: "center" });
    }

    /* Wagtail's buttons show "saving…" and disable themselves on click: undo that. */
    function releaseButtons() {
      form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (button) {
        button.disabled = false;
        if (button.hasAttribute("data-w-progress-loading-value")) {
          button.setAttribute("data-w-progress-loading-value", "false");
        }
      });
    }

    function setCsrf(csrf) {
      if (!csrf) return;
      form.querySelectorAll("[name=csrfmiddlewaretoken]").forEach(function (input) {
        input.value = csrf;
      });
    }

    function poll() {
      clearInterval(pollTimer);
      pollTimer = setInterval(function () {
        ping().then(function (result) {
          if (result.state !== "ok") return;
          clearInterval(pollTimer);
          setCsrf(result.csrf);
          show(texts.back, true);
        });
      }, parseInt(cfg.interval, 10) || 3000);
    }

    function send() {
      var input = form.querySelector("input[name=" + cfg.tokenField + "]");
      if (!input) {
        input = el("input", { type: "hidden", name: cfg.tokenField });
        form.appendChild(input);
      }
      input.value = token;
      passing = true;
      var button = submitter && form.querySelector('[type=submit][name="' + submitter[0] + '"]');
      if (button) {
        button.disabled = false;
        form.requestSubmit(button);
      } else {
        form.requestSubmit();
      }
    }

    function attempt() {
      clearInterval(pollTimer);
      save("sending");
      ping().then(function (result) {
        if (result.state === "ok") {
          setCsrf(result.csrf);
          status.hidden = true;
          send();
          return;
        }
        save("unsent");
        releaseButtons();
        show(result.state === "expired" ? texts.expired : texts.offline, false);
        poll();
      });
    }

    /* Capture phase: before Wagtail's own submit handlers, which run only when we send. */
    document.addEventListener(
      "submit",
      function (event) {
        if (event.target !== form) return;
        if (passing) {
          passing = false;
          return;
        }
        event.preventDefault();
        event.stopImmediatePropagation();
        var button = event.submitter;
        submitter = button && button.name ? [button.name, button.value || "1"] : null;
        attempt();
      },
      true
    );

    /* A copy of this form from earlier (closed browser, failed save): offer it back. */
    var older = Object.keys(entries)
      .map(function (key) { return entries[key]; })
      .filter(function (entry) {
        return entry && entry.path === path && entry.token !== token && Array.isArray(entry.fields);
      })
      .sort(function (a, b) { return b.savedAt - a.savedAt; })[0];
    if (older) {
      var offer = el("div", { class: "help-block help-info", role: "status", "data-isian-restore": "" });
      offer.appendChild(el("p", {}, texts.restore.replace("%(time)s", when(older.savedAt))));
      var restore = el("button", { type: "button", class: "button" }, texts.restoreButton);
      var discard = el("button", { type: "button", class: "button button-secondary no" }, texts.discard);
      restore.addEventListener("click", function () {
        fill(form, older.fields);
        token = older.token; /* the same form: a resend is stored once */
        submitter = older.submitter;
        offer.remove();
        save();
        show(texts.restored, false);
      });
      discard.addEventListener("click", function () {
        var all = load();
        delete all[older.token];
        store(all);
        offer.remove();
      });
      offer.appendChild(restore);
      offer.appendChild(document.createTextNode(" "));
      offer.appendChild(discard);
      form.insertBefore(offer, form.firstChild);
    }
  }

  function fill(form, pairs) {
    var values = {};
    var order = [];
    pairs.forEach(function (pair) {
      if (!values[pair[0]]) {
        values[pair[0]] = [];
        order.push(pair[0]);
      }
      values[pair[0]].push(pair[1]);
    });
    /* Inline rows (sources, indicators): add rows until there are as many as stored. */
    order.forEach(function (name) {
      if (!/-TOTAL_FORMS$/.test(name)) return;
      var total = form.querySelector('[name="' + name + '"]');
      var add = document.getElementById("id_" + name.replace(/-TOTAL_FORMS$/, "") + "-ADD");
      var wanted = parseInt(values[name][0], 10);
      for (var guard = 0; total && add && parseInt(total.value, 10) < wanted && guard < 50; guard++) {
        add.click();
      }
    });
    order.forEach(function (name) {
      if (/-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$/.test(name) || /^loaded_revision/.test(name)) return;
      form.querySelectorAll('[name="' + name.replace(/"/g, '\\"') + '"]').forEach(function (field) {
        var wanted = values[name];
        if (field.type === "checkbox" || field.type === "radio") {
          field.checked = wanted.indexOf(field.value) !== -1;
        } else if (field.tagName === "SELECT" && field.multiple) {
          Array.prototype.forEach.call(field.options, function (option) {
            option.selected = wanted.indexOf(option.value) !== -1;
          });
        } else if (field.type !== "file") {
          field.value = wanted[0];
        }
        field.dispatchEvent(new Event("input", { bubbles: true }));
        field.dispatchEvent(new Event("change", { bubbles: true }));
      });
    });
  }

  var form = findForm();
  if (form) formPage(form);
  var box = document.querySelector("[data-isian-list]");
  if (box) listPage(box);
})();
