// The Today page refreshes itself: every 2 s it fetches /today/live (the same markup the server rendered) and puts it
// in place when it changed. Nothing else runs in the browser; every page works without this script, only without the
// refresh. Served from this binary (the Content-Security-Policy allows no other script).
(function () {
  "use strict";
  var live = document.getElementById("today-live");
  if (!live) return;
  var last = live.innerHTML;
  function refresh() {
    if (document.hidden) return;
    fetch("/today/live", { credentials: "same-origin", cache: "no-store" }).then(function (response) {
      if (response.status === 401) { window.location.assign("/login"); return null; }
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (html !== null && html !== last) {
        live.innerHTML = html;
        last = html;
      }
    }).catch(function () { /* the next tick tries again */ });
  }
  window.setInterval(refresh, 2000);
})();
