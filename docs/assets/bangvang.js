// Progressive enhancement only: every page is complete and readable without this script.
(function () {
  "use strict";

  var slice = function (list) { return Array.prototype.slice.call(list); };

  // Print button on report pages.
  function enablePrint() {
    document.querySelectorAll("[data-bv-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  // --- filters of list pages ------------------------------------------------------------------
  // <form data-bv-filters="#list"> with one <select name=key> per facet; items carry data-key="v1 v2";
  // the choice is kept in the URL (?nam=2023&cap=tinh) so it can be shared. On a phone the fields
  // fold behind the form's "Lọc" button (bangvang.css); the active filters are chips under the form.

  // "Năm" of <label><span class="bv-filters__label">Năm</span><select>…
  function labelOf(select) {
    var label = select.closest("label");
    var text = label && label.querySelector(".bv-filters__label");
    return (text ? text.textContent : select.name).trim();
  }

  // The chosen option's text without its count: "Cấp tỉnh (2)" → "Cấp tỉnh".
  function choiceOf(select) {
    var option = select.options[select.selectedIndex];
    return option ? option.textContent.replace(/\s*\(\s*[\d.,\s]+\)\s*$/, "").trim() : select.value;
  }

  // The "Lọc" button: a disclosure (aria-expanded, aria-controls) that only a phone shows.
  function enableToggle(form) {
    var toggle = form.querySelector("[data-bv-filters-toggle]");
    if (!toggle) return null;
    function open(yes) { toggle.setAttribute("aria-expanded", yes ? "true" : "false"); }
    toggle.addEventListener("click", function () { open(toggle.getAttribute("aria-expanded") !== "true"); });
    // Escape inside the opened filters folds them again and gives the focus back to the button.
    form.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || toggle.getAttribute("aria-expanded") !== "true") return;
      if (!toggle.getClientRects().length) return;  // wide screen: the button is not shown
      open(false);
      toggle.focus();
    });
    return toggle;
  }

  // One chip per active filter ("Năm: 2023 ✕", a button that removes it), after the form.
  function makeChips(form, onRemove) {
    var box = document.createElement("div");
    box.className = "bv-chips";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "Bộ lọc đang dùng");
    box.hidden = true;
    form.parentNode.insertBefore(box, form.nextSibling);

    function chip(select) {
      var text = labelOf(select) + ": " + choiceOf(select);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "bv-chip";
      button.setAttribute("aria-label", "Bỏ lọc " + text);
      var mark = document.createElement("span");
      mark.className = "bv-chip__x";
      mark.setAttribute("aria-hidden", "true");
      mark.textContent = "✕";
      button.appendChild(document.createTextNode(text + " "));
      button.appendChild(mark);
      button.addEventListener("click", function () { onRemove(select); });
      return button;
    }

    return {
      box: box,
      render: function (active) {
        box.textContent = "";
        active.forEach(function (select) { box.appendChild(chip(select)); });
        box.hidden = !active.length;
      }
    };
  }

  // The first control of the form that is shown: the "Lọc" button on a phone, else the first field.
  function focusForm(form) {
    var first = slice(form.querySelectorAll("[data-bv-filters-toggle], select"))
      .filter(function (el) { return el.getClientRects().length; })[0];
    if (first) first.focus();
  }

  // After a chip is removed the focus goes to the chip that took its place, else to the one
  // before it, else back to the form.
  function focusAfterRemoval(chips, index, form) {
    var left = chips.box.querySelectorAll(".bv-chip");
    var next = left[Math.min(index, left.length - 1)];
    if (next) next.focus();
    else focusForm(form);
  }

  function showMatches(items, groups, active) {
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
    return shown;
  }

  function keepInUrl(active) {
    var query = new URLSearchParams();
    active.forEach(function (s) { query.set(s.name, s.value); });
    var search = query.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
  }

  function enableFilterForm(form) {
    var list = document.querySelector(form.getAttribute("data-bv-filters"));
    if (!list) return;
    var items = slice(list.querySelectorAll("[data-bv-item]"));
    var groups = slice(list.querySelectorAll("[data-bv-group]"));
    var selects = slice(form.querySelectorAll("select"));
    var count = form.querySelector("[data-bv-count]");
    var reset = form.querySelector("button[type=reset]");
    var noun = form.getAttribute("data-bv-noun") || "mục";
    var params = new URLSearchParams(window.location.search);
    var toggle = enableToggle(form);
    var chips = makeChips(form, function (select) {
      var index = selects.filter(function (s) { return s.value; }).indexOf(select);
      select.value = "";
      apply();
      focusAfterRemoval(chips, index, form);
    });

    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted && slice(select.options).some(function (o) { return o.value === wanted; })) {
        select.value = wanted;
      }
    });

    function apply() {
      var active = selects.filter(function (s) { return s.value; });
      var shown = showMatches(items, groups, active);
      if (count) {
        count.textContent = active.length
          ? "Đang hiện " + shown + " trên " + items.length + " " + noun + "."
          : "Đang hiện tất cả " + items.length + " " + noun + ".";
      }
      if (toggle) toggle.textContent = active.length ? "Lọc (" + active.length + ")" : "Lọc";
      if (reset) reset.hidden = !active.length;  // nothing to undo
      chips.render(active);
      keepInUrl(active);
    }

    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () {
      var resetHadFocus = document.activeElement === reset;
      window.setTimeout(function () {
        apply();
        if (resetHadFocus) focusForm(form);  // "Bỏ lọc" hides itself once nothing is left to undo
      }, 0);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  function enableFilters() {
    document.querySelectorAll("form[data-bv-filters]").forEach(enableFilterForm);
  }

  // --- the drawer of pages out of the navigation --------------------------------------------------
  // Record pages (most of a large site) do not repeat the tabs' links in their drawer
  // (overrides/main.html): they are copied here. Without this script the tabs show on phones too.
  function fillDrawer() {
    var tabs = slice(document.querySelectorAll(".md-tabs__link"));
    document.querySelectorAll("ul[data-bv-from-tabs]").forEach(function (list) {
      tabs.forEach(function (tab) {
        var item = document.createElement("li"), link = document.createElement("a");
        item.className = "md-nav__item";
        link.className = "md-nav__link";
        link.href = tab.getAttribute("href");
        link.textContent = tab.textContent.trim();
        item.appendChild(link);
        list.appendChild(item);
      });
    });
  }

  // --- verification codes ----------------------------------------------------------------------
  // Pages with codes (a person's awards, a decision's rows, the verification page) load the QR
  // encoder and bv-verify.js, in that order; the other pages load nothing more.
  var here = document.currentScript && document.currentScript.src;

  function loadScripts(urls) {
    if (!urls.length) return;
    var script = document.createElement("script");
    script.src = urls[0];
    script.addEventListener("load", function () { loadScripts(urls.slice(1)); });
    document.head.appendChild(script);
  }

  function enableVerification() {
    if (!here || !document.querySelector("[data-bv-verify], table[data-bv-codes]")) return;
    loadScripts([new URL("javascripts/vendor/qrcode-generator-2.0.4.min.js", here).href,
                 new URL("javascripts/bv-verify.js", here).href]);
  }

  // The ceremony screen (src/bangvang/ceremony.py): its style and script, named by the page.
  function enableScreen() {
    var screen = document.querySelector("[data-bv-screen][data-bv-script]");
    if (!screen) return;
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = screen.getAttribute("data-bv-style");
    document.head.appendChild(style);
    loadScripts([screen.getAttribute("data-bv-script")]);
  }

  function start() { fillDrawer(); enablePrint(); enableFilters(); enableVerification(); enableScreen(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
