/* Material's search worker, with each plain query word cut back to the part it shares with its stem.
 *
 * Material adds a trailing wildcard to every query word, and lunr does not stem wildcard terms. So the index
 * keeps words as written, and the stemming happens here, on the query: "outsourced" is sent as "outsourc",
 * which Material turns into "outsourc*" and which finds "outsourcing" and "outsourced" alike. A whole word
 * still finds itself, because the part is always a prefix of the word typed.
 *
 * It lives beside Material's worker because that one loads the language's stemmer from "../lunr", which
 * resolves against the running worker's own address.
 */
"use strict";
(function () {
  var SETUP = 0, QUERY = 2, RESULT = 3; // Material's message types
  var MIN_WORD = 4, MIN_PART = 3; // shorter words are searched as typed: their stems are too unspecific
  var lang = "en";

  // Only Material's own worker, from this site, is ever loaded.
  var target = new URL(new URL(self.location.href).searchParams.get("worker") || "", self.location.href);
  if (target.origin !== self.location.origin || !/\/workers\/search\.[0-9a-f]+\.min\.js$/.test(target.pathname)) {
    throw new Error("glossary search: not Material's search worker: " + target.href);
  }

  function stem(word) {
    var lunr = self.lunr;
    if (lang === "en") return lunr.stemmer(new lunr.Token(word, {})).toString();
    var language = lunr[lang];
    return language && language.stemmer ? String(language.stemmer(word)) : word;
  }

  function widen(word) {
    if (word.length < MIN_WORD) return word;
    var s = stem(word), i = 0;
    while (i < s.length && i < word.length && s.charAt(i) === word.charAt(i)) i++;
    // The English stemmer turns a final y into i ("companies", "company" -> "compani"): drop the i as well.
    if (lang === "en" && i === s.length && i < word.length && s.charAt(i - 1) === "i") i--;
    return i >= MIN_PART ? word.slice(0, i) : word;
  }

  var typed = {}; // the last query's parts -> the words typed, for the "Missing:" line of a result

  function rewrite(query) {
    typed = {};
    return query.split(/(\s+)/).map(function (part) {
      // Anything with query syntax (+ - ~ ^ * : or quotes) is left exactly as typed.
      if (!/^[\p{L}\p{N}]+$/u.test(part)) return part;
      var sent = widen(part.toLowerCase());
      typed[sent] = part;
      return sent;
    }).join("");
  }

  // A result lists the query words it lacks under "Missing:"; show them as the reader typed them, not cut
  // back. Matched words keep their sent form: the result page highlights with them, and they are prefixes.
  function relabel(result) {
    (result.items || []).forEach(function (group) {
      group.forEach(function (item) {
        var terms = {};
        Object.keys(item.terms || {}).forEach(function (term) {
          terms[item.terms[term] || !typed[term] ? term : typed[term]] = item.terms[term];
        });
        item.terms = terms;
      });
    });
    return result;
  }

  var post = self.postMessage.bind(self);
  self.postMessage = function (msg) {
    if (msg && msg.type === RESULT && msg.data) {
      try {
        relabel(msg.data);
      } catch (err) {
        console.warn(err);
      }
    }
    return post(msg);
  };

  var add = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return add(type, listener, options);
    return add(type, function (ev) {
      var msg = ev.data;
      if (msg && msg.type === SETUP && msg.data && msg.data.config && msg.data.config.lang.length === 1) {
        lang = msg.data.config.lang[0];
      } else if (msg && msg.type === QUERY && typeof msg.data === "string") {
        var query = msg.data;
        try {
          query = rewrite(query);
        } catch (err) { // a stemmer failure must not cost the reader the search itself
          console.warn(err);
        }
        return listener.call(self, { data: { type: QUERY, data: query } });
      }
      return listener.call(self, ev);
    }, options);
  };
  self.glossaryRewriteQuery = rewrite; // for the tests
  importScripts(target.href);
})();
