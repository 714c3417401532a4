// Records that the learner opened the lesson (an xAPI "experienced" statement on the server).
(function () {
  "use strict";
  var lesson = document.querySelector("[data-experienced-url]");
  if (!lesson || !window.fetch) return;
  var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  fetch(lesson.getAttribute("data-experienced-url"), {
    method: "POST",
    credentials: "same-origin",
    headers: { "X-CSRFToken": match ? decodeURIComponent(match[1]) : "" },
  });
})();
