// Progressive enhancement only: pages are complete without this script.
(function () {
  function enhance() {
    document.querySelectorAll("[data-bv-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhance);
  else enhance();
})();
