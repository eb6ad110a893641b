// Ladder: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  // Filter forms submit as soon as a select changes.
  document.querySelectorAll("form[data-autosubmit] select").forEach(function (el) {
    el.addEventListener("change", function () { el.form.submit(); });
  });
  // Hide the filter form's submit button when JavaScript does it for us.
  document.querySelectorAll("form[data-autosubmit] [data-nojs]").forEach(function (el) {
    el.hidden = true;
  });
})();

// A task's SQL deliverable gets the same editor as the labs; without
// JavaScript it stays a textarea and the form posts as it is.
(function () {
  "use strict";
  if (!window.LadderEditor) { return; }
  document.querySelectorAll('textarea[data-editor="sql"]').forEach(function (ta) {
    window.LadderEditor.attach(ta, {});
  });
})();

// "/" moves to the search box, as on most sites, unless the reader is
// typing somewhere. Without JavaScript the box is one Tab away in the header.
(function () {
  "use strict";
  var box = document.querySelector("input[data-search-box]");
  if (!box) { return; }
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) { return; }
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    e.preventDefault();
    box.focus();
    box.select();
  });
})();
