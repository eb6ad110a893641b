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
