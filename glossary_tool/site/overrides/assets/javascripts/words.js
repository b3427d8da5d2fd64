/* The word pipeline in the browser: the same steps as glossary_tool/core/words.py, which declares them.
 *
 * normalize: NFKC (full and half width as one), lower case, hiragana as katakana, diacritics folded except the
 * language's own letters (the search manifest gives them; the pair filter keeps none), Arabic tatweel and short vowels
 * dropped. tokens: runs of letters, marks and digits; runs of a script without spaces (Chinese, Japanese, Korean,
 * Thai, Lao, Khmer, Burmese) as overlapping character pairs, as Lucene's CJK analyzer does. Stems come from the
 * same Snowball release as the Python side, generated code translated to JavaScript (snowball/, one file per
 * algorithm, loaded only by the search and only the page's language's). tests/words/vectors.json holds what both
 * sides must compute; node --test checks it.
 */
(function (root) {
  "use strict";

  // [first, last, class]: characters of one class pair with each other (words.py BIGRAM_RANGES).
  var BIGRAM_RANGES = [
    [0x2E80, 0x2FDF, 1], [0x3005, 0x3007, 1], [0x3021, 0x3029, 1], [0x3031, 0x3035, 1], [0x3038, 0x303C, 1],
    [0x3041, 0x309F, 1], [0x30A0, 0x30FF, 1], [0x31F0, 0x31FF, 1], [0x3400, 0x4DBF, 1], [0x4E00, 0x9FFF, 1],
    [0xF900, 0xFAFF, 1], [0x20000, 0x3FFFF, 1],
    [0x1100, 0x11FF, 2], [0x3130, 0x318F, 2], [0xA960, 0xA97F, 2], [0xAC00, 0xD7FF, 2],
    [0x0E00, 0x0E7F, 3], [0x0E80, 0x0EFF, 4], [0x1780, 0x17FF, 5], [0x19E0, 0x19FF, 5],
    [0x1000, 0x109F, 6], [0xA9E0, 0xA9FF, 6], [0xAA60, 0xAA7F, 6]
  ];
  var DIACRITICS = /[\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0670]/g;
  var WORD = /[\p{L}\p{M}\p{N}]+/gu;

  function pairClass(ch) {
    var code = ch.codePointAt(0);
    if (code < 0x0E00) return 0;
    for (var i = 0; i < BIGRAM_RANGES.length; i++) {
      var r = BIGRAM_RANGES[i];
      if (code >= r[0] && code <= r[1]) return r[2];
    }
    return 0;
  }

  var folded = new Map(); // own letters → (character → its folded form)

  function foldChar(ch, own) {
    var code = ch.codePointAt(0);
    if (code < 0x80 || own.indexOf(ch) >= 0 || (code >= 0x0400 && code <= 0x052F)) return ch;
    if (ch === "\u0640") return "";
    if ((code >= 0x3041 && code <= 0x3096) || code === 0x309D || code === 0x309E) return String.fromCodePoint(code + 0x60);
    if (ch === "ß") return "ss";
    if (ch === "ς") return "σ";
    var parts = ch.normalize("NFD");
    DIACRITICS.lastIndex = 0;
    return DIACRITICS.test(parts) ? parts.replace(DIACRITICS, "") : ch;
  }

  function normalize(text, own) {
    own = own || "";
    text = text.normalize("NFKC").toLowerCase();
    if (!/[\u0080-\uffff]/.test(text)) return text;  // ASCII only (no UTF-16 unit above 0x7f): nothing to fold
    var table = folded.get(own);
    if (!table) { table = new Map(); folded.set(own, table); }
    var out = "";
    for (var ch of text) {
      var f = table.get(ch);
      if (f === undefined) { f = foldChar(ch, own); table.set(ch, f); }
      out += f;
    }
    return out.normalize("NFC");
  }

  /* [{start, end, text, paired}], offsets in UTF-16 units of ``text`` (words.py counts code points: the vectors
     compare texts, not offsets). */
  function tokens(text, own) {
    var out = [], m, p;
    WORD.lastIndex = 0;
    var runs = [];
    while ((m = WORD.exec(text))) runs.push(m);
    runs.forEach(function (run) {
      var norm = normalize(run[0], own), same = norm.length === run[0].length;
      var inner = /[\p{L}\p{M}\p{N}]+/gu;
      while ((p = inner.exec(norm))) {
        var chars = Array.from(p[0]), at = run.index + p.index;
        var span = function (s, e) { return same ? [at + s, at + e] : [run.index, run.index + run[0].length]; };
        var offsets = [], o = 0;
        chars.forEach(function (c) { offsets.push(o); o += c.length; });
        offsets.push(o);
        var start = 0, cls = pairClass(chars[0]);
        var flush = function (a, b, c) {
          var seg = chars.slice(a, b);
          if (c === 0) {
            var sp = span(offsets[a], offsets[b]);
            out.push({ start: sp[0], end: sp[1], text: seg.join(""), paired: false });
          } else if (seg.length === 1) {
            var s1 = span(offsets[a], offsets[b]);
            out.push({ start: s1[0], end: s1[1], text: seg[0], paired: true });
          } else {
            for (var i = 0; i + 1 < seg.length; i++) {
              var s2 = span(offsets[a + i], offsets[a + i + 2]);
              out.push({ start: s2[0], end: s2[1], text: seg[i] + seg[i + 1], paired: true });
            }
          }
        };
        for (var i = 1; i < chars.length; i++) {
          var c = pairClass(chars[i]);
          if (c !== cls) { flush(start, i, cls); start = i; cls = c; }
        }
        flush(start, chars.length, cls);
      }
    });
    return out;
  }

  function words(text, own) {
    return tokens(text, own).map(function (t) { return t.text; });
  }

  function isPaired(word) {
    for (var ch of word) if (pairClass(ch)) return true;
    return false;
  }

  var ASTRAL = /[\ud800-\udfff]/; // a character beyond the Basic Multilingual Plane, as a surrogate pair

  /* A stemming function over normalized words, from a Snowball stemmer's constructor (snowball/<algorithm>.js made
     with snowball/base.js; null for a language Snowball has not): character pairs are their own stems, and so is a
     word with a character beyond the Basic Multilingual Plane (words.py leaves those too). */
  function stemmerFrom(Stemmer) {
    if (!Stemmer) return function (w) { return w; };
    var s = new Stemmer(), cache = new Map();
    return function (w) {
      if (isPaired(w) || ASTRAL.test(w)) return w;
      var got = cache.get(w);
      if (got === undefined) { got = s.stemWord(w); if (cache.size < 5000) cache.set(w, got); }
      return got;
    };
  }

  var loading = new Map();

  function script(url) {
    if (!loading.has(url)) loading.set(url, import(url));
    return loading.get(url);
  }

  /* In the browser: the stemmer of ``algorithm`` (words.py's SNOWBALL names it, "finnish"), from snowball/ under
     ``base`` (the javascripts folder): its own file and the runtime, a few kilobytes, fetched side by side once. */
  function loadStemmer(algorithm, base) {
    if (!algorithm) return Promise.resolve(stemmerFrom(null));
    var files = [script(new URL("snowball/base.js", base).href), script(new URL("snowball/" + algorithm + ".js", base).href)];
    return Promise.all(files).then(function () {
      var loaded = root.glossarySnowball || {};
      if (!loaded.base || !loaded[algorithm]) throw new Error("no Snowball stemmer " + algorithm);
      return stemmerFrom(loaded[algorithm](loaded.base));
    });
  }

  var api = { normalize: normalize, tokens: tokens, words: words, pairClass: pairClass, isPaired: isPaired,
    stemmerFrom: stemmerFrom, loadStemmer: loadStemmer };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.glossaryWords = api;
})(typeof self !== "undefined" ? self : this);
