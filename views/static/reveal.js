// Shows a block marked data-shown-by="ID" only while the checkbox ID is ticked, so
// the "I teach" fields of the sign-up form stay out of the way of learners. Without
// JavaScript the block is always shown and the server ignores it when the box is
// not ticked.
(function () {
  var blocks = document.querySelectorAll("[data-shown-by]");
  Array.prototype.forEach.call(blocks, function (block) {
    var box = document.getElementById(block.getAttribute("data-shown-by"));
    if (!box) {
      return;
    }
    var sync = function () {
      block.hidden = !box.checked;
      box.setAttribute("aria-expanded", box.checked ? "true" : "false");
    };
    box.addEventListener("change", sync);
    sync();
  });
})();
