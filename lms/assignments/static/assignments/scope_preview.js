// Live preview of how many people the mandatory training's scope hits.
(function () {
  "use strict";
  const form = document.querySelector("form[data-scope-preview]");
  if (!form) return;
  const output = form.querySelector("[data-scope-count]");
  const names = ["org_unit", "include_sub_units", "job_role", "people"];
  let pending = null;
  function update() {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (names.includes(name)) params.append(name, value);
    }
    fetch(form.dataset.scopePreview + "?" + params.toString(), { credentials: "same-origin" })
      .then((response) => response.json())
      .then((data) => {
        if (typeof data.count === "number") {
          output.textContent = (document.documentElement.lang || "de").startsWith("de")
            ? data.count + (data.count === 1 ? " Person ist betroffen." : " Personen sind betroffen.")
            : data.count + (data.count === 1 ? " person is in scope." : " people are in scope.");
        }
      })
      .catch(() => {});
  }
  form.addEventListener("change", (event) => {
    if (names.includes(event.target.name)) {
      clearTimeout(pending);
      pending = setTimeout(update, 200);
    }
  });
})();
