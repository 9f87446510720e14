// The ceremony screen (src/bangvang/ceremony.py): the list of slides becomes a full-screen presentation.
// Keys: → ↓ Page Down Space Enter: next; ← ↑ Page Up Backspace: back; Home, End; F: full screen;
// A: slides move on by themselves; Esc: back to the list. Presenter clickers send Page Up/Page Down.
// Touch: swipe left or right. The same file runs in the site's page and inside the file that runs
// alone from a USB stick (data-bv-autostart: it opens on the first slide at once).
(function () {
  "use strict";

  var AUTOPLAY_MS = 8000;

  function button(text, label, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "bv-screen__control";
    b.textContent = text;
    b.setAttribute("aria-label", label);
    b.addEventListener("click", onClick);
    return b;
  }

  function setup(screen) {
    var slides = Array.prototype.slice.call(screen.querySelectorAll(".bv-slide"));
    if (!slides.length) return;
    var current = 0, timer = null, presenting = false, touchX = null;
    var status = document.createElement("p");
    status.className = "bv-screen__status";
    status.setAttribute("aria-live", "polite");
    var auto = button("▶ Tự chạy", "Tự chạy: tự chuyển trang (phím A)", function () { autoplay(timer === null); });
    auto.setAttribute("aria-pressed", "false");
    var bar = document.createElement("div");
    bar.className = "bv-screen__bar";
    bar.hidden = true;
    [button("◀", "Trang trước", function () { go(current - 1); }), status,
     button("▶", "Trang sau", function () { go(current + 1); }), auto,
     button("Toàn màn hình", "Toàn màn hình (phím F)", fullscreen), button("✕", "Thoát trình chiếu", function () { present(false); })]
      .forEach(function (node) { bar.appendChild(node); });
    screen.appendChild(bar);

    function go(index) {
      current = Math.max(0, Math.min(slides.length - 1, index));
      slides.forEach(function (slide, i) { slide.hidden = presenting && i !== current; });
      status.textContent = (current + 1) + " / " + slides.length;
    }

    function autoplay(on) {
      if (timer !== null) { clearInterval(timer); timer = null; }
      if (on) {
        timer = setInterval(function () { go(current + 1 < slides.length ? current + 1 : 0); }, AUTOPLAY_MS);
      }
      auto.setAttribute("aria-pressed", on ? "true" : "false");
    }

    function fullscreen() {
      if (document.fullscreenElement) { document.exitFullscreen(); return; }
      if (screen.requestFullscreen) screen.requestFullscreen().catch(function () {});
    }

    function present(on) {
      presenting = on;
      screen.classList.toggle("bv-presenting", on);
      bar.hidden = !on;
      if (!on) {
        autoplay(false);
        if (document.fullscreenElement) document.exitFullscreen();
      }
      go(on ? current : 0);
      screen.focus();
    }

    var KEYS = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, Enter: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1,
                 Backspace: -1 };
    document.addEventListener("keydown", function (event) {
      if (!presenting || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.target && event.target.tagName === "BUTTON" && (event.key === " " || event.key === "Enter")) return;
      var key = event.key, step = KEYS[key];
      if (step) go(current + step);
      else if (key === "Home") go(0);
      else if (key === "End") go(slides.length - 1);
      else if (key === "f" || key === "F") fullscreen();
      else if (key === "a" || key === "A") autoplay(timer === null);
      else if (key === "Escape") present(false);
      else return;
      event.preventDefault();
    });
    screen.addEventListener("touchstart", function (event) { touchX = event.changedTouches[0].clientX; },
                            { passive: true });
    screen.addEventListener("touchend", function (event) {
      if (!presenting || touchX === null) return;
      var dx = event.changedTouches[0].clientX - touchX;
      touchX = null;
      if (Math.abs(dx) > 40) go(current + (dx < 0 ? 1 : -1));
    });

    var start = screen.querySelector("[data-bv-screen-start]");
    if (start) {
      start.hidden = false;
      start.addEventListener("click", function () { present(true); fullscreen(); });
    }
    if (screen.hasAttribute("data-bv-autostart")) present(true);
    window.bvScreen = { go: go, present: present, autoplay: autoplay, current: function () { return current; } };
  }

  document.querySelectorAll("[data-bv-screen]").forEach(setup);
}());
