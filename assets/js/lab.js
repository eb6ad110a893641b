// Lab page: the editor (SQL, or Python for code labs), keyboard shortcuts
// and in-place results. The page works without this file as a textarea
// and plain form posts.
(function () {
  "use strict";
  var form = document.getElementById("lab-form");
  if (!form) { return; }
  var textarea = form.querySelector("textarea[name=sql]");
  var buttons = form.querySelectorAll("button[data-action]");
  var busy = false;

  function button(action) {
    return form.querySelector('button[data-action="' + action + '"]');
  }

  function send(action) {
    if (busy) { return; }
    var btn = button(action);
    busy = true;
    var result = document.getElementById("lab-result");
    result.setAttribute("aria-busy", "true");
    buttons.forEach(function (b) { b.disabled = true; });
    var label = btn.textContent;
    btn.textContent = btn.getAttribute("data-busy") || "…";
    fetch(btn.formAction, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Fragment": "1" },
      credentials: "same-origin"
    }).then(function (resp) {
      return resp.text().then(function (html) { return { ok: resp.status < 500, html: html }; });
    }).then(function (r) {
      var tpl = document.createElement("template");
      tpl.innerHTML = r.html;
      if (!tpl.content.getElementById("lab-result")) {
        document.getElementById("lab-result").textContent = "The server could not answer. Try again in a moment.";
        return;
      }
      ["lab-result", "lab-solution", "lab-attempts", "lab-status"].forEach(function (id) {
        var fresh = tpl.content.getElementById(id);
        var old = document.getElementById(id);
        if (fresh && old) { old.replaceWith(fresh); }
      });
    }).catch(function () {
      document.getElementById("lab-result").textContent = "The request failed. Check your connection and try again.";
    }).then(function () {
      busy = false;
      var res = document.getElementById("lab-result");
      if (res) { res.removeAttribute("aria-busy"); }
      buttons.forEach(function (b) { b.disabled = false; });
      btn.textContent = label;
    });
  }

  form.addEventListener("submit", function (ev) {
    var submitter = ev.submitter || button("submit");
    ev.preventDefault();
    send(submitter.getAttribute("data-action") || "submit");
  });

  // The shortcuts below exist only with this script: say so only now.
  document.querySelectorAll("[data-shortcuts]").forEach(function (el) { el.hidden = false; });

  var schema = {};
  try { schema = JSON.parse(textarea.getAttribute("data-schema") || "{}"); } catch (e) { schema = {}; }
  if (window.LadderEditor) {
    window.LadderEditor.attach(textarea, {
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
