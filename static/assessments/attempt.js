// Autosave and a countdown for assessment attempts. Without JavaScript the form's
// "Save answers" and "Submit" buttons do the same work; the server enforces the time limit.
(function () {
  "use strict";
  var form = document.querySelector("form.attempt-form[data-autosave-url]");
  if (!form) return;
  var status = form.querySelector(".autosave-status");
  var revision = form.querySelector("input[name=revision]");
  var timer = null;
  var inFlight = false;
  var pending = false;
  var submitting = false;
  var pendingSubmit = null;
  // "Submit" waits for a save, so the question about unanswered ones uses the server's count.
  var confirmAfterSave = null;
  var confirmed = false;
  var counter = document.getElementById("attempt-answered");
  var unanswered = counter ? parseInt(counter.dataset.unanswered, 10) : 0;
  var total = counter ? parseInt(counter.dataset.total, 10) : 0;

  function say(text) {
    if (status) status.textContent = text;
  }

  function showCount(answered, all) {
    unanswered = all - answered;
    total = all;
    if (counter) {
      counter.textContent = counter.dataset.template
        .replace("__A__", answered)
        .replace("__T__", all);
    }
  }

  function confirmThenSubmit(submitter, savedOk) {
    confirmed = true;
    if (savedOk) {
      if (unanswered > 0) {
        var text = form.dataset.labelConfirm
          .replace("__N__", unanswered)
          .replace("__T__", total);
        if (!window.confirm(text)) {
          confirmed = false;
          return;
        }
        var flag = document.createElement("input");
        flag.type = "hidden";
        flag.name = "confirm_unanswered";
        flag.value = "1";
        form.appendChild(flag);
      }
    }
    // Without a fresh count (saving failed) the server saves and asks instead.
    form.requestSubmit(submitter);
  }

  function save() {
    var savedOk = false;
    if (submitting) return;
    if (inFlight) {
      pending = true;
      return;
    }
    inFlight = true;
    say(form.dataset.labelSaving);
    var data = new FormData(form);
    data.delete("action");
    fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.json().then(function (body) {
          return { ok: response.ok, body: body };
        });
      })
      .then(function (result) {
        if (result.ok) {
          savedOk = true;
          revision.value = result.body.revision;
          if (typeof result.body.answered === "number") {
            showCount(result.body.answered, result.body.total);
          }
          say(form.dataset.labelSaved);
        } else if (result.body.result_url) {
          window.location.assign(result.body.result_url);
        } else {
          var message = result.body.message || form.dataset.labelFailed;
          var errors = result.body.errors || {};
          Object.keys(errors).forEach(function (name) {
            message += " " + errors[name];
          });
          say(message);
        }
      })
      .catch(function () {
        say(form.dataset.labelFailed);
      })
      .finally(function () {
        inFlight = false;
        if (confirmAfterSave) {
          var asked = confirmAfterSave;
          confirmAfterSave = null;
          pending = false;
          confirmThenSubmit(asked, savedOk);
          return;
        }
        if (pendingSubmit) {
          // A button was pressed while saving: send it now, with the current revision.
          var submitter = pendingSubmit;
          pendingSubmit = null;
          pending = false;
          form.requestSubmit(submitter);
          return;
        }
        if (pending) {
          pending = false;
          save();
        }
      });
  }

  function schedule(delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, delay);
  }

  form.addEventListener("change", function () {
    schedule(300);
  });
  form.addEventListener("input", function (event) {
    if (event.target.type === "text") schedule(1200);
  });
  form.addEventListener("submit", function (event) {
    window.clearTimeout(timer);
    var submitter = event.submitter || null;
    if (submitter && submitter.value === "submit" && !confirmed) {
      // Save what is on the page, then ask if questions are left unanswered.
      event.preventDefault();
      confirmAfterSave = submitter;
      if (!inFlight) save();
      return;
    }
    if (inFlight) {
      event.preventDefault();
      pendingSubmit = event.submitter || null;
      if (!pendingSubmit) form.submit();
      return;
    }
    submitting = true;
  });

  // Countdown (display only; the deadline is enforced on the server).
  var clock = document.querySelector(".attempt-timer[data-seconds-left]");
  if (clock) {
    var left = parseInt(clock.dataset.secondsLeft, 10);
    var end = Date.now() + left * 1000;
    var label = clock.dataset.labelLeft;
    var tick = function () {
      var seconds = Math.max(0, Math.round((end - Date.now()) / 1000));
      var minutes = Math.floor(seconds / 60);
      var rest = seconds % 60;
      clock.textContent = label + ": " + minutes + ":" + (rest < 10 ? "0" : "") + rest;
      if (seconds === 0) {
        window.clearInterval(interval);
        save();
      }
    };
    var interval = window.setInterval(tick, 1000);
    tick();
  }
})();
