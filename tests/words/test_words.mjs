// The word pipeline of the browser (words.js, snowball/) against tests/words/vectors.json, which Python wrote:
// node --test tests/words/test_words.mjs (tests/words/test_vectors.py runs it under pytest).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const assets = "../../glossary_tool/site/overrides/assets/javascripts/";
const require = createRequire(import.meta.url);
const words = require(here(assets + "words.js"));
const base = require(here(assets + "snowball/base.js"));
const stemmer = (algorithm) => words.stemmerFrom(algorithm ? require(here(assets + `snowball/${algorithm}.js`))(base) : null);
const vectors = JSON.parse(readFileSync(here("vectors.json"), "utf8"));

// search_index.shard_key and .bucket, as glossary-search.js computes them.
const CRC = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; t[n] = c; }
  return t;
})();
const bucket = (text, n) => { let c = 0xffffffff; for (const b of new TextEncoder().encode(text)) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8); return ((c ^ 0xffffffff) >>> 0) % n; };
const shardKey = (text) => { const c = Array.from(text); return c.slice(0, c.length && words.pairClass(c[0]) ? 1 : 2).map((x) => x.codePointAt(0).toString(16)).join("-"); };

for (const v of vectors) {
  test(`${v.locale}: ${v.input.slice(0, 40)}`, () => {
    assert.equal(words.normalize(v.input, v.own), v.normalized, "normalized");
    const tokens = words.tokens(v.input, v.own);
    assert.deepEqual(tokens.map((t) => t.text), v.tokens, "tokens");
    assert.deepEqual(tokens.map((t) => t.paired), v.paired, "paired");
    const stem = stemmer(v.algorithm);
    const stems = v.tokens.map(stem);
    assert.deepEqual(stems, v.stems, "stems");
    assert.deepEqual(stems.map(shardKey), v.shards, "shard keys");
    assert.deepEqual(stems.map((s) => bucket(s, 64)), v.buckets, "buckets");
  });
}

test("every Snowball algorithm the Python side names has its file", () => {
  for (const v of vectors) if (v.algorithm) assert.equal(typeof require(here(assets + `snowball/${v.algorithm}.js`)), "function", v.algorithm);
});
