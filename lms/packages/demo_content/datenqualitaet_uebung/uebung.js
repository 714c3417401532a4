// The demo's cmi5 exercise: redeems the fetch URL, reads LMS.LaunchData, reports each
// answer as a question of this AU, then passed or failed, completed and terminated.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var endpoint = (params.get("endpoint") || "").replace(/\/$/, "");
  var actor = JSON.parse(params.get("actor") || "null");
  var registration = params.get("registration");
  var activityId = params.get("activityId");
  var status = document.getElementById("status");
  var ADL = "http://adlnet.gov/expapi/verbs/";
  var CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  var MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  var KEY = { fall1: "eindeutigkeit", fall2: "aktualitaet", fall3: "vollstaendigkeit" };
  // Feedback per case, shown after submitting, so learners see why an answer is right.
  var WHY = {
    fall1: "Eindeutigkeit: Dieselbe Person ist mehrfach erfasst (Dublette).",
    fall2: "Aktualität: Die Angaben können richtig gewesen sein, sind aber veraltet.",
    fall3: "Vollständigkeit: Ein Pflichtmerkmal fehlt."
  };
  var auth = null;
  var launchData = null;
  var started = Date.now();

  function uuid() {
    return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) {
      return (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16);
    });
  }

  function duration() {
    return "PT" + Math.round((Date.now() - started) / 1000) + "S";
  }

  function lrs(method, path, query, body) {
    var init = { method: method, headers: { "Authorization": auth, "X-Experience-API-Version": "1.0.3" } };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(endpoint + "/" + path + "?" + new URLSearchParams(query).toString(), init);
  }

  function send(verb, object, categories, result) {
    var context = JSON.parse(JSON.stringify(launchData.contextTemplate));
    context.registration = registration;
    if (categories.length) {
      context.contextActivities.category = categories.map(function (id) { return { id: id }; });
    }
    var statement = {
      id: uuid(), actor: actor, verb: { id: verb }, object: object,
      context: context, timestamp: new Date().toISOString()
    };
    if (result) { statement.result = result; }
    return lrs("PUT", "statements", { statementId: statement.id }, statement).then(function (r) {
      if (r.status !== 204) { throw new Error("LRS " + r.status); }
    });
  }

  function au() { return { objectType: "Activity", id: activityId }; }

  function question(name) {
    return {
      objectType: "Activity",
      id: activityId + "/frage/" + name,
      definition: { type: "http://adlnet.gov/expapi/activities/cmi.interaction", interactionType: "choice" }
    };
  }

  function review() { return launchData && launchData.launchMode !== "Normal"; }

  function fail(error) { status.textContent = "Fehler: " + error.message; }

  fetch(params.get("fetch"), { method: "POST" })
    .then(function (r) { return r.json(); })
    .then(function (body) {
      if (!body["auth-token"]) { throw new Error("Anmeldung am Lernspeicher abgelehnt"); }
      auth = "Basic " + body["auth-token"];
      return lrs("GET", "activities/state", {
        stateId: "LMS.LaunchData", activityId: activityId,
        agent: JSON.stringify(actor), registration: registration
      });
    })
    .then(function (r) { return r.json(); })
    .then(function (data) { launchData = data; return send(ADL + "initialized", au(), [CMI5]); })
    .then(function () {
      status.textContent = review()
        ? "Wiederholung: Sie haben die Übung bereits abgeschlossen. Diese Runde wird nicht gespeichert."
        : "Bereit.";
      document.getElementById("abgeben").disabled = false;
      document.getElementById("beenden").disabled = false;
    })
    .catch(fail);

  document.getElementById("uebung").addEventListener("submit", function (event) {
    event.preventDefault();
    var form = event.target;
    var correct = 0;
    var answers = Object.keys(KEY).map(function (name) {
      var choice = form.elements[name].value;
      var success = choice === KEY[name];
      if (success) { correct += 1; }
      document.getElementById("rueckmeldung-" + name).textContent =
        (success ? "Richtig. " : "Nicht ganz. ") + WHY[name];
      return review() ? null : send(ADL + "answered", question(name), [], { response: choice, success: success });
    });
    var scaled = Math.round((correct / 3) * 100) / 100;
    var passed = scaled >= (launchData.masteryScore || 0.6);
    document.getElementById("abgeben").disabled = true;
    if (review()) {
      // cmi5 10.2.2: a review records no results; the LMS would refuse them.
      status.textContent = correct + " von 3 richtig (Wiederholung, nicht gespeichert).";
      return;
    }
    Promise.all(answers)
      .then(function () {
        return send(ADL + (passed ? "passed" : "failed"), au(), [CMI5, MOVEON], {
          success: passed, score: { scaled: scaled, raw: correct, min: 0, max: 3 }, duration: duration()
        });
      })
      .then(function () {
        return passed ? send(ADL + "completed", au(), [CMI5, MOVEON], { completion: true, duration: duration() }) : null;
      })
      .then(function () {
        status.textContent = passed
          ? correct + " von 3 richtig: bestanden."
          : correct + " von 3 richtig: noch nicht bestanden. Sie können die Übung erneut starten.";
      })
      .catch(fail);
  });

  document.getElementById("beenden").addEventListener("click", function () {
    send(ADL + "terminated", au(), [CMI5], { duration: duration() })
      .then(function () { window.location.href = launchData.returnURL; })
      .catch(fail);
  });
})();
