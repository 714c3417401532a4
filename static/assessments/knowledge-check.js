// Inline knowledge checks: answer without leaving the lesson. Without JavaScript the form
// posts normally and the server answers with a feedback page.
(function () {
  "use strict";
  document.querySelectorAll("form[data-knowledge-check]").forEach(function (form) {
    if (form.dataset.kcBound) return;
    form.dataset.kcBound = "1";
    var region = form.parentElement.querySelector(".knowledge-check__feedback");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.json();
        })
        .then(function (body) {
          if (body.html) {
            region.innerHTML = body.html;
          } else {
            var message = body.message || "";
            Object.keys(body.errors || {}).forEach(function (name) {
              message = body.errors[name];
            });
            region.textContent = message;
          }
        })
        .catch(function () {
          form.submit();
        });
    });
  });
})();
