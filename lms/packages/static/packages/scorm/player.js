/* The SCORM player on the content origin.
 *
 * It creates scorm-again's API object (window.API for SCORM 1.2, window.API_1484_11 for
 * 2004) and loads the SCO in a frame of the same origin, where the SCO finds the API by
 * walking up its parents. What the SCO commits goes to the run-time endpoint with the
 * launch's credential (HTTP Basic), which the platform put in this page's fragment; the
 * player takes it out of the address bar at once. No platform cookie exists here.
 */
(function () {
  "use strict";
  var root = document.querySelector(".scorm-player");
  var runtime = root.getAttribute("data-runtime");
  var frame = document.getElementById("scorm-frame");
  var message = document.getElementById("scorm-message");
  var tocNav = document.getElementById("scorm-toc");
  var tocList = document.getElementById("scorm-toc-list");
  var previous = document.getElementById("scorm-previous");
  var next = document.getElementById("scorm-next");
  var back = document.getElementById("scorm-back");
  var title = document.getElementById("scorm-title");

  var params = new URLSearchParams(window.location.hash.slice(1));
  var stored = {};
  try {
    stored = JSON.parse(window.sessionStorage.getItem("qd-scorm-launch") || "{}");
  } catch (e) {
    stored = {};
  }
  var auth = params.get("auth") || stored.auth;
  var current = parseInt(params.get("sco") || stored.sco || "0", 10) || 0;
  var returnUrl = params.get("return") || stored.returnUrl || "";
  if (params.get("auth")) {
    // A reload of the player keeps working; the address bar no longer shows the secret.
    window.sessionStorage.setItem(
      "qd-scorm-launch",
      JSON.stringify({ auth: auth, sco: current, returnUrl: returnUrl })
    );
    window.history.replaceState(null, "", window.location.pathname);
  }
  if (/^https?:\/\//.test(returnUrl)) {
    back.href = returnUrl;
    back.hidden = false;
  }

  var api = null;
  var state = null;
  var finished = true;
  var queue = Promise.resolve();
  var scos = [];

  function show(text) {
    message.textContent = text || "";
    message.hidden = !text;
  }

  function request(method, query, body, keepalive) {
    return fetch(runtime + (query || ""), {
      method: method,
      headers: { Authorization: "Basic " + auth, "Content-Type": "application/json" },
      body: body,
      keepalive: !!keepalive,
      credentials: "omit",
      cache: "no-store",
    });
  }

  function payload(event) {
    return JSON.stringify({ sco: current, event: event, cmi: api.cmi.toJSON() });
  }

  function handle(response) {
    return response.json().then(function (data) {
      if (!response.ok) {
        show(root.getAttribute("data-msg-saving-failed") + " (" + (data.error || response.status) + ")");
        return;
      }
      if (data.scos) renderToc(data.scos);
    });
  }

  // Browsers finish keepalive requests after the page is gone, up to 64 KiB in flight.
  var KEEPALIVE_MAX = 60000;
  var pending = 0;

  function send(event, keepalive) {
    if (!api || !state || state.mode !== "normal") return Promise.resolve();
    var body = payload(event);
    // A SCO often finishes from its own unload handler: when nothing is waiting in the
    // queue (order kept), the end of a session goes out as a keepalive request.
    var now = keepalive || (event === "finish" && pending === 0);
    if (now && body.length <= KEEPALIVE_MAX) {
      return request("POST", "", body, true).then(handle).catch(function () {});
    }
    pending += 1;
    queue = queue.then(function () {
      return request("POST", "", body, false).then(handle);
    }).catch(function () {
      show(root.getAttribute("data-msg-saving-failed"));
    }).then(function () {
      pending -= 1;
    });
    return queue;
  }

  function statusLabel(status) {
    return root.getAttribute("data-status-" + status) || status;
  }

  function renderToc(list) {
    scos = list;
    tocList.textContent = "";
    list.forEach(function (sco) {
      var item = document.createElement("li");
      item.className = "scorm-player__toc-item scorm-player__toc-item--" + sco.status;
      item.setAttribute("data-sco", String(sco.index));
      if (sco.index === current) item.setAttribute("aria-current", "true");
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = sco.title;
      button.addEventListener("click", function () {
        open(sco.index);
      });
      var status = document.createElement("span");
      status.className = "scorm-player__status";
      status.textContent = statusLabel(sco.status);
      item.appendChild(button);
      item.appendChild(status);
      tocList.appendChild(item);
    });
    var many = list.length > 1;
    tocNav.hidden = !many;
    previous.hidden = !many || current <= 0;
    next.hidden = !many || current >= list.length - 1;
  }

  function leave() {
    // Leaving a SCO that did not finish its session: keep what it has (not terminated).
    if (api && !finished) {
      finished = true;
      return send("unload", false);
    }
    return queue;
  }

  function pendingRequest() {
    // Read while Terminate runs: scorm-again resets adl.nav.request to _none_ afterwards.
    if (!api || state.version !== "2004") return "";
    try {
      return api.adl.nav.request || "";
    } catch (e) {
      return "";
    }
  }

  function navigationRequest(nav) {
    if (nav === "continue" && current < scos.length - 1) return open(current + 1);
    if (nav === "previous" && current > 0) return open(current - 1);
    var choice = /^\{target=([^}]+)\}(choice|jump)$/.exec(nav);
    if (choice) {
      var target = scos.filter(function (sco) {
        return sco.id === choice[1];
      })[0];
      if (target) return open(target.index);
    }
    if (/^(exit|exitAll|suspendAll|abandon|abandonAll)$/.test(nav) && back.href && !back.hidden) {
      queue.then(function () {
        window.location.href = back.href;
      });
    }
  }

  function listen(version) {
    var names =
      version === "1.2"
        ? { init: "LMSInitialize", commit: "LMSCommit", end: "LMSFinish" }
        : { init: "Initialize", commit: "Commit", end: "Terminate" };
    api.on(names.init, function () {
      send("initialize");
    });
    api.on(names.commit, function () {
      send("commit");
    });
    api.on(names.end, function () {
      var nav = pendingRequest();
      finished = true;
      send("finish");
      window.setTimeout(function () {
        navigationRequest(nav);
      }, 0);
    });
  }

  function open(index) {
    return leave().then(function () {
      frame.src = "about:blank";
      return request("GET", "?sco=" + encodeURIComponent(index)).then(function (response) {
        return response.json().then(function (data) {
          if (!response.ok) {
            show(data.error || String(response.status));
            return;
          }
          state = data;
          current = data.sco;
          var settings = { lmsCommitUrl: false, autocommit: false, logLevel: 4 };
          api = data.version === "1.2" ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
          api.loadFromJSON(data.cmi, "");
          finished = false;
          if (data.version === "1.2") {
            window.API = api;
            window.API_1484_11 = undefined;
          } else {
            window.API_1484_11 = api;
            window.API = undefined;
          }
          listen(data.version);
          title.textContent = data.title;
          show(data.mode === "review" ? root.getAttribute("data-msg-review") : "");
          renderToc(data.scos);
          frame.src = data.url;
        });
      });
    }).catch(function () {
      show(root.getAttribute("data-msg-saving-failed"));
    });
  }

  previous.addEventListener("click", function () {
    if (current > 0) open(current - 1);
  });
  next.addEventListener("click", function () {
    if (current < scos.length - 1) open(current + 1);
  });
  window.addEventListener("pagehide", function () {
    if (api && !finished) {
      finished = true;
      send("unload", true);
    }
  });

  if (!auth) {
    show(root.getAttribute("data-msg-no-launch"));
    return;
  }
  open(current);
})();
