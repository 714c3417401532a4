// Decision simulators: decide the case as soon as a fact changes (the server evaluates;
// without this script the form's button does the same), announce the new result to
// screen readers, and keep the explanation form's copy of the case current.
(function () {
  "use strict";
  if (!window.fetch || !window.URLSearchParams) return;
  var timers = new WeakMap();

  function update(section) {
    var form = section.querySelector("form.simulator__inputs");
    var explored = form.querySelector("[data-explored]");
    var params = new URLSearchParams(new FormData(form));
    fetch(section.getAttribute("data-evaluate-url") + "?" + params.toString(), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (!data) return;
        var region = section.querySelector("[data-simulator-result]");
        var before = region.querySelector("[data-simulator-outcome]");
        var previous = before ? before.textContent.trim() : "";
        region.innerHTML = data.html;
        var now = region.querySelector("[data-simulator-outcome]");
        var text = now ? now.textContent.trim().replace(/\s+/g, " ") : "";
        var announce = section.querySelector("[data-simulator-announce]");
        if (announce && text && text !== previous) announce.textContent = text;
        var count = parseInt(explored.value, 10) || 0;
        explored.value = String(count + 1);
        var explain = section.querySelector("[data-simulator-explain]");
        if (explain) {
          explain.querySelector("[data-explored]").value = String(count + 1);
          form.querySelectorAll("[name^='in-']").forEach(function (input) {
            if (input.name.slice(-7) === "__shown") return;
            var copy = explain.querySelector("[data-case='" + input.name + "']");
            if (!copy) return;
            copy.value = input.type === "checkbox" ? (input.checked ? "1" : "0") : input.value;
          });
        }
      });
  }

  document.querySelectorAll("[data-simulator]").forEach(function (section) {
    var form = section.querySelector("form.simulator__inputs");
    if (!form) return;
    var button = form.querySelector("[data-simulator-evaluate]");
    if (button) button.hidden = true;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update(section);
    });
    form.addEventListener("change", function () {
      update(section);
    });
    form.addEventListener("input", function () {
      clearTimeout(timers.get(section));
      timers.set(
        section,
        setTimeout(function () {
          update(section);
        }, 250)
      );
    });
  });
})();
