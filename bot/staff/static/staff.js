// Live pages: a server-sent event says "something changed"; the page fetches its fragment again. Due times
// are counted down in the reader's own clock. Nothing here is needed to read or act: forms work without it.
"use strict";
(function () {
  function refresh(section) {
    var url = new URL(window.location.href);
    url.searchParams.set("fragment", section.id === "queue" ? "queue" : "transcript");
    fetch(url.toString(), { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html !== null) { section.innerHTML = html; tick(); } })
      .catch(function () {});
  }
  function live(section) {
    if (!window.EventSource) { return; }
    var source = new EventSource(section.getAttribute("data-live"));
    source.addEventListener("queue", function () { refresh(section); });
    source.addEventListener("conversation", function () { refresh(section); });
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-due]").forEach(function (el) {
      var due = Date.parse(el.getAttribute("data-due"));
      if (isNaN(due)) { return; }
      var minutes = Math.round((due - now) / 60000);
      var lang = document.documentElement.lang;
      var text = minutes < 0
        ? (lang === "es" ? "vencido hace " : "overdue by ") + Math.abs(minutes) + " min"
        : (lang === "es" ? "vence en " : "due in ") + minutes + " min";
      el.textContent = text;
      var item = el.closest(".item");
      if (item) { item.classList.toggle("overdue", minutes < 0); }
    });
  }
  document.querySelectorAll("[data-live]").forEach(live);
  tick();
  setInterval(tick, 30000);
})();
