// Progressive enhancement only: every page is complete and readable without this script.
(function () {
  "use strict";

  // Print button on report pages.
  function enablePrint() {
    document.querySelectorAll("[data-bv-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  // Filters of list pages: <form data-bv-filters="#list"> with one <select name=key> per facet;
  // items carry data-key="v1 v2"; the choice is kept in the URL (?nam=2023&cap=tinh) so it can be shared.
  function enableFilters() {
    document.querySelectorAll("form[data-bv-filters]").forEach(function (form) {
      var list = document.querySelector(form.getAttribute("data-bv-filters"));
      if (!list) return;
      var items = Array.prototype.slice.call(list.querySelectorAll("[data-bv-item]"));
      var groups = Array.prototype.slice.call(list.querySelectorAll("[data-bv-group]"));
      var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
      var count = form.querySelector("[data-bv-count]");
      var noun = form.getAttribute("data-bv-noun") || "mục";
      var params = new URLSearchParams(window.location.search);

      selects.forEach(function (select) {
        var wanted = params.get(select.name);
        if (wanted && Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
          select.value = wanted;
        }
      });

      function apply() {
        var active = selects.filter(function (s) { return s.value; });
        var shown = 0;
        items.forEach(function (item) {
          var ok = active.every(function (s) {
            return (item.getAttribute("data-" + s.name) || "").split(" ").indexOf(s.value) >= 0;
          });
          item.hidden = !ok;
          if (ok) shown += 1;
        });
        groups.forEach(function (group) {
          var visible = group.querySelectorAll("[data-bv-item]:not([hidden])").length;
          group.hidden = active.length > 0 && !visible;
          // The count in the group's heading follows the filter (its build-time text is kept for "all").
          var number = group.querySelector("[data-bv-group-count]");
          if (number) {
            if (!number.hasAttribute("data-bv-all")) number.setAttribute("data-bv-all", number.textContent);
            number.textContent = active.length ? visible.toLocaleString("vi-VN") : number.getAttribute("data-bv-all");
          }
        });
        if (count) {
          count.textContent = active.length
            ? "Đang hiện " + shown + " trên " + items.length + " " + noun + "."
            : "Đang hiện tất cả " + items.length + " " + noun + ".";
        }
        var query = new URLSearchParams();
        active.forEach(function (s) { query.set(s.name, s.value); });
        var search = query.toString();
        window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
      }

      form.hidden = false;
      form.addEventListener("change", apply);
      form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      apply();
    });
  }

  function start() { enablePrint(); enableFilters(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
