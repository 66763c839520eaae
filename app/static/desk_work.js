// The staff desk's referral sheet: a button that opens the browser's print dialogue.
(function () {
  "use strict";
  var button = document.getElementById("print-referral");
  if (button) {
    button.addEventListener("click", function () { window.print(); });
  }
})();
