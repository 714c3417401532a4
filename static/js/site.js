// Small progressive enhancements; every page works without JavaScript.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Language switch: submit on change, the button stays for keyboard and no-JS users.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () {
      select.form.submit();
    });
  });

  // Disclosure buttons (e.g. "show model answer") toggle the element named in aria-controls.
  document.querySelectorAll("button[data-disclosure]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("aria-controls"));
    if (!target) return;
    target.hidden = true;
    button.hidden = false;
    button.setAttribute("aria-expanded", "false");
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") === "true";
      button.setAttribute("aria-expanded", String(!open));
      target.hidden = open;
    });
  });

  // Content that runs in a window of its own: when the learner comes back to this page,
  // show the progress the content recorded meanwhile.
  document.querySelectorAll("form[data-reload-on-return]").forEach(function (form) {
    form.addEventListener("submit", function () {
      var away = false;
      window.addEventListener("blur", function () { away = true; });
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "hidden") away = true;
        else if (away) window.location.reload();
      });
      window.addEventListener("focus", function () {
        if (away) window.location.reload();
      });
    });
  });
})();
