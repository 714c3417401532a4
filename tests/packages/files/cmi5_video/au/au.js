// A small cmi5 AU that behaves like published ones (e.g. ADL's CATAPULT examples): it
// redeems the fetch URL, reads LMS.LaunchData, builds every statement on the
// contextTemplate, reports a video as a part of the AU (a sub-activity of its id: the
// launch credential writes only about its own activity), and returns to returnURL.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var endpoint = params.get("endpoint").replace(/\/$/, "");
  var actor = JSON.parse(params.get("actor"));
  var registration = params.get("registration");
  var activityId = params.get("activityId");
  var status = document.getElementById("status");
  var CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  var MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  var auth = null;
  var launchData = null;

  function uuid() {
    return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) {
      return (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16);
    });
  }

  function lrs(method, path, query, body) {
    var url = endpoint + "/" + path + "?" + new URLSearchParams(query).toString();
    var init = {
      method: method,
      headers: { "Authorization": auth, "X-Experience-API-Version": "1.0.3" }
    };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(url, init);
  }

  function send(verb, object, categories, result) {
    var context = JSON.parse(JSON.stringify(launchData.contextTemplate));
    context.registration = registration;
    if (categories.length) {
      context.contextActivities.category = categories.map(function (id) { return { id: id }; });
    }
    var statement = {
      id: uuid(),
      actor: actor,
      verb: { id: verb },
      object: object,
      context: context,
      timestamp: new Date().toISOString()
    };
    if (result) { statement.result = result; }
    return lrs("PUT", "statements", { statementId: statement.id }, statement).then(function (r) {
      if (r.status !== 204) { throw new Error("LRS " + r.status); }
    });
  }

  var au = function () { return { objectType: "Activity", id: activityId }; };
  var ADL = "http://adlnet.gov/expapi/verbs/";

  fetch(params.get("fetch"), { method: "POST" })
    .then(function (r) { return r.json(); })
    .then(function (body) {
      if (!body["auth-token"]) { throw new Error("fetch " + body["error-code"]); }
      auth = "Basic " + body["auth-token"];
      return lrs("GET", "activities/state", {
        stateId: "LMS.LaunchData", activityId: activityId,
        agent: JSON.stringify(actor), registration: registration
      });
    })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      launchData = data;
      return lrs("GET", "agents/profile", {
        profileId: "cmi5LearnerPreferences", agent: JSON.stringify(actor)
      });
    })
    .then(function () { return send(ADL + "initialized", au(), [CMI5]); })
    .then(function () { status.textContent = "Bereit."; })
    .catch(function (error) { status.textContent = "Fehler: " + error.message; });

  document.getElementById("video").addEventListener("click", function () {
    var video = {
      objectType: "Activity",
      id: activityId + "/video/akteneinsicht-1",
      definition: { type: "https://w3id.org/xapi/video/activity-type/video" }
    };
    send("https://w3id.org/xapi/video/verbs/played", video, ["https://w3id.org/xapi/video"], {
      extensions: { "https://w3id.org/xapi/video/extensions/time": 0 }
    }).then(function () { status.textContent = "Video gesehen."; })
      .catch(function (error) { status.textContent = "Fehler: " + error.message; });
  });

  document.getElementById("submit").addEventListener("click", function () {
    var scaled = 0.9;
    if (scaled < launchData.masteryScore) { status.textContent = "Nicht bestanden."; return; }
    send(ADL + "passed", au(), [CMI5, MOVEON], {
      success: true, score: { scaled: scaled }, duration: "PT1M"
    })
      .then(function () { return send(ADL + "completed", au(), [CMI5, MOVEON], { completion: true, duration: "PT1M" }); })
      .then(function () { return send(ADL + "terminated", au(), [CMI5], { duration: "PT1M" }); })
      .then(function () { window.location.href = launchData.returnURL; })
      .catch(function (error) { status.textContent = "Fehler: " + error.message; });
  });
})();
