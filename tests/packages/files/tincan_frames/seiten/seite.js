// Each page reports itself (an id below the course's) and, on the question page, hands
// the result to the launch page through window.parent, as framed courses commonly do.
(function () {
  "use strict";
  var kurs = window.parent.Kurs;
  var pageId = kurs.courseId() + "/seiten/" + document.body.dataset.seite;
  kurs.send("experienced", pageId, null, kurs.courseId());
  var answer = document.getElementById("antwort");
  if (answer) {
    answer.addEventListener("click", function () {
      kurs.send("answered", pageId + "/frage-1", { success: true, response: "1" }, pageId)
        .then(function () { return window.parent.Kurs.done(1.0); });
    });
    answer.disabled = false;
  }
})();
