// Verification codes (src/bangvang/verifycode.py): the lookup on the verification page, the QR code
// beside each of a person's awards when their page is printed, and a decision's sheet of QR codes
// for the paper certificates. bangvang.js loads this file, after the QR encoder (vendor/), only on
// pages that have codes. Without JavaScript the pages stay complete; only the QR drawings are missing.
//
// Why in the browser: a QR code drawn at build time weighs 1.4 to 1.8 KB as SVG, and a province has
// 100,000 awards on several pages each (hundreds of megabytes, past what GitHub Pages holds); and a
// QR must carry the site's public address, which the page knows (its canonical link) and a build may not.
(function () {
  "use strict";

  var ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  var LENGTH = 10;
  var QUIET = 4;  // modules of white around a QR code, as the standard asks
  var SVG_NS = "http://www.w3.org/2000/svg";

  // verifycode.normalize: any case; spaces, dashes, dots dropped; O read as 0, I and L as 1.
  function normalize(typed) {
    var text = String(typed || "").trim().toUpperCase().replace(/[\s\-.\u2013\u2014_]+/g, "")
      .replace(/O/g, "0").replace(/[IL]/g, "1");
    if (text.length !== LENGTH) return null;
    for (var i = 0; i < text.length; i += 1) if (ALPHABET.indexOf(text.charAt(i)) < 0) return null;
    return text;
  }

  function shown(code) { return code.slice(0, LENGTH / 2) + "-" + code.slice(LENGTH / 2); }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // --- QR codes -------------------------------------------------------------------------------

  // The QR code of `text` as an SVG element: each row's dark runs in one path, black on white.
  function qrSvg(text, label) {
    var qr = window.qrcode(0, "M");
    qr.addData(text, "Byte");
    qr.make();
    var n = qr.getModuleCount(), size = n + 2 * QUIET, d = [];
    for (var r = 0; r < n; r += 1) {
      for (var c = 0; c < n;) {
        if (!qr.isDark(r, c)) { c += 1; continue; }
        var start = c;
        while (c < n && qr.isDark(r, c)) c += 1;
        d.push("M" + (start + QUIET) + " " + (r + QUIET) + "h" + (c - start) + "v1h-" + (c - start) + "z");
      }
    }
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("class", "bv-qr");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    svg.setAttribute("shape-rendering", "crispEdges");
    var back = document.createElementNS(SVG_NS, "rect");
    back.setAttribute("width", size);
    back.setAttribute("height", size);
    back.setAttribute("fill", "#fff");
    var path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", d.join(""));
    path.setAttribute("fill", "#000");
    svg.appendChild(back);
    svg.appendChild(path);
    return svg;
  }

  // The verification page (src/bangvang/verify_index.py: PAGE), from the site's root; this file is
  // assets/javascripts/bv-verify.js, two folders below the root.
  var VERIFY_PAGE = "xac-minh/";
  var localRoot = new URL("../../", document.currentScript.src).href;

  // The site's root as published: when the page names its canonical address (the site declares
  // its address), a sheet printed from a preview on a laptop still points to the published site.
  function publicRoot() {
    var canonical = document.querySelector("link[rel=canonical]");
    var here = window.location.href.split("#")[0].split("?")[0];
    if (canonical && canonical.href && here.indexOf(localRoot) === 0) {
      var rel = here.slice(localRoot.length), href = canonical.href.split("#")[0];
      if (href.slice(href.length - rel.length) === rel) return href.slice(0, href.length - rel.length);
    }
    return localRoot;
  }

  function addressOf(code) { return publicRoot() + VERIFY_PAGE + "#" + shown(code); }

  function codeBox(code, who) {
    var box = el("span", "bv-qr-box");
    box.appendChild(qrSvg(addressOf(code), "Mã QR xác minh " + shown(code) + (who ? " của " + who : "")));
    box.appendChild(el("span", "bv-qr-box__code", "Mã xác minh: " + shown(code)));
    return box;
  }

  // The rows of a table with codes (data-bv-codes: one a row, in order; "-": none), as [row, code].
  function codedRows(table) {
    var codes = (table.getAttribute("data-bv-codes") || "").split(" "), rows = table.tBodies[0].rows, out = [];
    for (var i = 0; i < rows.length && i < codes.length; i += 1) if (codes[i] !== "-") out.push([rows[i], codes[i]]);
    return out;
  }

  // A person's page: each award's QR code and code, shown only on paper (bangvang.css); the row
  // whose code is in the address (a link from the verification page) is marked.
  function printCodes(table) {
    var wanted = normalize(decodeURIComponent(window.location.hash.replace(/^#/, "")));
    codedRows(table).forEach(function (pair) {
      var row = pair[0], cell = row.cells[Math.min(1, row.cells.length - 1)];
      var box = codeBox(pair[1], "");
      box.classList.add("bv-print-only");
      cell.appendChild(box);
      if (wanted === pair[1]) {
        row.classList.add("bv-row--verified");
        row.scrollIntoView({ block: "center" });
      }
    });
  }

  // A decision's page: a button that prints an A4 sheet, one QR code per row with its name and code,
  // to cut out and attach to the paper certificates.
  function enableSheet(table) {
    var wrap = table.closest(".bv-table-wrap");
    var tools = wrap && wrap.previousElementSibling;
    var button = tools && tools.querySelector("[data-bv-sheet]");
    if (!button) return;
    tools.hidden = false;
    button.addEventListener("click", function () {
      var sheet = makeSheet(table);
      document.body.appendChild(sheet);
      document.documentElement.classList.add("bv-sheet-printing");
      var done = function () {
        document.documentElement.classList.remove("bv-sheet-printing");
        if (sheet.parentNode) sheet.parentNode.removeChild(sheet);
        window.removeEventListener("afterprint", done);
      };
      window.addEventListener("afterprint", done);
      window.print();
    });
  }

  // A cell's first line: its name, not the notes under it ("Bản in ghi: …", "Loại hình: …").
  function firstLine(cell) {
    var text = "";
    for (var node = cell.firstChild; node && node.nodeName !== "BR"; node = node.nextSibling) text += node.textContent;
    return text.trim();
  }

  function makeSheet(table) {
    var sheet = el("section", "bv-sheet");
    var title = document.querySelector("h1");
    sheet.appendChild(el("h2", "bv-sheet__title", "Mã xác minh khen thưởng" + (title ? " — " + title.textContent.trim() : "")));
    sheet.appendChild(el("p", "bv-sheet__help", "Cắt theo đường viền, dán vào giấy khen. Quét mã QR hoặc gõ mã tại "
      + publicRoot() + VERIFY_PAGE));
    var grid = el("div", "bv-sheet__grid");
    codedRows(table).forEach(function (pair) {
      var row = pair[0];
      var who = row.cells.length > 1 ? firstLine(row.cells[1]) : "";
      var what = row.cells.length > 2 ? firstLine(row.cells[2]) : "";
      var card = el("div", "bv-sheet__card");
      card.appendChild(codeBox(pair[1], who));
      card.appendChild(el("strong", "bv-sheet__who", who));
      card.appendChild(el("span", "bv-sheet__what", what));
      grid.appendChild(card);
    });
    sheet.appendChild(grid);
    return sheet;
  }

  // --- the verification page ------------------------------------------------------------------

  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (response.status === 404) return null;
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }

  function link(text, href) {
    var a = el("a", "", text);
    a.href = href;
    return a;
  }

  function fact(list, term, value) {
    if (value === null || value === undefined || value === "") return;
    list.appendChild(el("dt", "", term));
    var dd = el("dd");
    if (typeof value === "string") dd.textContent = value; else dd.appendChild(value);
    list.appendChild(dd);
  }

  function entryView(entry, table, root, unit, code) {
    var box = el("div", "bv-verify__entry");
    if (entry === 0) {
      box.classList.add("bv-verify__entry--withdrawn");
      box.appendChild(el("p", "bv-verify__verdict", "Mã này có trong hồ sơ khen thưởng của " + unit + "."));
      box.appendChild(el("p", "", "Người được khen đã đề nghị gỡ thông tin cá nhân khỏi bảng vàng, nên trang "
        + "không nêu tên và chi tiết của khen thưởng này."));
      return box;
    }
    var status = table.status[entry[2]] || ["", "", ""];
    var revoked = status[0] === "thu_hoi";
    box.classList.add(revoked ? "bv-verify__entry--revoked" : "bv-verify__entry--found");
    box.appendChild(el("p", "bv-verify__verdict", revoked
      ? "Khen thưởng này có trong bảng vàng của " + unit + " nhưng đã bị hủy bỏ, thu hồi."
      : "Khen thưởng này có trong bảng vàng của " + unit + "."));
    var list = el("dl", "bv-facts");
    fact(list, "Được khen", entry[0]);
    fact(list, "Danh hiệu, hình thức", table.what[entry[1]]);
    fact(list, "Tình trạng", status[1] + (status[2] && status[0] !== "da_tang" ? " — " + status[2] : ""));
    fact(list, "Cấp khen", table.authority[entry[3]]);
    var decision = table.decision[entry[4]];
    if (decision) {
      var d = el("span");
      d.appendChild(decision[2] ? link(decision[0], root + decision[2]) : document.createTextNode(decision[0]));
      if (decision[1]) d.appendChild(document.createTextNode(", ngày " + decision[1]));
      fact(list, "Quyết định", d);
    }
    var movement = table.movement[entry[5]];
    if (movement) fact(list, "Phong trào", typeof movement === "string" ? movement : link(movement[0], root + movement[1]));
    box.appendChild(list);
    if (entry[6]) {
      var more = el("p");
      more.appendChild(link("Xem trên bảng vàng", root + entry[6] + (entry[6].indexOf("#") < 0 ? "#" + shown(code) : "")));
      box.appendChild(more);
    }
    return box;
  }

  function showResult(result, code, nodes) {
    result.textContent = "";
    result.hidden = false;
    result.appendChild(el("h2", "bv-verify__code", code ? "Mã " + shown(code) : "Mã chưa đúng"));
    nodes.forEach(function (node) { result.appendChild(node); });
    result.focus();
  }

  function notFound(message) {
    var p = el("p", "bv-verify__verdict bv-verify__verdict--missing", message + " ");
    p.appendChild(link("Hỏi ở đâu?", "#khong-tim-thay"));
    return p;
  }

  function verifyPage(article) {
    var prefix = Number(article.getAttribute("data-bv-prefix")) || 1;
    var root = article.getAttribute("data-bv-root") || "../";
    var unit = article.getAttribute("data-bv-unit") || "";
    var tableFile = article.getAttribute("data-bv-table"), shards = article.getAttribute("data-bv-shards");
    var form = article.querySelector("[data-bv-verify-form]");
    var input = form.querySelector("input");
    var result = article.querySelector("[data-bv-verify-result]");
    var table = null;

    function run(typed) {
      if (!typed) return;
      var code = normalize(typed);
      input.value = typed;
      if (!code) {
        showResult(result, null, [notFound("“" + typed + "” không phải là một mã xác minh: mã gồm 10 chữ cái và chữ số.")]);
        return;
      }
      input.value = shown(code);
      result.hidden = false;
      result.textContent = "Đang tra mã…";
      Promise.all([table || fetchJson(tableFile), fetchJson(shards + code.slice(0, prefix) + ".json")])
        .then(function (got) {
          table = got[0];
          var entries = got[1] && got[1][code.slice(prefix)];
          showResult(result, code, entries ? entries.map(function (e) { return entryView(e, table, root, unit, code); })
            : [notFound("Không tìm thấy mã này trong bảng vàng của " + unit + ".")]);
        })
        .catch(function () {
          showResult(result, code, [notFound("Chưa tải được dữ liệu để tra mã (mạng chậm hoặc mất kết nối). Hãy thử lại.")]);
        });
    }

    function fromAddress() {
      var hash = decodeURIComponent(window.location.hash.replace(/^#/, ""));
      var query = new URLSearchParams(window.location.search).get("ma");
      run(hash && hash !== "khong-tim-thay" ? hash : query);
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var code = normalize(input.value);
      if (code && window.location.hash !== "#" + shown(code)) window.location.hash = shown(code);
      else run(input.value);
    });
    window.addEventListener("hashchange", fromAddress);
    fromAddress();
  }

  var page = document.querySelector("[data-bv-verify]");
  if (page) verifyPage(page);
  document.querySelectorAll("table[data-bv-codes]").forEach(function (table) {
    if (table.classList.contains("bv-awards--own")) printCodes(table);
    else enableSheet(table);
  });
  window.bvVerify = { normalize: normalize, shown: shown, qrSvg: qrSvg, addressOf: addressOf };  // for the browser tests
}());
