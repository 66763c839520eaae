// Vacancy form: show only the hint for the kind of vacancy chosen (all are shown without JS).
(function () {
  "use strict";
  var kind = document.getElementById("f-kind");
  var hints = document.querySelectorAll("#kind-hints [data-kind]");
  if (!kind || !hints.length) { return; }
  function update() {
    hints.forEach(function (hint) { hint.hidden = hint.getAttribute("data-kind") !== kind.value; });
  }
  kind.addEventListener("change", update);
  update();
}());
