// Fills a time zone field marked data-browser-zone with this device's zone, so a new
// account starts with the right "today". Without JavaScript the server's default stays.
(function () {
  var field = document.querySelector("input[data-browser-zone]");
  if (!field || !window.Intl) {
    return;
  }
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone) {
    field.value = zone;
  }
})();
