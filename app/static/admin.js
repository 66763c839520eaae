// Admin jobs: poll the status endpoint and move the progress bar; reload when finished,
// so the server renders the report (the page works without this script, on reload).
(function () {
  "use strict";
  var live = document.getElementById("job-live");
  if (!live || live.dataset.finished === "true") { return; }
  var url = live.dataset.statusUrl;
  var bar = document.getElementById("job-progress");
  var count = document.getElementById("job-count");
  function poll() {
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (job) {
        bar.value = job.percent;
        bar.textContent = job.percent + " %";
        if (count) { count.textContent = job.done + " / " + job.total; }
        if (job.finished) { window.location.reload(); } else { window.setTimeout(poll, 1000); }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 500);
})();
