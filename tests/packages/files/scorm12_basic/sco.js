// A small SCO for the tests: it finds the run-time API the way SCORM content does.
(function () {
  "use strict";
  var v12 = document.body.getAttribute("data-version") === "1.2";
  function find(win) {
    for (var i = 0; win && i < 10; i++) {
      var api = v12 ? win.API : win.API_1484_11;
      if (api) return api;
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  var api = find(window) || (window.opener && find(window.opener));
  var call = v12
    ? { init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", end: "LMSFinish" }
    : { init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", end: "Terminate" };
  var el = v12
    ? { entry: "cmi.core.entry", location: "cmi.core.lesson_location", exit: "cmi.core.exit",
        response: "student_response", launch: "cmi.launch_data" }
    : { entry: "cmi.entry", location: "cmi.location", exit: "cmi.exit",
        response: "learner_response", launch: "cmi.launch_data" };
  function get(name) { return api[call.get](name); }
  function set(name, value) { return api[call.set](name, value); }
  if (!api) { document.body.setAttribute("data-api", "missing"); return; }
  api[call.init]("");
  document.body.setAttribute("data-api", "found");
  document.getElementById("entry").textContent = get(el.entry);
  document.getElementById("location").textContent = get(el.location);
  document.getElementById("suspend").textContent = get("cmi.suspend_data");
  document.getElementById("launch-data").textContent = get(el.launch);
  if (v12) {
    if (get("cmi.core.lesson_status") === "not attempted") set("cmi.core.lesson_status", "incomplete");
  } else {
    set("cmi.completion_status", "incomplete");
  }
  function done() { document.getElementById("done").hidden = false; }
  document.getElementById("page-2").addEventListener("click", function () {
    set(el.location, "seite-2");
    set("cmi.suspend_data", "gelesen=1,2");
    api[call.commit]("");
    done();
  });
  // Without a commit: only the player's pagehide request can save this.
  document.getElementById("note").addEventListener("click", function () {
    set(el.location, "seite-3");
    set("cmi.suspend_data", "notiz");
    done();
  });
  document.getElementById("answer").addEventListener("click", function () {
    set("cmi.interactions.0.id", "frage-1");
    set("cmi.interactions.0.type", "choice");
    set("cmi.interactions.0." + el.response, v12 ? "b" : "b");
    set("cmi.interactions.0.result", "correct");
    if (v12) {
      set("cmi.core.score.raw", "90");
      set("cmi.core.score.min", "0");
      set("cmi.core.score.max", "100");
      set("cmi.core.lesson_status", "completed");
    } else {
      set("cmi.score.scaled", "0.9");
      set("cmi.score.raw", "90");
      set("cmi.completion_status", "completed");
      set("cmi.success_status", "passed");
    }
    api[call.commit]("");
    done();
  });
  document.getElementById("suspend-exit").addEventListener("click", function () {
    set(el.exit, "suspend");
    set(v12 ? "cmi.core.session_time" : "cmi.session_time", v12 ? "00:01:30" : "PT1M30S");
    api[call.end]("");
    done();
  });
  document.getElementById("finish").addEventListener("click", function () {
    set(el.exit, v12 ? "" : "normal");
    if (!v12) set("adl.nav.request", "continue");
    set(v12 ? "cmi.core.session_time" : "cmi.session_time", v12 ? "00:02:00" : "PT2M");
    api[call.end]("");
    done();
  });
}());
