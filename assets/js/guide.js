// Guide page: each tick of the checklist saves at once, in place. Without
// this file the boxes and the "Save my checklist" button make a plain form.
(function () {
  "use strict";
  var form = document.querySelector("form[data-checklist]");
  if (!form) { return; }
  var status = form.querySelector("[role=status]");
  var save = form.querySelector("button[type=submit]");
  var boxes = document.querySelectorAll('input[type=checkbox][form="' + form.id + '"]');
  save.hidden = true;
  var inFlight = false, again = false;

  // One post at a time, each with the whole list: the last one sent holds
  // every change, whatever order the answers come back in.
  function send() {
    if (inFlight) { again = true; return; }
    inFlight = true;
    status.textContent = "";
    status.classList.remove("saved");
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      headers: { "X-Fragment": "1" },
      credentials: "same-origin"
    }).then(function (resp) {
      if (!resp.ok) { throw new Error("status " + resp.status); }
      if (!again) {
        status.textContent = form.getAttribute("data-saved");
        status.classList.add("saved");
      }
    }).catch(function () {
      status.textContent = form.getAttribute("data-failed");
      save.hidden = false;
    }).then(function () {
      inFlight = false;
      if (again) { again = false; send(); }
    });
  }
  boxes.forEach(function (box) { box.addEventListener("change", send); });
})();
