// Lab page: the editor (SQL, or Python for code labs), keyboard shortcuts,
// in-place results and hints, the draft's autosave and "load my last
// attempt". The page works without this file as a textarea and plain form
// posts: every button here is a form button or a link first.
(function () {
  "use strict";
  var form = document.getElementById("lab-form");
  if (!form) { return; }
  var textarea = form.querySelector("textarea[name=sql]");
  var draftURL = form.getAttribute("data-draft"); // signed-in learners only
  var draftStatus = form.querySelector('[data-testid="draft-status"]');
  var busy = false;
  var editor = null;

  function button(action) {
    return form.querySelector('[data-action="' + action + '"]');
  }
  function text() { return editor ? editor.getValue() : textarea.value; }

  // Swap the page's regions for the fresh ones an answer carries.
  function swap(html, ids) {
    var tpl = document.createElement("template");
    tpl.innerHTML = html;
    var found = false;
    ids.forEach(function (id) {
      var fresh = tpl.content.getElementById(id);
      var old = document.getElementById(id);
      if (fresh && old) { old.replaceWith(fresh); found = true; }
    });
    refreshLoadLast();
    return found;
  }

  // Run, Submit and a hint post the whole form, editor text included, and
  // ask for the result regions only. A hint swaps the hints alone, so the
  // result and the editor stay as they are.
  function send(action) {
    if (busy) { return; }
    var btn = button(action);
    if (!btn) { return; }
    busy = true;
    var result = document.getElementById("lab-result");
    var ids = action === "hint" ? ["hints"] : ["lab-result", "lab-solution", "lab-attempts", "lab-status"];
    var target = action === "hint" ? document.getElementById("hints") : result;
    target.setAttribute("aria-busy", "true");
    var buttons = form.querySelectorAll("button[data-action]");
    buttons.forEach(function (b) { b.disabled = true; });
    var label = btn.textContent;
    if (btn.getAttribute("data-busy")) { btn.textContent = btn.getAttribute("data-busy"); }
    var sent = text();
    fetch(btn.getAttribute("formaction"), {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Fragment": "1" },
      credentials: "same-origin"
    }).then(function (resp) {
      // The server kept the text as the draft unless a limit turned the
      // request away before it (429, 503).
      if (draftURL && resp.status !== 429 && resp.status < 500 && text() === sent) { draftSent(sent); }
      // A refused hint (the text is over 64 KB) says why in the result.
      if (action === "hint" && resp.status !== 200) { ids = ids.concat(["lab-result"]); }
      return resp.text().then(function (html) { return { ok: resp.status < 500, html: html }; });
    }).then(function (r) {
      if (!r.ok || !swap(r.html, ids)) {
        document.getElementById("lab-result").textContent = "The server could not answer. Try again in a moment.";
      }
    }).catch(function () {
      document.getElementById("lab-result").textContent = "The request failed. Check your connection and try again.";
    }).then(function () {
      busy = false;
      ["lab-result", "hints"].forEach(function (id) {
        var el = document.getElementById(id);
        if (el) { el.removeAttribute("aria-busy"); }
      });
      form.querySelectorAll("button[data-action]").forEach(function (b) { b.disabled = false; });
      btn.textContent = label;
      if (action === "hint") {
        var last = document.querySelector("#hints ol.hints li:last-child");
        if (last) { last.setAttribute("tabindex", "-1"); last.focus(); }
      } else {
        // The answer may sit below the editor, out of the workbench's view.
        var res = document.getElementById("lab-result");
        if (res && res.firstElementChild) { res.firstElementChild.scrollIntoView({ block: "nearest" }); }
      }
    });
  }

  form.addEventListener("submit", function (ev) {
    var submitter = ev.submitter || button("submit");
    var action = submitter.getAttribute("data-action") || "submit";
    if (action === "save-draft") {
      ev.preventDefault();
      saveDraft(true);
      return;
    }
    ev.preventDefault();
    send(action);
  });

  // The draft: saved a moment after typing stops, and when the page is
  // left, by a normal form post with the CSRF token. lastSaved is what the
  // server holds, so nothing unchanged is sent again.
  var lastSaved = textarea.value;
  var timer = null;
  function draftSent(t) {
    lastSaved = t;
    if (timer) { clearTimeout(timer); timer = null; }
  }
  function saveDraft(now, keepalive) {
    if (!draftURL) { return; }
    var t = text();
    if (!now && t === lastSaved) { return; }
    var body = new URLSearchParams();
    body.set("_csrf", form.querySelector("input[name=_csrf]").value);
    body.set("sql", t);
    draftSent(t);
    fetch(draftURL, {
      method: "POST",
      body: body,
      headers: { "X-Fragment": "1" },
      credentials: "same-origin",
      keepalive: !!keepalive && t.length < 60000
    }).then(function (resp) {
      if (!resp.ok) { throw new Error("status " + resp.status); }
      if (draftStatus && text() === t) { draftStatus.textContent = form.getAttribute("data-draft-saved"); }
    }).catch(function () {
      lastSaved = null; // try again on the next change
      if (draftStatus) { draftStatus.textContent = form.getAttribute("data-draft-failed"); }
    });
  }
  if (draftURL) {
    textarea.addEventListener("input", function () {
      if (draftStatus) { draftStatus.textContent = ""; }
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(function () { timer = null; saveDraft(false); }, 1000);
    });
    window.addEventListener("pagehide", function () { saveDraft(false, true); });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") { saveDraft(false, true); }
    });
  }

  // "Load my last attempt" puts the latest submission in the editor, as
  // one edit that Ctrl/Cmd+Z undoes; the link stays the fallback.
  function latestAttempt() { return document.querySelector("#lab-attempts [data-latest-attempt]"); }
  function refreshLoadLast() {
    var link = button("load-last");
    if (link) { link.hidden = !latestAttempt(); }
  }
  var loadLast = button("load-last");
  if (loadLast) {
    loadLast.addEventListener("click", function (ev) {
      var code = latestAttempt();
      if (!code) { return; }
      ev.preventDefault();
      if (editor) { editor.setValue(code.textContent); editor.focus(); } else {
        textarea.value = code.textContent;
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
        textarea.focus();
      }
    });
  }

  // Buttons only a page without this script needs, and help only it offers.
  form.querySelectorAll("[data-nojs]").forEach(function (el) { el.hidden = true; });
  document.querySelectorAll("[data-shortcuts]").forEach(function (el) { el.hidden = false; });

  var schema = {};
  try { schema = JSON.parse(textarea.getAttribute("data-schema") || "{}"); } catch (e) { schema = {}; }
  if (window.LadderEditor) {
    editor = window.LadderEditor.attach(textarea, {
      language: textarea.getAttribute("data-language") || "sql",
      schema: schema,
      onRun: function () { send("run"); },
      onSubmit: function () { send("submit"); }
    });
  } else {
    textarea.addEventListener("keydown", function (ev) {
      if ((ev.ctrlKey || ev.metaKey) && ev.key === "Enter") {
        ev.preventDefault();
        send(ev.shiftKey ? "submit" : "run");
      }
    });
  }
})();
