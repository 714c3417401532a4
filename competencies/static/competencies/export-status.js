// Polls the export's status and shows the download link when the file is ready.
(function () {
  "use strict";
  var root = document.getElementById("export-status");
  if (!root) return;
  var url = root.getAttribute("data-status-url");
  var bar = document.getElementById("export-progress");
  var state = document.getElementById("export-state");
  var link = document.getElementById("export-download");
  var labels = { pending: "…", running: "…" };
  function poll() {
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        bar.value = data.progress;
        bar.textContent = data.progress + " %";
        if (data.status === "done") {
          link.hidden = false;
          state.textContent = link.textContent.trim();
        } else if (data.status === "failed") {
          state.textContent = "✗";
        } else {
          state.textContent = (labels[data.status] || "") + " " + data.progress + " %";
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  if (link.hidden) window.setTimeout(poll, 500);
})();
