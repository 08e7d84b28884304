// Countdown on a timed quiz. The page already states the deadline in the learner's
// time zone; this shows the minutes left and submits the answers when time is up, so
// they reach the server within its grace period. Without this file nothing is lost.
(function () {
  var el = document.getElementById("countdown");
  var form = document.getElementById("quiz-form");
  if (!el || !form) return;
  var end = Date.now() + 1000 * Number(el.dataset.secondsLeft || 0);
  var sent = !(Number(el.dataset.secondsLeft) > 0); // opened after time was up: never auto-submit
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function tick() {
    var left = Math.max(0, Math.round((end - Date.now()) / 1000));
    el.textContent = "Time left: " + Math.floor(left / 60) + ":" + two(left % 60);
    if (left > 0) {
      setTimeout(tick, 1000);
    } else if (!sent) {
      sent = true;
      el.textContent = "Time is up: sending your answers.";
      form.submit();
    }
  }
  el.hidden = false;
  form.addEventListener("submit", function () { sent = true; });
  tick();
})();
