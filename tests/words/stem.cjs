// Stems words with the browser's Snowball stemmers, outside the browser: reads {"algorithm": [normalized words]}
// as JSON on stdin and writes {"algorithm": [stems]} (test_vectors.py compares them with the Python side's).
"use strict";
const path = require("node:path");
const words = require("../../glossary_tool/site/overrides/assets/javascripts/words.js");
const snowball = path.join(__dirname, "../../glossary_tool/site/overrides/assets/javascripts/snowball");
const base = require(path.join(snowball, "base.js"));

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const out = {};
  for (const [algorithm, list] of Object.entries(JSON.parse(input))) {
    const stem = words.stemmerFrom(require(path.join(snowball, algorithm + ".js"))(base));
    out[algorithm] = list.map(stem);
  }
  process.stdout.write(JSON.stringify(out));
});
