/* The glossary's search: Material's search box, driven by the sharded index that search_index/ writes.
 *
 * Loaded only when the reader opens the search box (or arrives from a result, to highlight the words found);
 * partials/search.html holds the few lines that wait for that. Every query fetches the manifest once, then
 * the shards of the words typed: a shard holds the words sharing their first two letters (character pairs of
 * Chinese or Japanese, their first character). Words are normalized,
 * cut and stemmed by words.js, the same pipeline as the Python side's (glossary_tool/core/words.py), with the Snowball
 * stemmer of the page's language (loaded with the manifest), so the two sides always agree on a word.
 *
 * Ranking: a query equal to a term (in this language, then in another) puts that concept first; then records
 * matching every word, by where each word stands (title, term, question, definition, details). A word found
 * with one edit (a typo) counts as found, for a little less; a term with a word corrected still ranks as that term.
 */
(function () {
  "use strict";
  if (window.glossarySearch) return;

  // A posting's field is search_index/'s Field (1 detail, 2 text, 3 heading, 4 another language's term, 5 term,
  // 6 title), the index of its weight here; only the title is looked up by name.
  var TITLE = 6;
  var FIELD_WEIGHT = [0, 1, 2, 5, 6, 8, 10];
  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var SHOWN = 10; // results rendered at once; more as the list scrolls
  var FUZZY_QUERY_MIN = 5; // a query word this long may have one typo
  var PREFIX_MAX = 24; // words a word being typed may stand for ("pa": the shortest 24 words that begin with it)

  /* ---- words: the word pipeline of words.js (glossary_tool/core/words.py declares it); files as search_index/ ---- */

  var W; // window.glossaryWords, there once the page is parsed (main.html loads words.js)

  function len(text) {
    return Array.from(text).length;
  }

  function has(shard, key) {
    return Object.prototype.hasOwnProperty.call(shard, key);
  }

  /* As search_index.shard_key: a word's first ``n`` letters, or the first character of a pair of a script without
     spaces alone. */
  function shardKey(text, n) {
    var chars = Array.from(text);
    if (chars.length && W.pairClass(chars[0])) n = 1;
    return chars.slice(0, n).map(function (c) { return c.codePointAt(0).toString(16); }).join("-");
  }

  /* The CRC-32 of the UTF-8 bytes, as search_index.bucket: which file holds a phrase or a fuzzy variant. */
  var CRC = (function () {
    var table = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
    return table;
  })();

  function bucket(text, buckets) {
    var bytes = new TextEncoder().encode(text), c = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) c = CRC[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return ((c ^ 0xffffffff) >>> 0) % buckets;
  }

  function prefix(word, n) {
    return Array.from(word).slice(0, n).join("");
  }

  function deletes(word) {
    var chars = Array.from(word), out = new Set([word]);
    for (var i = 0; i < chars.length; i++) out.add(chars.slice(0, i).concat(chars.slice(i + 1)).join(""));
    return out;
  }

  /* At most one insertion, deletion, substitution or transposition between a and b. */
  function withinOneEdit(a, b) {
    a = Array.from(a); b = Array.from(b);
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (i === a.length || i === b.length) return true;
    var rest = function (x, y) { return x.slice(y).join(""); };
    if (a.length === b.length) {
      return rest(a, i + 1) === rest(b, i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a, i + 2) === rest(b, i + 2));
    }
    return a.length > b.length ? rest(a, i + 1) === rest(b, i) : rest(a, i) === rest(b, i + 1);
  }

  function decode(digits) {
    var out = [], value = 0, shift = 0, doc = -1;
    for (var i = 0; i < digits.length; i++) {
      var d = B64.indexOf(digits[i]);
      if (d >= 32) {
        value += (d - 32) * Math.pow(2, shift);
        doc += Math.floor(value / 32);
        out.push([doc, (value >> 2) & 7, value & 3]);
        value = 0; shift = 0;
      } else {
        value += d * Math.pow(2, shift);
        shift += 5;
      }
    }
    return out;
  }

  /* ---- the index ---- */

  function Index(base, assets) {
    this.base = base;
    this.assets = assets; // the folder of this script, words.js and snowball/
    this.manifest = null;
    this.files = new Map();
  }

  Index.prototype.load = function () {
    var self = this;
    if (!this.manifest) {
      // Revalidated each time the page is loaded: a rebuilt site has a new version, in a new folder.
      this.manifest = fetch(new URL("search/manifest.json", this.base), { cache: "no-cache" })
        .then(function (r) { if (!r.ok) throw new Error("search index: " + r.status); return r.json(); })
        .then(function (m) {
          m.commonSet = new Set(m.common);
          return W.loadStemmer(m.stemmer, self.assets).then(function (stem) { m.stem = stem; return m; });
        });
      this.manifest.catch(function () { self.manifest = null; });
    }
    return this.manifest;
  };

  Index.prototype.file = function (m, path) {
    var url = new URL("search/" + m.v + "/" + path, this.base).href;
    if (!this.files.has(url)) {
      var self = this;
      var p = fetch(url).then(function (r) {
        if (r.status === 404) return {};
        if (!r.ok) throw new Error("search index: " + r.status);
        return r.json();
      });
      p.catch(function () { self.files.delete(url); });
      this.files.set(url, p);
    }
    return this.files.get(url);
  };

  /* Words are filed by their first letters (a word being typed finds the words it begins); phrases and fuzzy
     variants, which are looked up whole, by their hash. */
  Index.prototype.shard = function (m, kind, text) {
    var name = kind === "w" ? shardKey(text, m.keyLength) : bucket(text, m.buckets[kind]);
    return this.file(m, kind + "/" + name + ".json");
  };

  /* The index stems one query word may stand for, each with how it was found: its own stem; in a language that
     writes compounds as one word, the stems of the terms it ends or begins (Kolben: Erlenmeyerkolben); else a stem
     the word begins with an ending or two more (callcentret: callcenter), and while it is being typed any word it
     begins; else the words one edit away. */
  Index.prototype.resolve = function (m, word, last) {
    var self = this, st = m.stem(word);
    return this.shard(m, "w", st).then(function (shard) {
      var exact = has(shard, st) ? [{ stem: st, how: "exact" }] : [];
      // A stem that the word's stem continues by a short ending: Snowball leaves some endings on one form of a word
      // and takes them from another (Finnish dekantterilasissa → dekantterilas, dekantterilasi → dekantteril;
      // Swedish callcentret, callcenter → callcent).
      Object.keys(shard).forEach(function (s) {
        var rest = len(st) - len(s);
        if (rest > 0 && rest <= 3 && len(s) >= 6 && st.startsWith(s)) exact.push({ stem: s, how: "prefix" });
      });
      var parts = m.compound && !W.isPaired(word) && len(st) >= m.partMin ? self.parts(m, st, shard) : Promise.resolve([]);
      return parts.then(function (found) {
        found = exact.concat(found);
        // One letter begins too many words to look for them; one character of Chinese or Japanese begins a few pairs.
        if (has(shard, st) || (len(word) < 2 && !W.isPaired(word))) return found.length ? found : self.fuzzy(m, word, st);
        return self.shard(m, "w", word).then(function (prefixShard) {
          var begun = [];
          Object.keys(prefixShard).forEach(function (s) {
            var rest = len(word) - len(s);
            if ((last && s.startsWith(word)) || (word.startsWith(s) && len(s) >= 4 && rest > 0 && rest <= (len(s) >= 6 ? 3 : 2))) {
              begun.push({ stem: s, how: "prefix" });
            }
          });
          if (begun.length > PREFIX_MAX) {
            // A letter or two typed can begin hundreds of words: ranking them all would hold up the next key.
            begun.sort(function (a, b) {
              return a.stem.length - b.stem.length || prefixShard[b.stem].length - prefixShard[a.stem].length || (a.stem < b.stem ? -1 : 1);
            });
            begun = begun.slice(0, PREFIX_MAX);
          }
          found = found.concat(begun.filter(function (c) { return !found.some(function (f) { return f.stem === c.stem; }); }));
          // Compounds the word is a part of do not stand in for the word itself: a typo is still looked for.
          if (found.some(function (c) { return c.how !== "part"; })) return found;
          return self.fuzzy(m, word, st).then(function (near) { return found.concat(near); });
        });
      });
    });
  };

  /* Stems of the index that begin (from the word's own shard) or end (from the file of their last letters) with
     ``st``, at least three letters longer: the compounds it is a part of. */
  Index.prototype.parts = function (m, st, shard) {
    var out = [], n = len(st);
    Object.keys(shard).forEach(function (s) {
      if (s.startsWith(st) && len(s) - n >= 3 && out.length < PREFIX_MAX) out.push({ stem: s, how: "part" });
    });
    var tail = Array.from(st).slice(-m.keyLength).join("");
    return this.file(m, "e/" + shardKey(tail, m.keyLength) + ".json").then(function (ends) {
      (Array.isArray(ends) ? ends : []).forEach(function (s) {
        if (s.endsWith(st) && len(s) - n >= 3 && out.length < 2 * PREFIX_MAX) out.push({ stem: s, how: "part" });
      });
      return out;
    });
  };

  Index.prototype.fuzzy = function (m, word, st) {
    if (len(word) < FUZZY_QUERY_MIN || W.isPaired(word)) return Promise.resolve([]);
    // The index holds the deletions of each word's first letters; the whole word is checked below.
    var self = this, variants = new Set();
    deletes(prefix(word, m.fuzzyPrefix)).forEach(function (v) { variants.add(v); });
    if (Array.from(st).length >= m.fuzzyMin) deletes(prefix(st, m.fuzzyPrefix)).forEach(function (v) { variants.add(v); });
    var keys = new Map();
    variants.forEach(function (v) { if (v) keys.set(bucket(v, m.buckets.f), v); });
    return Promise.all(Array.from(keys.values()).map(function (v) { return self.shard(m, "f", v); })).then(function (shards) {
      var stems = new Map();
      variants.forEach(function (v) {
        shards.forEach(function (shard) {
          (Object.prototype.hasOwnProperty.call(shard, v) ? shard[v] : []).forEach(function (entry) {
            var bar = entry.indexOf("|");
            var surface = bar < 0 ? entry : entry.slice(0, bar), target = bar < 0 ? entry : entry.slice(bar + 1);
            var near = bar < 0 ? withinOneEdit(st, surface) || withinOneEdit(word, surface) : withinOneEdit(word, surface);
            if (near) stems.set(target, true);
          });
        });
      });
      return Array.from(stems.keys()).map(function (s) { return { stem: s, how: "fuzzy" }; });
    });
  };

  Index.prototype.postings = function (m, st, stale) {
    return this.shard(m, "w", st).then(function (shard) {
      if (stale && stale()) return [];
      return Object.prototype.hasOwnProperty.call(shard, st) ? decode(shard[st]) : [];
    });
  };

  Index.prototype.phrase = function (m, seq) {
    return this.shard(m, "t", seq).then(function (shard) {
      return Object.prototype.hasOwnProperty.call(shard, seq) ? shard[seq] : [];
    });
  };

  Index.prototype.docs = function (m, ids) {
    var self = this;
    return Promise.all(ids.map(function (id) {
      return self.file(m, "d/" + Math.floor(id / m.docsPerFile) + ".json").then(function (f) {
        var d = (f.docs || [])[id % m.docsPerFile];
        return d ? { id: id, url: d[0], title: d[1], text: d[2], kind: d[3] || "", deprecated: d[4] || [] } : null;
      });
    }));
  };

  /* Every record matching the query, best first: [{id, score, missing: [...words], stems: [...]}]. With ``stale``,
     a function that tells when a newer query has replaced this one, the work stops there (the result is null). */
  Index.prototype.search = function (query, typing, stale) {
    var self = this;
    return this.load().then(function (m) {
      var typed = W.words(query, m.own);
      if (!typed.length) return { m: m, hits: [], words: [] };
      var last = typing && !/\s$/.test(query);
      // While Chinese or Japanese is typed, the next character makes a pair with the last one: the file of the pairs
      // that begin with it is fetched now, as the words an English word being typed begins are.
      var tail = last ? W.normalize(Array.from(query).pop() || "", m.own) : "";
      if (tail && W.isPaired(tail)) self.shard(m, "w", tail).catch(function () {});
      return Promise.all(typed.map(function (w, i) { return self.resolve(m, w, last && i === typed.length - 1); }))
        .then(function (resolved) { return stale && stale() ? null : self.rank(m, typed, resolved, stale); });
    });
  };

  Index.prototype.rank = function (m, typed, resolved, stale) {
    var self = this;
    var lists = resolved.map(function (cands) {
      return Promise.all(cands.map(function (c) {
        return self.postings(m, c.stem, stale).then(function (p) { return { cand: c, postings: p }; });
      }));
    });
    // The query as a whole, as the index would see a term: each word by its exact stem, else its best match.
    var seqs = [typed.map(function (w, i) {
      var exact = resolved[i].filter(function (c) { return c.how === "exact"; })[0];
      return exact ? exact.stem : m.stem(w);
    }).join(" ")];
    // A compound the word is a part of is not what was typed: it makes no term of the query (kundtjänsen, a typo
    // of kundtjänsten, is not the term kundtjänstmedarbetare because its stem kundtjäns begins it).
    var alt = typed.map(function (w, i) {
      var best = resolved[i].filter(function (c) { return c.how !== "part"; })[0];
      return best ? best.stem : m.stem(w);
    }).join(" ");
    if (alt !== seqs[0]) seqs.push(alt);
    return Promise.all([Promise.all(lists), Promise.all(seqs.map(function (s) { return self.phrase(m, s); }))]).then(function (got) {
      if (stale && stale()) return null;
      var perWord = got[0], phraseHits = got[1];
      var docs = new Map();
      // A word as common as "the" or "och" only ranks, unless the query has nothing else.
      var allCommon = typed.every(function (x) { return m.commonSet.has(m.stem(x)); });
      var required = typed.map(function (w, i) {
        return allCommon || !resolved[i].length || !resolved[i].every(function (c) { return m.commonSet.has(c.stem); });
      });
      perWord.forEach(function (cands, i) {
        cands.forEach(function (entry) {
          var df = entry.postings.length || 1, idf = Math.log(1 + m.docs / df);
          var factor = { exact: 1, prefix: 0.8, part: 0.7, fuzzy: 0.6 }[entry.cand.how];
          entry.postings.forEach(function (p) {
            var d = docs.get(p[0]);
            if (!d) { d = { id: p[0], score: 0, best: [], sure: [], fuzzy: 0, parts: 0, phrase: 0, stems: new Set() }; docs.set(p[0], d); }
            var weight = FIELD_WEIGHT[p[1]] + (p[1] === TITLE ? (4 - p[2]) * 0.5 : 0);
            var s = weight * idf * factor;
            if (!d.best[i] || d.best[i].s < s) d.best[i] = { s: s, how: entry.cand.how, stem: entry.cand.stem };
            // The word itself is in the record, whatever else scores higher there.
            if (entry.cand.how === "exact" || entry.cand.how === "prefix") d.sure[i] = true;
          });
        });
      });
      phraseHits.forEach(function (hits, k) {
        hits.forEach(function (h) {
          var d = docs.get(h[0]);
          if (!d) { d = { id: h[0], score: 0, best: [], sure: [], fuzzy: 0, parts: 0, phrase: 0, stems: new Set() }; docs.set(h[0], d); }
          // An exact term in this language, then in another; the same with a word corrected.
          var p = (k === 0 ? 4 : 2) + h[1];
          if (p > d.phrase) d.phrase = p;
        });
      });
      var hits = [];
      docs.forEach(function (d) {
        var missing = [];
        d.matched = 0;
        typed.forEach(function (w, i) {
          var b = d.best[i];
          if (b) {
            d.matched++;
            d.score += b.s;
            d.stems.add(b.stem);
            if (!d.sure[i] && b.how === "fuzzy") d.fuzzy++;
            else if (!d.sure[i]) d.parts++;
          } else if (required[i] && !d.phrase) missing.push(w);
        });
        if (d.phrase) {
          seqs[d.phrase >= 4 ? 0 : seqs.length - 1].split(" ").forEach(function (s) { d.stems.add(s); });
        }
        d.missing = missing;
        hits.push(d);
      });
      var complete = hits.filter(function (d) { return !d.missing.length; });
      // Every word must match; only when no record has them all are partial matches shown, most words first.
      var shown = complete.length ? complete : hits;
      // A word found by correcting a typo counts as found: records with more of the query's words come first, then
      // those with fewer words found only approximately (corrected, or as part of a longer compound: neither is
      // what was typed, and one is no better than the other), then a term the query is, then the score.
      shown.sort(function (a, b) {
        return a.missing.length - b.missing.length || b.matched - a.matched || a.fuzzy + a.parts - b.fuzzy - b.parts || b.phrase - a.phrase ||
          b.score - a.score || a.id - b.id;
      });
      return { m: m, hits: shown, words: typed };
    });
  };

  /* ---- highlighting: the words found, marked on the result and on the page it leads to ---- */

  function marked(text, stems, m) {
    var spans = [];
    W.tokens(text, m.own).forEach(function (t) {
      var st = m.stem(t.text), hit = false;
      stems.forEach(function (s) { if (st === s || (s.length >= 3 && t.text.startsWith(s))) hit = true; });
      if (!hit) return;
      var last = spans[spans.length - 1];
      if (last && t.start <= last[1]) last[1] = Math.max(last[1], t.end); // overlapping character pairs: one mark
      else spans.push([t.start, t.end]);
    });
    if (!spans.length) return null;
    var frag = document.createDocumentFragment(), at = 0;
    spans.forEach(function (sp) {
      if (sp[0] > at) frag.appendChild(document.createTextNode(text.slice(at, sp[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(sp[0], sp[1]);
      frag.appendChild(mark);
      at = sp[1];
    });
    if (at < text.length) frag.appendChild(document.createTextNode(text.slice(at)));
    return frag;
  }

  function highlightPage(index) {
    var url = new URL(location.href), h = url.searchParams.get("h");
    var content = document.querySelector("[data-md-component=content]");
    if (!h || !content) return;
    index.load().then(function (m) {
      var stems = new Set(h.split(/\s+/).filter(Boolean));
      var it = document.createNodeIterator(content, NodeFilter.SHOW_TEXT), nodes = [];
      for (var node = it.nextNode(); node; node = it.nextNode()) {
        var parent = node.parentElement;
        if (parent && parent.offsetHeight && !parent.closest("mark, script, style")) nodes.push(node);
      }
      nodes.forEach(function (n) {
        var frag = marked(n.textContent, stems, m);
        if (frag) {
          // Material's own highlighting marks the same way, so its styles apply.
          frag.querySelectorAll("mark").forEach(function (mk) { mk.setAttribute("data-md-highlight", ""); });
          n.replaceWith(frag);
        }
      });
    }).catch(function (err) { console.warn(err); });
  }

  /* ---- the search box ---- */

  function Box(root, index, config) {
    this.root = root;
    this.index = index;
    this.config = config;
    this.input = root.querySelector(".md-search__input");
    this.meta = root.querySelector(".md-search-result__meta");
    this.list = root.querySelector(".md-search-result__list");
    this.scroll = root.querySelector(".md-search__scrollwrap");
    this.toggle = document.getElementById("__search");
    this.serial = 0;
    this.pending = [];
    this.result = null;
  }

  Box.prototype.t = function (key, n) {
    var text = (this.config.translations || {})[key] || "";
    return typeof n === "number" ? text.replace("#", n.toLocaleString(document.documentElement.lang || undefined)) : text;
  };

  Box.prototype.run = function () {
    var self = this, query = this.input.value, serial = ++this.serial;
    if (!query.trim()) {
      this.meta.textContent = this.t("search.result.placeholder");
      this.list.innerHTML = "";
      this.result = null;
      return Promise.resolve();
    }
    return this.index.search(query, true, function () { return serial !== self.serial; }).then(function (result) {
      if (serial !== self.serial || !result) return;
      self.result = result;
      result.seq = stemSeq(query, result.m);
      self.list.innerHTML = "";
      self.pending = result.hits.slice();
      var n = result.hits.length;
      self.meta.textContent = n === 0 ? self.t("search.result.none") : n === 1 ? self.t("search.result.one") : self.t("search.result.other", n);
      if (n === 0) self.list.appendChild(self.nextStep());
      return self.more(serial).then(function () {
        // For whoever waits for the results of exactly this query (the tests, the benchmark).
        if (serial === self.serial) self.root.setAttribute("data-glossary-search-shown", query);
      });
    }).catch(function (err) {
      console.warn(err);
      if (serial === self.serial) self.meta.textContent = self.t("search.result.none");
    });
  };

  Box.prototype.more = function (serial) {
    var self = this, batch = this.pending.splice(0, SHOWN), m = this.result && this.result.m;
    if (!batch.length || !m) return Promise.resolve();
    return this.index.docs(m, batch.map(function (h) { return h.id; })).then(function (docs) {
      if (serial !== self.serial) return;
      docs.forEach(function (doc, k) { if (doc) self.list.appendChild(self.item(doc, batch[k], m)); });
    });
  };

  // Nothing found: the A–Z index, where every term of the language can be browsed, as the next step.
  Box.prototype.nextStep = function () {
    var holder = document.querySelector("[data-glossary-labels]");
    var li = document.createElement("li"), a = document.createElement("a");
    li.className = "glossary-search-next";  // not a result: neither counted nor reached by the arrow keys
    a.href = new URL((holder && holder.getAttribute("data-index-href")) || "index-a-z/", location.href).href;  // relative to this page
    a.textContent = (holder && holder.getAttribute("data-index")) || "A–Z";
    li.appendChild(a);
    return li;
  };

  /* The stems of a text's words, as the index sees a term: a deprecated term is recognised in any of its forms. */
  function stemSeq(text, m) {
    return W.words(text, m.own).map(function (w) { return m.stem(w); }).join(" ");
  }

  function label(name) {
    var holder = document.querySelector("[data-glossary-labels]");
    return (holder && holder.getAttribute("data-" + name)) || "";
  }

  Box.prototype.item = function (doc, hit, m) {
    var url = new URL(doc.url, this.index.base);
    if ((this.config.features || []).indexOf("search.highlight") >= 0) url.searchParams.set("h", Array.from(hit.stems).join(" "));
    var li = document.createElement("li"), a = document.createElement("a"), art = document.createElement("article");
    li.className = "md-search-result__item";
    a.className = "md-search-result__link";
    a.href = url.href;
    a.tabIndex = -1;
    art.className = "md-search-result__article md-typeset";
    art.setAttribute("data-md-score", (hit.score + hit.phrase * 100).toFixed(2));
    var icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    art.appendChild(icon);
    // The kind first, in the link's text: a screen reader says it before the title, as the eye sees it above.
    var kind = doc.kind && label("kind-" + doc.kind);
    if (kind) {
      var k = document.createElement("p");
      k.className = "glossary-search-kind";
      k.textContent = kind;
      art.appendChild(k);
    }
    var h1 = document.createElement("h1");
    h1.appendChild(marked(doc.title, hit.stems, m) || document.createTextNode(doc.title));
    art.appendChild(h1);
    var seq = this.result && this.result.seq, old = seq && doc.deprecated.filter(function (t) { return stemSeq(t, m) === seq; })[0];
    if (old) {
      // The reader typed a deprecated term: say so, and name the preferred term (the title). Catalog strings and
      // contributor text go in as text, never as markup.
      var note = document.createElement("p"), del = document.createElement("del");
      note.className = "glossary-search-deprecated";
      del.textContent = old;
      var use = label("use-instead").split("%(term)s");
      note.append(del, " (" + label("deprecated") + "): " + use[0]);
      var b = document.createElement("strong");
      b.textContent = doc.title;
      note.append(b, use.slice(1).join(""));
      art.appendChild(note);
    }
    if (doc.text) {
      var p = document.createElement("p");
      p.className = "glossary-search-text";
      p.appendChild(marked(doc.text, hit.stems, m) || document.createTextNode(doc.text));
      art.appendChild(p);
    }
    if (hit.missing.length) {
      var terms = document.createElement("p");
      terms.className = "md-search-result__terms";
      terms.append(this.t("search.result.term.missing") + ": ");
      hit.missing.forEach(function (w, i) {
        var del = document.createElement("del");
        del.textContent = w;
        if (i) terms.append(" ");
        terms.appendChild(del);
      });
      art.appendChild(terms);
    }
    // Chromium does not name a link by the content of an <article> inside it, which left every result nameless to a
    // screen reader; as a plain container the link's name is what it shows, the kind first.
    art.setAttribute("role", "none");
    a.appendChild(art);
    li.appendChild(a);
    return li;
  };

  Box.prototype.open = function () {
    if (!this.toggle.checked) this.toggle.click();
    this.input.focus();
  };

  // Escape gives the focus back where it was before the search opened (a keyboard reader keeps their place), or to
  // the page's heading, never to the page's body.
  Box.prototype.close = function () {
    var back = window.glossaryFocusBefore;  // kept by glossary.js, which runs before this script is loaded
    if (this.toggle.checked) this.toggle.click();
    this.input.blur();
    if (!back || !document.contains(back) || back === document.body || this.root.contains(back)) {
      back = document.querySelector("article h1, main h1");
      if (back && !back.hasAttribute("tabindex")) back.setAttribute("tabindex", "-1");
    }
    if (back) back.focus({ preventScroll: true });
  };

  Box.prototype.links = function () {
    return Array.from(this.list.querySelectorAll(".md-search-result__link"));
  };

  /* Material's keys: / and s open the search; arrows move through the results; Enter follows one; Escape closes. */
  Box.prototype.key = function (ev) {
    if (ev.metaKey || ev.ctrlKey || ev.altKey) return;
    var active = document.activeElement;
    if (!this.toggle.checked) {
      var typing = active && (active.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName));
      if ((ev.key === "/" || ev.key === "s" || ev.key === "S") && !typing) {
        ev.preventDefault();
        this.open();
      }
      return;
    }
    var links = this.links(), at = links.indexOf(active);
    switch (ev.key) {
      case "Escape":
      case "Tab":
        if (ev.key === "Escape") { ev.preventDefault(); this.close(); }
        break;
      case "Enter":
        if (active === this.input && links.length) {
          ev.preventDefault();
          links[0].click();
        }
        break;
      case "ArrowDown":
      case "ArrowUp":
        if (!links.length) return;
        ev.preventDefault();
        var next = ev.key === "ArrowDown" ? at + 1 : (at < 0 ? links.length : at) - 1;
        if (next < 0) this.input.focus();
        else links[Math.min(next, links.length - 1)].focus();
        break;
      default:
        if (active !== this.input && ev.key.length === 1) this.input.focus();
    }
  };

  Box.prototype.start = function () {
    var self = this, timer = 0;
    this.list.hidden = !this.toggle.checked;
    this.list.setAttribute("role", this.toggle.checked ? "list" : "presentation");
    this.toggle.addEventListener("change", function () {
      self.list.hidden = !self.toggle.checked;
      self.list.setAttribute("role", self.toggle.checked ? "list" : "presentation");
      if (self.toggle.checked) self.input.focus();
    });
    this.input.addEventListener("focus", function () { if (!self.toggle.checked) self.toggle.click(); });
    // Tabbing out of the search closes it: on a phone the open search covers the page and holds it still, so the
    // next stops of the tab order would be under it, off the screen.
    this.root.addEventListener("focusout", function (ev) {
      var next = ev.relatedTarget;
      if (self.toggle.checked && next && !self.root.contains(next)) self.toggle.click();
    });
    this.input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { self.run(); }, 0);
    });
    this.input.form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    this.input.form.addEventListener("reset", function () { setTimeout(function () { self.run(); self.input.focus(); }, 0); });
    this.scroll.addEventListener("scroll", function () {
      var s = self.scroll;
      if (self.pending.length && s.scrollTop + s.clientHeight >= s.scrollHeight - 200) self.more(self.serial);
    });
    window.addEventListener("keydown", function (ev) { self.key(ev); }, true);
    var q = new URL(location.href).searchParams.get("q");
    if (q && !this.input.value) {  // a link to the search (/sv/?q=kundtjänst): the results, not only the filled box
      this.input.value = q;
      if (!this.toggle.checked) this.toggle.click();
      this.list.hidden = false;
      this.list.setAttribute("role", "list");
    }
    this.meta.textContent = this.t("search.result.placeholder");
    if (this.input.value) this.run();
  };

  // A result is its title and at most two lines of text, on a phone as on a desktop.
  var STYLE = ".md-search-result__article .glossary-search-text{display:-webkit-box;-webkit-box-orient:vertical;" +
    "-webkit-line-clamp:2;line-clamp:2;overflow:hidden;margin:.4em 0}";

  function start() {
    W = window.glossaryWords;
    var style = document.createElement("style");
    style.textContent = STYLE;
    document.head.appendChild(style);
    var root = document.querySelector("[data-glossary-search]");
    var configEl = document.getElementById("__config");
    if (!root || !configEl) return;
    var config = JSON.parse(configEl.textContent);
    var page = root.getAttribute("data-glossary-search-page") || location.href;
    var index = new Index(new URL(config.base || ".", page), new URL(".", new URL(root.getAttribute("data-glossary-search-script"), page)));
    var box = new Box(root, index, config);
    window.glossarySearch = { index: index, box: box, withinOneEdit: withinOneEdit, bucket: bucket, shardKey: shardKey };
    box.start();
    index.load().catch(function (err) { console.warn(err); });  // while the reader starts typing
    highlightPage(index);
    if (window.document$ && window.document$.subscribe) {
      var first = true;
      // After each instant navigation: mark the words found on the page arrived at.
      window.document$.subscribe(function () { if (!first) highlightPage(index); first = false; });
    }
  }

  // Arriving from a result, this script is started from the header and may run before the rest of the page is
  // parsed, Material's configuration (at the end of the body) and the article included: it starts once they are there.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();
