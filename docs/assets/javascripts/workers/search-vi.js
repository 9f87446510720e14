// Vietnamese search: a thin wrapper around Material for MkDocs' own search worker.
//
// overrides/main.html points Material's `search` setting at this file, with Material's hashed worker
// as ?material=search.<hash>.min.js. This script loads that worker with importScripts() (same folder,
// same origin) and rewrites each query before Material's handler sees it:
//   - NFC, so decomposed (NFD) and Unikey's mixed "tổ hợp" input match;
//   - a word typed WITH marks is put in canonical tone placement ("hòa" → "hoà", "thủy" → "thuỷ") and
//     matches only words with those marks (fields title/text/vt/vx of the index);
//   - a word typed WITHOUT marks stays as it is and also matches the folded fields (ft/fx), which
//     weigh half, so exact matches rank first ("duong" finds dương/đương/đường, "dương" only dương);
//   - a document number (62/KH-UBND, 91/2017/NĐ-CP) is added as one token, 62_kh_ubnd.
// Results are then ordered by how many of the query's words each page holds (then Material's score),
// marked where the match came from a folded or re-toned word, and their search terms carry the words
// as written on the page, for Material's highlighting after a click.
// The build half (the extra fields, the same tone table) is src/bangvang/search.py; both must agree.
(function (root) {
  "use strict";

  // Same table as TONE_PLACEMENT in src/bangvang/search.py: tone of oa/oe/uy on the second vowel.
  var TONE_PLACEMENT = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"
  };
  var TONE_RE = new RegExp(Object.keys(TONE_PLACEMENT).join("|"), "g");
  var FIELDS = ["vt", "vx", "ft", "fx"];
  var MARKED_GROUPS = 20;
  var WORD = /[\p{L}\p{M}\p{N}]+/gu;
  var LETTERS = /[\p{L}\p{M}]+/gu;
  var DOC_NUMBER = /^\d+(?:[/-][\p{L}\p{N}]+)+$/u;

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

  // Rewrite one query; keep what is needed to mark the results.
  function prepareQuery(value) {
    var query = nfc(String(value));
    var info = { query: "", folded: [], marked: [], numbers: {} };
    var extra = [];
    query.split(/\s+/).forEach(function (part) {
      if (part.charAt(0) === "-") return;                       // excluded term
      var core = part.replace(/^[+"(]+/, "").replace(/[")*,.;:?!]+$/, "");
      if (DOC_NUMBER.test(core) && /\p{L}/u.test(core)) {
        var token = docNumberToken(core);
        if (!(token in info.numbers)) extra.push(token);
        info.numbers[token] = core;
      }
    });
    query = query.replace(LETTERS, function (word, offset, whole) {
      if (whole.charAt(offset + word.length) === ":") return word;   // field name (title:…)
      var excluded = whole.charAt(offset - 1) === "-" && (offset === 1 || /\s/.test(whole.charAt(offset - 2)));
      var lower = word.toLowerCase();
      if (hasMarks(lower)) {
        var canonical = canonicalTones(lower);
        if (!excluded) info.marked.push(canonical);
        return canonical;
      }
      if (!excluded) info.folded.push(lower);
      return lower;
    });
    info.query = extra.length ? query + " " + extra.join(" ") : query;
    return info;
  }

  // Does a word of a result match the query only through a folded or re-toned form?
  // (Memoised per query: result texts repeat the same few hundred words.)
  function matcher(info) {
    var memo = Object.create(null);
    return function (word) {
      if (!(word in memo)) memo[word] = test(word);
      return memo[word];
    };
    function test(word) {
      if (!/[^\x00-\x7f]/.test(word)) return false;       // ASCII: matched as written, if at all
      var lower = nfc(word).toLowerCase();
      if (info.folded.length && hasMarks(lower)) {
        var folded = fold(lower);
        for (var i = 0; i < info.folded.length; i++)
          if (folded.lastIndexOf(info.folded[i], 0) === 0) return true;
      }
      if (info.marked.length) {
        var canonical = canonicalTones(lower);
        if (canonical !== lower)
          for (var j = 0; j < info.marked.length; j++)
            if (canonical.lastIndexOf(info.marked[j], 0) === 0) return true;
      }
      return false;
    }
  }

  // Wrap matching words of `html` (Material's title/text: text with tags) in <mark>, outside tags and
  // outside the marks Material already set; collect the words as written.
  function markWords(html, test, seen) {
    var depth = 0;
    return String(html).split(/(<[^>]*>)/).map(function (segment, index) {
      if (index % 2) {
        if (/^<mark\b/i.test(segment)) depth++;
        else if (/^<\/mark>/i.test(segment)) depth = Math.max(0, depth - 1);
        return segment;
      }
      if (depth) return segment;
      return segment.replace(WORD, function (word) {
        if (!test(word)) return word;
        seen[word.toLowerCase()] = true;
        return "<mark>" + word + "</mark>";
      });
    }).join("");
  }

  // Pages that hold more of the query's words come first. lunr ORs the words and Material boosts
  // titles 1000×, so for a signer's name such as "Trần Văn Bảo" any page titled "… bảo vệ …"
  // outranked the report he signed; Vietnamese words are single syllables, one shared syllable means little.
  // Groups are stably sorted by the number of query terms they match, and their scores lifted by
  // tier so that Material's Enter key (highest score) agrees with the order shown.
  function rankByCoverage(groups) {
    var top = 0;
    var tiers = groups.map(function (group, index) {
      var hit = {};
      group.forEach(function (item) {
        top = Math.max(top, item.score || 0);
        Object.keys(item.terms || {}).forEach(function (key) { if (item.terms[key]) hit[key] = true; });
      });
      return { group: group, index: index, coverage: Object.keys(hit).length };
    });
    tiers.sort(function (a, b) { return b.coverage - a.coverage || a.index - b.index; });
    var lift = top + 1;
    return tiers.map(function (tier) {
      tier.group.forEach(function (item) { item.score = (item.score || 0) + tier.coverage * lift; });
      return tier.group;
    });
  }

  function finishResult(result, info) {
    if (!result || !Array.isArray(result.items)) return result;
    var test = matcher(info);
    var nothingToMark = !info.folded.length && !info.marked.length;
    result.items = rankByCoverage(result.items);
    result.items.forEach(function (group, rank) {
      group.forEach(function (item) {
        var seen = {};
        // Marking scans whole section texts: only for the groups shown first (Material renders 10,
        // then more on scrolling), so the cost per keystroke stays bounded on a large site.
        if (!nothingToMark && rank < MARKED_GROUPS) {
          if (typeof item.title === "string") item.title = markWords(item.title, test, seen);
          if (typeof item.text === "string") item.text = markWords(item.text, test, seen);
        }
        var terms = {};
        Object.keys(item.terms || {}).forEach(function (key) {
          if (key in info.numbers) {
            if (!item.terms[key]) terms[info.numbers[key]] = false;  // "missing: 62/KH-UBND"
            return;
          }
          terms[key] = item.terms[key];
        });
        Object.keys(seen).forEach(function (word) { terms[word] = true; });
        item.terms = terms;
      });
    });
    return result;
  }

  var api = {
    TONE_PLACEMENT: TONE_PLACEMENT, nfc: nfc, fold: fold, hasMarks: hasMarks,
    canonicalTones: canonicalTones, docNumberToken: docNumberToken,
    prepareQuery: prepareQuery, finishResult: finishResult
  };
  root.bangvangSearch = api;

  if (typeof WorkerGlobalScope === "undefined" || !(root instanceof WorkerGlobalScope)) return;

  // Material's worker protocol (integrations/search/worker/message): SETUP, READY, QUERY, RESULT.
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var material = new URLSearchParams(root.location.search).get("material") || "";
  if (!/^search\.[0-9a-f]{8,}\.min\.js$/.test(material))
    throw new Error("search-vi.js: expected ?material=search.<hash>.min.js, got '" + material + "'");

  var queue = [];
  var docs = null;
  var nativeAdd = root.addEventListener;
  var nativePost = root.postMessage;

  // Material registers its handler with addEventListener("message", …) and answers with
  // postMessage(…): both are looked up on the global object, so these wrappers see every message.
  root.addEventListener = function (type, listener, options) {
    if (type !== "message" || typeof listener !== "function")
      return nativeAdd.call(root, type, listener, options);
    return nativeAdd.call(root, type, function (ev) {
      var message = ev.data;
      if (message && message.type === SETUP && message.data) docs = message.data.docs;
      if (message && message.type === QUERY && typeof message.data === "string") {
        var info = prepareQuery(message.data);
        queue.push(info);
        return listener.call(this, { type: ev.type, data: { type: QUERY, data: info.query } });
      }
      return listener.call(this, ev);
    }, options);
  };

  root.postMessage = function (message) {
    try {
      if (message && message.type === READY && Array.isArray(docs)) {
        // Indexed now: drop the extra fields so results (and their parents) are not sent with them.
        docs.forEach(function (doc) { FIELDS.forEach(function (name) { delete doc[name]; }); });
        docs = null;
      } else if (message && message.type === RESULT) {
        var info = queue.shift();
        if (info) finishResult(message.data, info);
      }
    } catch (err) {
      console.error("search-vi.js:", err);
    }
    return nativePost.apply(root, arguments);
  };

  importScripts(material);
})(self);
