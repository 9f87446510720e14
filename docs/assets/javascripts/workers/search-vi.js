// Vietnamese search for Material for MkDocs' search box, at any size of site.
//
// overrides/main.html points Material's `search` worker setting at this file. It speaks Material's
// worker protocol (SETUP, READY, QUERY, RESULT) but answers from the index that src/bangvang/search.py
// writes under search/vi/, not from lunr; what a word is and how it matches is search-vi-text.js.
//   - the manifest arrives with SETUP (Material fetched search/search_index.json, a few kilobytes);
//     nothing else is loaded until the visitor types;
//   - a query loads the shard of each of its words (words grouped by their first two letters without
//     marks; a big word's postings in a file of their own) and ranks every line that holds one of
//     them (first pass), then loads the text of the best RERANK results to find where the words
//     stand (second pass) and cut the snippet there;
//   - the rank: lines holding more of the query's words first; then rare words over common ones
//     (idf), the title over name fields over headings over the body, the query's words side by side
//     and in order (a phrase) over words scattered, a whole title typed in full over everything;
//     a record's own page over a list; then the kind of page (its rank, kinds.py);
//   - one result per page: its sections come under it; the page's line shows the sentence where the
//     words are, with the words marked; each result's terms carry them as written on the page, for
//     Material's highlighting after a click.
(function (root) {
  "use strict";

  // The words' half (search-vi-text.js) is loaded with the first query, not with every page.
  var fold, parseQuery, docNumber, matchToken, coverOf, oneTypo, shardKey, standing, joinedNumbers,
    escapeHTML, readLine, snippet, shorten, titleHTML, SNIPPET;
  function loadWords() {
    if (fold) return;
    root.importScripts("search-vi-text.js");
    var S = root.bangvangSearch;
    fold = S.fold; parseQuery = S.parseQuery; docNumber = S.docNumber; matchToken = S.matchToken;
    coverOf = S.coverOf; oneTypo = S.oneTypo; shardKey = S.shardKey; standing = S.standing;
    joinedNumbers = S.joinedNumbers; escapeHTML = S.escapeHTML; readLine = S.readLine; snippet = S.snippet;
    shorten = S.shorten; titleHTML = S.titleHTML; SNIPPET = S.SNIPPET;
    isNumber = docNumber(manifest.doc_number);
  }

  var FORMAT = 2;               // src/bangvang/search.py FORMAT
  var SHOWN = 20;               // results answered (Material renders 10, then more on scrolling)
  var RERANK = 20;              // results whose text is read for phrases and snippets
  var FEW = 5;                  // results shown even when they hold fewer of the words than the best
  var FIELD = { t: 8, a: 5, h: 3, x: 1 };   // a word in the title, a name field, a heading, the body
  var PAIR = 6, NAME = 3, WHOLE = 24, PHRASE = 5, NUMBER = 12;  // bonuses, in units of the words' idf
  var LIST = 0.5;               // a list or other page against a record's own page (it only mentions it)

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;   // Material's worker protocol
  var siteRoot = new URL("../../../", root.location.href);  // this file is assets/javascripts/workers/
  var here = null;        // the index's folder (manifest.dir)
  var isNumber = null;    // tests a query word against the grammar of document numbers
  var manifest = null;
  var shards = {};   // key → Promise of {t|h|x|p|w: [[token, folded, ids]]}
  var chunks = {};   // number → Promise of [[location, title, text]]
  var pending = Promise.resolve();

  function fetchJSON(name) {
    return fetch(new URL(name, here)).then(function (response) {
      if (!response.ok) throw new Error(name + ": HTTP " + response.status);
      return response.json();
    });
  }

  // A shard: {t|h|x|p|n: [[token, folded, ids]], more: {word: file}}; ids [-1, …] are the lines
  // without it; 0 (null here), a word in too many bodies to list.
  function loadShard(key) {
    if (!(key in shards)) {
      var name = manifest.shards[key];
      shards[key] = !name ? Promise.resolve({ more: {} }) : fetchJSON(name).then(function (raw) {
        var shard = { more: raw["+"] || {}, merged: {} };
        merge(shard, raw);
        return shard;
      });
    }
    return shards[key];
  }

  function merge(shard, raw) {
    ["t", "a", "h", "x", "p", "n"].forEach(function (field) {
      var list = shard[field] || (shard[field] = []);
      Object.keys(raw[field] || {}).forEach(function (token) { list.push([token, fold(token), decode(raw[field][token])]); });
    });
  }

  function decode(gaps) {
    if (gaps === 0) return null;   // a word in too many bodies to list: found by reading the text
    var ids = [], sum = 0, i;
    if (gaps[0] !== -1) {
      for (i = 0; i < gaps.length; i++) { sum += gaps[i]; ids.push(sum); }
      return ids;
    }
    var without = new Set();
    for (i = 1; i < gaps.length; i++) { sum += gaps[i]; without.add(sum); }
    for (i = 0; i < manifest.count; i++) if (!without.has(i)) ids.push(i);
    return ids;
  }

  // The shard of a word with the files of its own big words merged in: the word itself, and, for the
  // word being typed (or a number, whose symbol may follow), up to three words it begins.
  function loadWord(word) {
    return loadShard(shardKey(word.token)).then(function (shard) {
      var wanted = Object.keys(shard.more).filter(function (big) {
        return big === word.folded;
      });
      if ((word.prefix && word.folded.length >= 3) || /^\d+$/.test(word.folded)) {
        wanted = wanted.concat(Object.keys(shard.more).filter(function (big) {
          return big !== word.folded && big.lastIndexOf(word.folded, 0) === 0;
        }).slice(0, 3));
      }
      wanted = wanted.filter(function (big) { return !shard.merged[big]; });
      return Promise.all(wanted.map(function (big) {
        if (!shard.merged[big]) shard.merged[big] = fetchJSON(shard.more[big]).then(function (raw) { merge(shard, raw); });
        return shard.merged[big];
      })).then(function () { return shard; });
    });
  }

  function loadChunk(number) {
    if (!(number in chunks)) chunks[number] = fetchJSON("l" + number + "." + manifest.lines + ".json");
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

  // Each word's best weight per line: Map id → weight, and the lines it only half covers (`half`).
  // Typos are tried only for a word found nowhere, with letters only (2014 is not a typo of 2015).
  function wordHits(word, shard) {
    var best = new Map(), full = new Set(), typo = false;
    word.half = new Set();
    function scan(quality) {
      ["t", "a", "h", "x"].forEach(function (field) {
        (shard[field] || []).forEach(function (entry) {
          var q = quality(entry);
          if (!q) return;
          if (!entry[2]) { if (coverOf(word, q, typo) === 1) word.unlisted = true; return; }
          var weight = q * FIELD[field], ids = entry[2], whole = coverOf(word, q, typo) === 1;
          for (var i = 0; i < ids.length; i++) {
            var old = best.get(ids[i]);
            if (old === undefined || old < weight) best.set(ids[i], weight);
            if (whole) full.add(ids[i]); else word.half.add(ids[i]);
          }
        });
      });
    }
    scan(function (entry) { return matchToken(word, entry[0], entry[1]); });
    if (!best.size && !word.unlisted && !word.number && /^\p{L}{3,}$/u.test(word.folded)) {
      word.typos = {};
      typo = true;
      scan(function (entry) {
        if (!oneTypo(word.folded, entry[1])) return 0;
        word.typos[entry[1]] = true;
        return 0.3;
      });
    }
    full.forEach(function (id) { word.half.delete(id); });
    return best;
  }

  // Lines holding a token of `field` equal to `token`, or, with `test`, passing test(token, folded).
  function tokenHits(shard, field, token, test) {
    var ids = new Set();
    (shard[field] || []).forEach(function (entry) {
      if (entry[2] && (entry[1] === token || (test && test(token, entry[1])))) entry[2].forEach(function (id) { ids.add(id); });
    });
    return ids;
  }

  function startsWith(token, folded) { return folded.lastIndexOf(token, 0) === 0; }

  // Raise the lines `ids` by `amount`; they hold the words in `bit` (found side by side, in full).
  function bonus(hits, ids, amount, bit) {
    ids.forEach(function (id) {
      var hit = hits.get(id);
      if (hit) { hit.bonus += amount; hit.mask |= bit; hit.half &= ~bit; }
    });
  }

  // First pass, on the index alone: every line holding a query word, with its coverage (mask) and
  // score; grouped by page, best first.
  function rank(words, loaded) {
    var count = manifest.count, hits = new Map();
    words.forEach(function (word, index) {
      var best = wordHits(word, loaded[index]);
      word.idf = Math.log(1 + count / Math.max(best.size + (word.unlisted ? manifest.body : 0), 1));
      // A word too common to list for the body counts for no line yet: reading tells (rerank).
      var bit = word.unlisted ? 0 : 1 << index;
      best.forEach(function (weight, id) {
        var hit = hits.get(id);
        if (!hit) hits.set(id, hit = { id: id, mask: 0, half: 0, score: 0, bonus: 0 });
        hit.mask |= bit;
        if (word.half.has(id)) hit.half |= bit;
        hit.score += weight * word.idf;
      });
    });
    titlePairs(words, loaded, hits);
    numbers(words, loaded, hits);
    return group(hits);
  }

  // The title's (and name fields') adjacent words, and names in the body, typed in order; a whole
  // title typed in full. Side by side, two words are surely there (even one too common to list).
  function titlePairs(words, loaded, hits) {
    var typed = words.filter(function (w) { return !w.number; });
    var pairs = new Map();   // id → title pairs matched (with the first and the last word: all = a whole title)
    function pair(index, tokens, test, amount, bits) {
      var ids = new Set();
      tokens.forEach(function (token) { tokenHits(loaded[index], "p", token, test).forEach(function (id) { ids.add(id); }); });
      bonus(hits, ids, amount, bits || 0);
      ids.forEach(function (id) { pairs.set(id, (pairs.get(id) || 0) + 1); });
    }
    for (var i = 0; i + 1 < words.length; i++) {
      var a = words[i], b = words[i + 1];
      if (a.number || b.number) continue;
      var both = (1 << i) | (1 << (i + 1)), test = b.prefix ? startsWith : null;
      pair(i, joined(a, b), test, PAIR * (a.idf + b.idf), both);
      var names = new Set();
      joined(a, b).forEach(function (token) {
        tokenHits(loaded[i], "n", token, test).forEach(function (id) { names.add(id); });
      });
      bonus(hits, names, NAME * (a.idf + b.idf), both);
    }
    if (!typed.length) return;
    var z = typed[typed.length - 1];
    pair(words.indexOf(typed[0]), joined(typed[0], null, "<"), null, 0);
    pair(words.indexOf(z), joined(z, null, ">"), z.prefix ? function (token, folded) {
      return folded.lastIndexOf(z.folded, 0) === 0 && / >$/.test(folded) && folded.indexOf(" ") === folded.length - 2;
    } : null, 0);
    var sum = idfSum(typed);
    pairs.forEach(function (count, id) { if (count === typed.length + 1) bonus(hits, [id], WHOLE * sum, 0); });
  }

  // A word as the title may spell it: as typed, or, for a word found only one typo away, as found.
  function spellings(w) { return [w.folded].concat(Object.keys(w.typos || {})); }

  // Two words as a pair token ("le thi"), or a word and a title's end mark ("le <", "hoa >").
  function joined(a, b, end) {
    var out = [];
    spellings(a).forEach(function (x) { (b ? spellings(b) : [end]).forEach(function (y) { out.push(x + " " + y); }); });
    return out;
  }

  // A document number typed with spaces or hyphens: its words joined again find the number.
  function numbers(words, loaded, hits) {
    joinedNumbers(words).forEach(function (number) {
      var sum = 0, bits = 0;
      for (var k = number.from; k <= number.to; k++) { sum += words[k].idf; bits |= 1 << k; }
      ["t", "x"].forEach(function (field) {
        bonus(hits, tokenHits(loaded[number.from], field, number.token, startsWith), NUMBER * sum * FIELD[field] / 8, bits);
      });
    });
  }

  function group(hits) {
    var groups = new Map();
    hits.forEach(function (hit) {
      hit.words = covered(hit);
      var page = parentOf(hit.id);
      hit.total = (hit.score + hit.bonus) * (page >= manifest.lists ? LIST : 1);
      var g = groups.get(page);
      if (!g) groups.set(page, g = { page: page, words: 0, score: 0, mask: 0, lines: [] });
      g.lines.push(hit);
      g.mask |= hit.mask;
      if (hit.words > g.words || (hit.words === g.words && hit.total > g.score)) { g.words = hit.words; g.score = hit.total; }
    });
    return Array.from(groups.values()).sort(byRank);
  }

  function byRank(a, b) { return b.words - a.words || b.score - a.score || a.page - b.page; }

  function popcount(n) { var c = 0; while (n) { c += n & 1; n >>>= 1; } return c; }

  // How many of the query's words a line holds, a half-covered word for half.
  function covered(hit) { return popcount(hit.mask) - popcount(hit.mask & hit.half) / 2; }

  // Second pass: the query's words side by side and in its order (a phrase) in the title, and those
  // the title does not show, as a phrase or near each other in the body, raise a line.
  function nearness(line, words) {
    var all = idfSum(words), n = words.length, out = 0;
    if (n < 2) return 0;
    var titleRun = standing(line.titleFound, SNIPPET, 0).run;
    if (titleRun > 1) out += PHRASE * all * (titleRun - 1) / (n - 1);
    var rest = words.filter(function (w, i) { return !(line.inTitle & (1 << i)); });
    if (rest.length < 2) return out;
    var sum = idfSum(rest), m = rest.length;
    var run = Math.min(line.standing.run, m);
    var close = Math.min(standing(line.found, 8, line.inTitle).distinct, m);
    return out + PHRASE * sum * (run - 1) / (m - 1) + sum * (close - 1) / (m - 1);
  }

  function idfSum(words) { return words.reduce(function (s, w) { return s + w.idf; }, 0); }


  function loadLines(ids) {
    var numbers = {};
    ids.forEach(function (id) { numbers[Math.floor(id / manifest.chunk)] = true; });
    var list = Object.keys(numbers).map(Number);
    return Promise.all(list.map(loadChunk)).then(function (loaded) {
      var byNumber = {};
      list.forEach(function (n, i) { byNumber[n] = loaded[i]; });
      return function (id) { return byNumber[Math.floor(id / manifest.chunk)][id % manifest.chunk]; };
    });
  }

  // The lines of a group read in the second pass: the page's own, and its best few sections.
  function groupLines(g) {
    var own = g.lines.filter(function (hit) { return hit.id === g.page; });
    var rest = g.lines.filter(function (hit) { return hit.id !== g.page; })
      .sort(function (a, b) { return b.words - a.words || b.total - a.total || a.id - b.id; }).slice(0, 5);
    return own.length ? own.concat(rest) : [{ id: g.page, words: 0, total: 0, mask: 0, half: 0, score: 0, bonus: 0 }].concat(rest);
  }

  function rerank(groups, words, line) {
    groups.forEach(function (g) {
      g.read = groupLines(g).map(function (hit) {
        hit.line = readLine(line(hit.id), words);
        // Words found by reading (too common to list for the body, or one typo away) count too.
        var full = 0, half = 0;
        hit.line.found.concat(hit.line.titleFound).forEach(function (f) {
          if (coverOf(words[f.index], f.quality, f.typo) === 1) full |= 1 << f.index; else half |= 1 << f.index;
        });
        var read = full | half;
        words.forEach(function (w, i) { if (read & ~hit.mask & (1 << i)) hit.score += FIELD.x * w.idf; });
        hit.half = (hit.half | (half & ~hit.mask)) & ~full;
        hit.mask |= read; g.mask |= read;
        hit.words = covered(hit);
        var factor = g.page >= manifest.lists ? LIST : 1;
        hit.total = (hit.score + hit.bonus + nearness(hit.line, words)) * factor;
        return hit;
      });
      g.words = 0; g.score = 0;
      g.read.forEach(function (hit) {
        if (hit.words > g.words || (hit.words === g.words && hit.total > g.score)) { g.words = hit.words; g.score = hit.total; }
      });
    });
    return groups.sort(byRank);
  }

  // One result: the page's line (its snippet taken from the line where the words are), then sections.
  function result(g, words, top) {
    var seen = {};
    var page = g.read[0], best = page;
    g.read.forEach(function (hit) { if (hit.line.standing.distinct > best.line.standing.distinct) best = hit; });
    var text = snippet(best.line, seen);
    if (best !== page) text = escapeHTML(shorten(best.line.title, 10)) + " — " + text;
    var title = titleHTML(page.line, seen);
    // A record without a page of its own (an article, an award to a number of people) is its row's
    // anchor: Material shows an anchor's line as a section and hides its text, so it goes in the title.
    if (page.line.location.indexOf("#") >= 0 && text) title += "<br><small>" + text + "</small>";
    var out = [{ location: page.line.location, title: title, text: text, score: top, terms: {} }];
    g.read.slice(1).forEach(function (hit) {
      var full = hit.words === g.words;
      out.push({ location: hit.line.location, title: titleHTML(hit.line, seen), text: snippet(hit.line, seen),
                 score: full ? top : top - 1, terms: {} });
    });
    var terms = {};
    words.forEach(function (word, index) { if (!(g.mask & (1 << index))) terms[word.typed] = false; });
    Object.keys(seen).forEach(function (word) { terms[word] = true; });
    words.forEach(function (word, index) { if (word.number && g.mask & (1 << index)) terms[word.typed] = true; });
    out.forEach(function (item) { item.terms = terms; });
    return out;
  }

  function search(value) {
    if (!manifest || !/\S/.test(String(value))) return Promise.resolve({ items: [] });  // Material asks "" too
    loadWords();
    var words = parseQuery(value, isNumber);
    if (!words.length) return Promise.resolve({ items: [] });
    words.forEach(function (w) { if (w.number) w.parts = w.token.split("_"); });
    return Promise.all(words.map(loadWord)).then(function (loaded) {
      var groups = rank(words, loaded);
      // Read (and show) the lines that hold nearly as many of the words as the best, and at least a
      // few: a page with one word of three is noise next to pages with all three. Words too common
      // to list for the body may still be there: they count as found until read.
      var unlisted = words.filter(function (w) { return w.unlisted; }).length;
      var best = groups.length ? groups[0].words : 0;
      var head = groups.filter(function (g, i) { return i < FEW || g.words + unlisted >= best - 1; }).slice(0, RERANK);
      var ids = [];
      head.forEach(function (g) { groupLines(g).forEach(function (hit) { ids.push(hit.id); }); });
      return loadLines(ids).then(function (line) {
        var shown = rerank(head, words, line).slice(0, SHOWN);
        var total = shown.length;
        // Scores fall with the order shown, so Material's Enter key opens the first result.
        var items = shown.map(function (g, i) { return result(g, words, (total - i) * 1e6 + Math.min(g.score, 1e5)); });
        if (groups.length > shown.length) {
          var more = groups.length - shown.length;
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
      }).then(function (answer) { root.postMessage({ type: RESULT, data: answer }); });
    }
  });
})(self);
