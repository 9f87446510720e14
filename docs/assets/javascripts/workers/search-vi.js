// Vietnamese search for Material for MkDocs' search box, at any size of site.
//
// overrides/main.html points Material's `search` worker setting at this file. It speaks Material's
// worker protocol (SETUP, READY, QUERY, RESULT) but answers from the index that src/bangvang/search.py
// writes under search/vi/, not from lunr:
//   - the manifest arrives with SETUP (Material fetched search/search_index.json, a few kilobytes);
//     nothing else is loaded until the visitor types;
//   - a query loads the shard of each of its words (words grouped by their first two letters without
//     marks), ranks the pages, and loads the chunks holding the lines of the results shown;
//   - NFC first, so decomposed (NFD) and Unikey's mixed "tổ hợp" input match;
//   - a word typed WITH marks is put in canonical tone placement ("hòa" → "hoà") and matches only
//     words with those marks; a word typed WITHOUT marks also matches marked words ("duong" finds
//     dương, đương and đường) at half weight, so exact matches rank first; every word is a prefix;
//   - a document number (62/KH-UBND, 91/2017/NĐ-CP) is one token, 62_kh_ubnd; what a document number
//     is comes with the manifest (src/bangvang/docnumber.py's grammar, matched here without case), as
//     do the folder of the index and the page "more results" opens: nothing here spells them again;
//   - pages holding more of the query's words come first, then title matches, then the kind of page;
//   - matched words are marked, and each result's terms carry them as written on the page, for
//     Material's highlighting after a click.
// The build half (the same tone table, the same tokens) is src/bangvang/search.py; both must agree.
(function (root) {
  "use strict";

  // Same table as TONE_PLACEMENT in src/bangvang/search.py: tone of oa/oe/uy on the second vowel.
  var TONE_PLACEMENT = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"
  };
  var TONE_RE = new RegExp(Object.keys(TONE_PLACEMENT).join("|"), "g");
  var FORMAT = 1;             // src/bangvang/search.py FORMAT
  var SHOWN = 100;            // result groups answered (Material renders 10, then more on scrolling)
  var TITLE = 10, TEXT = 1;   // weight of a word found in the title, in the text
  var WORD = /[\p{L}\p{M}\p{N}]+/gu;

  function nfc(text) { return text.normalize("NFC"); }

  // bangvang.text.fold: drop every mark, đ → d, lower case.
  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  // bangvang.text.has_marks
  function hasMarks(text) { return fold(text) !== text.toLowerCase(); }

  function canonicalTones(word) {
    return nfc(word).toLowerCase().replace(TONE_RE, function (pair) { return TONE_PLACEMENT[pair]; });
  }

  function docNumberToken(number) { return fold(number).replace(/[/-]/g, "_"); }

  // A document number typed in any case: docNumber(manifest.doc_number) tests a whole query word.
  function docNumber(pattern) {
    var whole = new RegExp("^(?:" + pattern + ")$", "iu");
    return function (word) { return whole.test(word); };
  }

  // The words of a query: [{token, typed, marked, number}]. A document number (isNumber) is one word.
  function parseQuery(value, isNumber) {
    var out = [], seen = {};
    function add(word) { if (!(word.token in seen)) { seen[word.token] = true; out.push(word); } }
    nfc(String(value)).split(/\s+/).forEach(function (part) {
      var core = part.replace(/^[+\-"(]+/, "").replace(/[")*,.;:?!]+$/, "");
      if (isNumber && isNumber(core)) {
        add({ token: docNumberToken(core), typed: core, marked: false, number: true });
        return;
      }
      (part.match(WORD) || []).forEach(function (word) {
        var lower = word.toLowerCase();
        var marked = hasMarks(lower);
        add({ token: marked ? canonicalTones(lower) : lower, typed: lower, marked: marked, number: false });
      });
    });
    return out.slice(0, 24);
  }

  // How well an indexed token answers a query word: 1 exact, 0.5 folded or prefix, 0.25 both, 0 no.
  function matchToken(word, token, folded) {
    if (word.number) return token === word.token ? 1 : token.lastIndexOf(word.token, 0) === 0 ? 0.5 : 0;
    if (token === word.token) return 1;
    if (word.token.length < 2) return word.marked ? 0 : folded === word.token ? 0.5 : 0;
    if (token.lastIndexOf(word.token, 0) === 0) return 0.5;
    if (word.marked) return 0;
    if (folded === word.token) return 0.5;
    return folded.lastIndexOf(word.token, 0) === 0 ? 0.25 : 0;
  }

  function shardKey(word) { return fold(word.token).slice(0, 2); }

  var api = {
    TONE_PLACEMENT: TONE_PLACEMENT, nfc: nfc, fold: fold, hasMarks: hasMarks,
    canonicalTones: canonicalTones, docNumberToken: docNumberToken, docNumber: docNumber, parseQuery: parseQuery,
    matchToken: matchToken
  };
  root.bangvangSearch = api;

  if (typeof WorkerGlobalScope === "undefined" || !(root instanceof WorkerGlobalScope)) return;

  // --- the worker ----------------------------------------------------------------------------

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;   // Material's worker protocol
  var siteRoot = new URL("../../../", root.location.href);  // this file is assets/javascripts/workers/
  var here = null;        // the index's folder (manifest.dir)
  var isNumber = null;    // tests a query word against the grammar of document numbers
  var manifest = null;
  var shards = {};   // key → Promise of {t: [[token, folded, ids]], x: […]}
  var chunks = {};   // number → Promise of [[location, title, text]]
  var pending = Promise.resolve();

  function fetchJSON(name) {
    return fetch(new URL(name, here)).then(function (response) {
      if (!response.ok) throw new Error(name + ": HTTP " + response.status);
      return response.json();
    });
  }

  function loadShard(key) {
    if (!(key in shards)) {
      var name = manifest.shards[key];
      shards[key] = !name ? Promise.resolve({ t: [], x: [] }) : fetchJSON(name).then(function (raw) {
        var shard = {};
        ["t", "x"].forEach(function (kind) {
          shard[kind] = Object.keys(raw[kind] || {}).map(function (token) {
            var ids = raw[kind][token], sum = 0;
            for (var i = 0; i < ids.length; i++) { sum += ids[i]; ids[i] = sum; }
            return [token, fold(token), ids];
          });
        });
        return shard;
      });
    }
    return shards[key];
  }

  function loadChunk(number) {
    if (!(number in chunks)) chunks[number] = fetchJSON(manifest.docs[number]);
    return chunks[number];
  }

  // The page a line belongs to (a section's page, or itself).
  var parents = null;
  function parentOf(id) {
    if (!parents) {
      parents = new Map();
      (manifest.sections || []).forEach(function (pair) {
        for (var i = 1; i <= pair[1]; i++) parents.set(pair[0] + i, pair[0]);
      });
    }
    return parents.has(id) ? parents.get(id) : id;
  }

  // Score every line against the query's words; returns the ranked groups (page id + its lines).
  function rank(words, loaded) {
    var hits = new Map();   // id → {mask, score, title}
    words.forEach(function (word, index) {
      var bit = 1 << index;
      var best = new Map();
      [["t", TITLE], ["x", TEXT]].forEach(function (field) {
        loaded[index][field[0]].forEach(function (entry) {
          var factor = matchToken(word, entry[0], entry[1]);
          if (!factor) return;
          var weight = factor * field[1];
          var ids = entry[2];
          for (var i = 0; i < ids.length; i++) {
            var old = best.get(ids[i]);
            if (old === undefined || old < weight) best.set(ids[i], weight);
          }
        });
      });
      best.forEach(function (weight, id) {
        var hit = hits.get(id);
        if (!hit) hits.set(id, hit = { id: id, mask: 0, words: 0, score: 0 });
        hit.mask |= bit; hit.words++; hit.score += weight;
      });
    });
    var groups = new Map();
    hits.forEach(function (hit) {
      var page = parentOf(hit.id);
      var group = groups.get(page);
      if (!group) groups.set(page, group = { page: page, words: 0, score: 0, mask: 0, lines: [] });
      group.lines.push(hit);
      group.mask |= hit.mask;
      if (hit.words > group.words || (hit.words === group.words && hit.score > group.score)) {
        group.words = hit.words; group.score = hit.score;
      }
    });
    return Array.from(groups.values()).sort(function (a, b) {
      return b.words - a.words || b.score - a.score || a.page - b.page;
    });
  }

  // Wrap the words of `html` that answer the query in <mark>; collect them as written.
  function markWords(html, words, seen) {
    return String(html).split(/(<[^>]*>|&[#\w]+;)/).map(function (segment, index) {
      if (index % 2) return segment;
      return segment.replace(WORD, function (written) {
        var token = canonicalTones(written);
        var folded = fold(token);
        for (var i = 0; i < words.length; i++) {
          if (!words[i].number && matchToken(words[i], token, folded)) {
            seen[written.toLowerCase()] = true;
            return "<mark>" + written + "</mark>";
          }
        }
        return written;
      });
    }).join("");
  }

  function item(line, words, mask, score) {
    var seen = {};
    var result = {
      location: line[0], title: markWords(line[1], words, seen), text: markWords(line[2], words, seen),
      score: score, terms: {}
    };
    words.forEach(function (word, index) {
      if (!(mask & (1 << index))) result.terms[word.typed] = false;        // shown as "missing"
    });
    Object.keys(seen).forEach(function (word) { result.terms[word] = true; });
    words.forEach(function (word, index) {
      if (word.number && mask & (1 << index)) result.terms[word.typed] = true;
    });
    return result;
  }

  function search(value) {
    var words = parseQuery(value, isNumber);
    if (!words.length || !manifest) return Promise.resolve({ items: [] });
    return Promise.all(words.map(function (word) { return loadShard(shardKey(word)); })).then(function (loaded) {
      var groups = rank(words, loaded);
      var shown = groups.slice(0, SHOWN);
      var needed = {};
      shown.forEach(function (group) {
        needed[Math.floor(group.page / manifest.chunk)] = true;
        group.lines.forEach(function (hit) { needed[Math.floor(hit.id / manifest.chunk)] = true; });
      });
      var numbers = Object.keys(needed).map(Number);
      return Promise.all(numbers.map(loadChunk)).then(function () {
        return Promise.all(numbers.map(function (n) { return chunks[n]; }));
      }).then(function (lists) {
        var lines = {};
        numbers.forEach(function (n, i) { lines[n] = lists[i]; });
        function line(id) { return lines[Math.floor(id / manifest.chunk)][id % manifest.chunk]; }
        var total = shown.length;
        var items = shown.map(function (group, rankIndex) {
          // Scores fall with the order shown, so Material's Enter key opens the first result.
          var top = (total - rankIndex) * 1000 + group.score;
          var pageHit = group.lines.filter(function (hit) { return hit.id === group.page; })[0];
          var out = [item(line(group.page), words, group.mask, top)];
          group.lines.filter(function (hit) { return hit.id !== group.page; })
            .sort(function (a, b) { return b.words - a.words || b.score - a.score || a.id - b.id; })
            .forEach(function (hit) {
              var full = hit.words === group.words && (!pageHit || hit.score >= group.score);
              out.push(item(line(hit.id), words, hit.mask, full ? top : top - 1));
            });
          return out;
        });
        if (groups.length > SHOWN) {
          var more = groups.length - SHOWN;
          items.push([{
            location: manifest.more, score: 0, terms: {},
            title: "Còn " + more.toLocaleString("vi-VN") + " kết quả khác chưa hiện",
            text: "Hãy gõ thêm (ví dụ cả họ, tên đệm và tên) để thu hẹp kết quả."
          }]);
        }
        return { items: items };
      });
    });
  }

  root.addEventListener("message", function (ev) {
    var message = ev.data || {};
    if (message.type === SETUP) {
      var config = (message.data && message.data.config) || {};
      manifest = config.bangvang && config.bangvang.format === FORMAT ? config.bangvang : null;
      if (manifest) {
        here = new URL(manifest.dir, siteRoot);
        isNumber = docNumber(manifest.doc_number);
      } else {
        console.error("search-vi.js: search/search_index.json has no index of format " + FORMAT);
      }
      root.postMessage({ type: READY });
    } else if (message.type === QUERY) {
      // One answer per query, in order (Material pairs them); a failed load answers "no results".
      var value = message.data;
      pending = pending.then(function () { return search(value); }).catch(function (err) {
        console.error("search-vi.js:", err);
        return { items: [] };
      }).then(function (result) { root.postMessage({ type: RESULT, data: result }); });
    }
  });
})(self);
