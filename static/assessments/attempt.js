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

  function say(text) {
    if (status) status.textContent = text;
  }

  function save() {
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
          revision.value = result.body.revision;
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
