// A framed Tin Can course in the manner of the classic Golf Example: the launch page
// keeps the bookmark (state API) and shows pages in an iframe; each page reports itself
// as a sub-activity of the course and the last one calls into this frame when done.
var Kurs = (function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var endpoint = params.get("endpoint");
  var auth = params.get("auth");
  var actor = JSON.parse(params.get("actor"));
  var registration = params.get("registration");
  var courseId = params.get("activity_id");
  var pages = ["seiten/eins.html", "seiten/zwei.html"];
  var bookmark = { location: 0, complete: false };

  function uuid() {
    return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) {
      return (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16);
    });
  }

  function stateUrl() {
    return endpoint + "activities/state?" + new URLSearchParams({
      stateId: "lesezeichen", activityId: courseId,
      agent: JSON.stringify(actor), registration: registration
    }).toString();
  }

  function headers(json) {
    var h = { "Authorization": auth, "X-Experience-API-Version": "1.0.3" };
    if (json) { h["Content-Type"] = "application/json"; }
    return h;
  }

  function send(verb, objectId, result, parentId) {
    var statement = {
      id: uuid(), actor: actor,
      verb: { id: "http://adlnet.gov/expapi/verbs/" + verb },
      object: { id: objectId },
      context: { registration: registration, contextActivities: { grouping: [{ id: courseId }] } }
    };
    if (parentId) { statement.context.contextActivities.parent = [{ id: parentId }]; }
    if (result) { statement.result = result; }
    return fetch(endpoint + "statements", {
      method: "POST", headers: headers(true), body: JSON.stringify(statement)
    }).then(function (r) { if (!r.ok) { throw new Error("LRS " + r.status); } });
  }

  function save() {
    return fetch(stateUrl(), { method: "PUT", headers: headers(true), body: JSON.stringify(bookmark) });
  }

  function show() {
    document.getElementById("seite").src = pages[bookmark.location] + window.location.search;
  }

  function status(text) { document.getElementById("status").textContent = text; }

  window.addEventListener("DOMContentLoaded", function () {
    fetch(stateUrl(), { headers: headers(false) })
      .then(function (r) { return r.status === 200 ? r.json() : null; })
      .then(function (saved) { if (saved) { bookmark = saved; } })
      .then(function () { return send("attempted", courseId); })
      .then(function () { show(); status("Bereit."); })
      .catch(function (error) { status("Fehler: " + error.message); });
    document.getElementById("weiter").addEventListener("click", function () {
      bookmark.location = Math.min(bookmark.location + 1, pages.length - 1);
      save().then(show);
    });
    document.getElementById("beenden").addEventListener("click", function () {
      if (!window.confirm("Wirklich beenden?")) { status("Nicht beendet."); return; }
      save().then(function () { return send("terminated", courseId); })
        .then(function () {
          status("Beendet.");
          // As published Tin Can courses do on "Save & Exit": close the content's window.
          window.close();
        });
    });
  });

  return {
    send: send,
    courseId: function () { return courseId; },
    // Called from the last page (a same-origin frame) when the question is answered.
    done: function (scaled) {
      bookmark.complete = true;
      return save()
        .then(function () { return send("passed", courseId, { success: true, score: { scaled: scaled } }); })
        .then(function () { return send("completed", courseId, { completion: true }); })
        .then(function () { status("Abgeschlossen."); });
    }
  };
})();
