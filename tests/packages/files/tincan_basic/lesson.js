// A minimal Tin Can activity: reads the launch parameters and reports to the LRS.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var endpoint = params.get("endpoint");
  if (endpoint && endpoint.slice(-1) !== "/") { endpoint += "/"; }
  var auth = params.get("auth");
  var actor = JSON.parse(params.get("actor") || "null");
  var registration = params.get("registration");
  var activityId = params.get("activity_id");
  var status = document.getElementById("status");

  function uuid() {
    return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) {
      return (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16);
    });
  }

  function send(verb, display, result) {
    var statement = {
      id: uuid(),
      actor: actor,
      verb: { id: "http://adlnet.gov/expapi/verbs/" + verb, display: { "de-DE": display } },
      object: { id: activityId, objectType: "Activity" },
      context: { registration: registration }
    };
    if (result) { statement.result = result; }
    return fetch(endpoint + "statements", {
      method: "POST",
      headers: {
        "Authorization": auth,
        "Content-Type": "application/json",
        "X-Experience-API-Version": "1.0.3"
      },
      body: JSON.stringify(statement)
    }).then(function (response) {
      if (!response.ok) { throw new Error("LRS " + response.status); }
      return response.json();
    });
  }

  send("experienced", "hat erlebt").then(function () {
    status.textContent = "Bereit.";
  }).catch(function (error) {
    status.textContent = "Fehler: " + error.message;
  });

  document.getElementById("finish").addEventListener("click", function () {
    send("completed", "hat abgeschlossen", { completion: true, duration: "PT2M" }).then(function () {
      status.textContent = "Abgeschlossen.";
    }).catch(function (error) {
      status.textContent = "Fehler: " + error.message;
    });
  });
})();
