/* Public pages: submit the search when the sort order changes; search around the device's location. */
(function () {
  "use strict";
  document.querySelectorAll("select.autosubmit").forEach(function (select) {
    select.addEventListener("change", function () {
      if (select.form) { select.form.requestSubmit ? select.form.requestSubmit() : select.form.submit(); }
    });
  });
  var filters = document.querySelector("details.filters");
  if (filters && !filters.querySelector(".field-error") && window.matchMedia("(max-width: 47.99rem)").matches) {
    filters.open = false;  /* on a phone the results come first; the filters are one tap away */
  }
  var button = document.getElementById("use-location");
  if (!button || !navigator.geolocation) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(function (position) {
      var form = button.form;
      document.getElementById("f-lat").value = position.coords.latitude.toFixed(5);
      document.getElementById("f-lon").value = position.coords.longitude.toFixed(5);
      document.getElementById("f-near").value = "";
      var sort = document.getElementById("f-sort");
      if (sort) {
        var option = document.createElement("option");
        option.value = "distance";
        sort.appendChild(option);
        sort.value = "distance";
      }
      form.submit();
    }, function () { button.disabled = false; }, { timeout: 10000 });
  });
})();
