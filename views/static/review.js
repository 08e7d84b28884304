// Keyboard shortcuts on the review page: space shows the answer, 1–4 rate the card.
// The page works without this file; it only clicks the matching link or button.
document.addEventListener("keydown", function (e) {
  if (e.target.closest("input, textarea, select") || e.ctrlKey || e.metaKey || e.altKey) return;
  var el = document.querySelector('[data-key="' + (e.key === " " ? " " : e.key) + '"]');
  if (el) { e.preventDefault(); el.click(); }
});
