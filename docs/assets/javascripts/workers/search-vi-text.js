// Vietnamese search, the words' half: what a word is, how a typed word matches a word of the page,
// where the words stand in a text, and the snippet cut there. Loaded by the search worker
// (search-vi.js, with importScripts) and by the browser tests, which compare it with the build half,
// src/bangvang/searchtext.py: the same tone table, the same folding, the same tokens.
//   - NFC first, so decomposed (NFD) and Unikey's mixed "tổ hợp" input match; apostrophe look-alikes
//     split a word as they do on the build side;
//   - marks are a preference: a word typed WITH marks (in canonical tone placement, "hòa" → "hoà")
//     matches its exact spelling best and the same letters with other marks at a lower weight and
//     for half the coverage; a word typed WITHOUT marks finds every marked spelling; only the last
//     word (the one being typed) is a prefix; a word found nowhere is looked for one typo away;
//   - a document number (62/KH-UBND) is one token, 62_kh_ubnd; typed as "62-kh-ubnd" or "62 kh ubnd"
//     its words are joined again (joinedNumbers);
//   - the snippet is the stretch of SNIPPET words that holds the most query words the title does not
//     already show, from the start of its sentence when that is near, with the words marked.
(function (root) {
  "use strict";

  // Same table as TONE_PLACEMENT in src/bangvang/searchtext.py: tone of oa/oe/uy on the second vowel.
  var TONE_PLACEMENT = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"
  };
  var TONE_RE = new RegExp(Object.keys(TONE_PLACEMENT).join("|"), "g");
  var SNIPPET = 30;             // words in a snippet
  var WORD = /[\p{L}\p{M}\p{N}]+/gu;
  var APOSTROPHE = /^['’ʼ‘`´]$/;  // src/bangvang/searchtext.py APOSTROPHES

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

  // The words of a query: [{token, folded, typed, marked, number, prefix}]. A document number is one
  // word; only the last word, while it is being typed (no space after it), is a prefix.
  function parseQuery(value, isNumber) {
    var out = [], seen = {};
    function add(word) {
      if (word.token in seen) return;
      seen[word.token] = true;
      word.folded = word.number ? word.token : fold(word.token);
      out.push(word);
    }
    var text = nfc(String(value));
    text.split(/\s+/).forEach(function (part) {
      var core = part.replace(/^[+\-"“”'‘’(]+/, "").replace(/[")“”'‘’*,.;:?!]+$/, "");
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
    out = out.slice(0, 24);
    if (out.length && !/\s$/.test(text)) out[out.length - 1].prefix = true;
    return out;
  }

  // How well an indexed token answers a query word: 1 the same; 0.6 the same letters with other marks
  // (typed without marks), 0.4 (typed with other marks); 0.5 a prefix of the word being typed; 0.
  function matchToken(word, token, folded) {
    if (word.number) return token === word.token ? 1 : word.prefix && token.lastIndexOf(word.token, 0) === 0 ? 0.5 : 0;
    if (token === word.token) return 1;
    if (folded === word.folded) return word.marked ? 0.4 : 0.6;
    if (!word.prefix || word.token.length < 2) return 0;
    if (token.lastIndexOf(word.token, 0) === 0) return 0.5;
    return folded.lastIndexOf(word.folded, 0) === 0 ? (word.marked ? 0.2 : 0.3) : 0;
  }

  // One typo away, on folded words: two neighbouring letters swapped or one doubled (3 letters or
  // more: "boa", "vann" for "bao", "van"), or a letter missing, added or changed (4 letters or more:
  // shorter words are too alike).
  function oneTypo(a, b) {
    if (a.length < 3 || b.length < 3 || Math.abs(a.length - b.length) > 1 || a === b) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    var swapped = a.length === b.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    var doubled = a.length > b.length ? a[i] === a[i - 1] && a.slice(i + 1) === b.slice(i)
      : b.length > a.length && b[i] === b[i - 1] && b.slice(i + 1) === a.slice(i);
    if (swapped || doubled || a.length < 4 || b.length < 4) return swapped || doubled;
    if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  function shardKey(token) { return fold(token).slice(0, 2).trim(); }

  // The words of a plain text, in order: [{start, end, token, folded}].
  // A name written across an apostrophe (H’Hen) is also the two words joined (hhen): `joined`.
  function tokenize(text) {
    var out = [], m, last = null;
    var re = new RegExp(WORD.source, "gu");
    while ((m = re.exec(text)) !== null) {
      var token = canonicalTones(m[0]);
      if (last && APOSTROPHE.test(text.slice(last.end, m.index))) last.joined = canonicalTones(last.token + token);
      out.push(last = { start: m.index, end: m.index + m[0].length, token: token, folded: fold(token) });
    }
    return out;
  }

  // Where the query's words stand among `tokens`: [{first, last, index, quality}] in reading order
  // (a document number spans the words it is written with: 31/BC-UBND is 31, bc, ubnd).
  function findWords(tokens, words) {
    var found = [];
    for (var p = 0; p < tokens.length; p++) {
      for (var i = 0; i < words.length; i++) {
        var w = words[i], t = tokens[p];
        if (w.parts) {
          var k = 0;
          while (k < w.parts.length && p + k < tokens.length && tokens[p + k].folded === w.parts[k]) k++;
          if (k === w.parts.length) { found.push({ first: p, last: p + k - 1, index: i, quality: 1 }); break; }
          continue;
        }
        var whole = t.joined && matchToken(w, t.joined, fold(t.joined));
        if (whole && !matchToken(w, t.token, t.folded)) { found.push({ first: p, last: p + 1, index: i, quality: whole }); break; }
        var q = matchToken(w, t.token, t.folded), typo = !q && !!(w.typos && w.typos[t.folded]);
        if (q || typo) { found.push({ first: p, last: p, index: i, quality: q || 0.3, typo: typo }); break; }
      }
    }
    return found;
  }

  // How the found words stand: the longest run of query words side by side in the query's order,
  // and the window of at most `span` words that holds the most distinct query words. Words in `skip`
  // (a bit mask: those the title already shows) do not count, unless no other word is found.
  function standing(found, span, skip) {
    var rest = found.filter(function (f) { return !(skip & (1 << f.index)); });
    if (!rest.length) rest = found;
    var best = { run: 0, distinct: 0, from: 0, to: -1, quality: 0 };
    var run = 0;
    for (var a = 0; a < rest.length; a++) {
      var prev = rest[a - 1];
      run = prev && rest[a].first === prev.last + 1 && next(prev.index, skip) === rest[a].index ? run + 1 : 1;
      if (run > best.run) best.run = run;
      var seen = {}, distinct = 0, quality = 0, b;
      for (b = a; b < rest.length && rest[b].last - rest[a].first < span; b++) {
        if (!seen[rest[b].index]) { seen[rest[b].index] = true; distinct++; quality += rest[b].quality; }
      }
      if (distinct > best.distinct || (distinct === best.distinct && quality > best.quality)) {
        best.distinct = distinct; best.quality = quality; best.from = rest[a].first; best.to = rest[b - 1].last;
      }
    }
    return best;
  }

  // The query word after `index` that is not in `skip`.
  function next(index, skip) {
    do { index++; } while (index < 31 && skip & (1 << index));
    return index;
  }

  // A document number typed with spaces or hyphens ("31 bc ubnd", "31-bc-ubnd"): the tokens it would
  // be, a number followed by the words after it ("31_bc", "31_bc_ubnd").
  function joinedNumbers(words) {
    var out = [];
    for (var i = 0; i < words.length; i++) {
      if (words[i].number || !/^\d+$/.test(words[i].folded)) continue;
      var token = words[i].folded;
      for (var j = i + 1; j < words.length && j < i + 5 && !words[j].number; j++) {
        token += "_" + words[j].folded;
        out.push({ token: token, from: i, to: j, prefix: !!words[j].prefix });
      }
    }
    return out;
  }

  // How much a match covers a query word: half, when the word was typed with marks and found with
  // others, or found one typo away (a resident who typed what the page says comes first).
  function coverOf(word, quality, typo) { return typo || (word.marked && quality < 0.5) ? 0.5 : 1; }

  var ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#x27;": "'", "&#39;": "'" };
  function unescapeHTML(text) { return String(text).replace(/&(?:amp|lt|gt|quot|#x27|#39);/g, function (e) { return ENTITIES[e]; }); }
  function escapeHTML(text) { return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"); }

  // A line read for the second pass: its title's and text's words, where the query's words stand.
  function readLine(raw, words) {
    var title = unescapeHTML(raw[1]), text = unescapeHTML(raw[2]);
    var line = { location: raw[0], title: title, text: text, titleTokens: tokenize(title), tokens: tokenize(text) };
    line.titleFound = findWords(line.titleTokens, words);
    line.inTitle = line.titleFound.reduce(function (mask, f) { return mask | (1 << f.index); }, 0);
    line.found = findWords(line.tokens, words);
    line.standing = standing(line.found, SNIPPET, line.inTitle);
    return line;
  }

  // `text` from token `from` to token `to`, escaped, the found words in <mark>; `seen` collects them.
  function marked(text, tokens, found, from, to, seen) {
    var out = "", at = tokens[from].start;
    found.forEach(function (f) {
      if (f.first < from || f.last > to || tokens[f.first].start < at) return;   // out of range, or overlapping
      var s = tokens[f.first].start, e = tokens[f.last].end;
      seen[text.slice(s, e).toLowerCase()] = true;
      out += escapeHTML(text.slice(at, s)) + "<mark>" + escapeHTML(text.slice(s, e)) + "</mark>";
      at = e;
    });
    return out + escapeHTML(text.slice(at, tokens[to].end));
  }

  // The snippet of a line: the sentence where most of the query's words are, cut at SNIPPET words.
  function snippet(line, seen) {
    var tokens = line.tokens, text = line.text;
    if (!tokens.length) return escapeHTML(text);
    var st = line.found.length ? line.standing : { from: 0, to: 0 };
    var start = Math.max(0, st.from - Math.floor(Math.max(0, SNIPPET - (st.to - st.from + 1)) / 3));
    for (var p = start + 1; p < st.from; p++) {   // from the start of the sentence, if it is near
      if (/[.!?;:…·]\s*$/.test(text.slice(tokens[p - 1].end, tokens[p].start))) { start = p; break; }
    }
    var end = Math.max(st.to, Math.min(tokens.length - 1, start + SNIPPET - 1));
    var tail = end < tokens.length - 1 ? " …" : text.slice(tokens[end].end).trim() ? escapeHTML(text.slice(tokens[end].end)) : "";
    return (start > 0 ? "… " : "") + marked(text, tokens, line.found, start, end, seen) + tail;
  }

  // At most `count` words of `text` (a long section heading before its snippet).
  function shorten(text, count) {
    var parts = text.split(" ");
    return parts.length > count ? parts.slice(0, count).join(" ") + " …" : text;
  }

  // The title, escaped, its found words marked.
  function titleHTML(line, seen) {
    if (!line.titleTokens.length) return escapeHTML(line.title);
    var t = line.titleTokens, last = t.length - 1;
    return escapeHTML(line.title.slice(0, t[0].start)) + marked(line.title, t, line.titleFound, 0, last, seen) +
      escapeHTML(line.title.slice(t[last].end));
  }

  root.bangvangSearch = {
    TONE_PLACEMENT: TONE_PLACEMENT, SNIPPET: SNIPPET, nfc: nfc, fold: fold, hasMarks: hasMarks,
    canonicalTones: canonicalTones, docNumberToken: docNumberToken, docNumber: docNumber,
    parseQuery: parseQuery, matchToken: matchToken, coverOf: coverOf, oneTypo: oneTypo, shardKey: shardKey,
    tokenize: tokenize, findWords: findWords, standing: standing, joinedNumbers: joinedNumbers,
    escapeHTML: escapeHTML, readLine: readLine, snippet: snippet, shorten: shorten, titleHTML: titleHTML
  };
})(self);
