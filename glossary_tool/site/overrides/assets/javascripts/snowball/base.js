/* The runtime of the Snowball stemmers in this folder: the BaseStemmer of Snowball's generated code (the routines
 * every algorithm calls to move the cursor, test letters and endings, look up among tables and replace a slice),
 * written after snowballstemmer's basestemmer.py, whose generated stemmers the other files are translated from.
 * BSD-3-Clause: see LICENSE. An among table is a list of [string, index of its longest substring, result, routine].
 * Strings are indexed by UTF-16 unit, the Python side by code point: words.js stems no word with a character
 * beyond the Basic Multilingual Plane, where the two would differ.
 */
(function (root) {
  "use strict";

  function BaseStemmer() {
    this.setCurrent("");
  }

  var B = BaseStemmer.prototype;

  B.setCurrent = function (value) {
    this.current = value;
    this.cursor = 0;
    this.limit = value.length;
    this.limit_backward = 0;
    this.bra = this.cursor;
    this.ket = this.limit;
  };

  B.in_grouping = function (s) {
    if (this.cursor >= this.limit || !s.has(this.current[this.cursor])) return false;
    this.cursor++;
    return true;
  };

  B.go_in_grouping = function (s) {
    while (this.cursor < this.limit) {
      if (!s.has(this.current[this.cursor])) return true;
      this.cursor++;
    }
    return false;
  };

  B.in_grouping_b = function (s) {
    if (this.cursor <= this.limit_backward || !s.has(this.current[this.cursor - 1])) return false;
    this.cursor--;
    return true;
  };

  B.go_in_grouping_b = function (s) {
    while (this.cursor > this.limit_backward) {
      if (!s.has(this.current[this.cursor - 1])) return true;
      this.cursor--;
    }
    return false;
  };

  B.out_grouping = function (s) {
    if (this.cursor >= this.limit || s.has(this.current[this.cursor])) return false;
    this.cursor++;
    return true;
  };

  B.go_out_grouping = function (s) {
    while (this.cursor < this.limit) {
      if (s.has(this.current[this.cursor])) return true;
      this.cursor++;
    }
    return false;
  };

  B.out_grouping_b = function (s) {
    if (this.cursor <= this.limit_backward || s.has(this.current[this.cursor - 1])) return false;
    this.cursor--;
    return true;
  };

  B.go_out_grouping_b = function (s) {
    while (this.cursor > this.limit_backward) {
      if (s.has(this.current[this.cursor - 1])) return true;
      this.cursor--;
    }
    return false;
  };

  B.eq_s = function (s) {
    if (this.limit - this.cursor < s.length || this.current.slice(this.cursor, this.cursor + s.length) !== s) return false;
    this.cursor += s.length;
    return true;
  };

  B.eq_s_b = function (s) {
    if (this.cursor - this.limit_backward < s.length || this.current.slice(this.cursor - s.length, this.cursor) !== s) return false;
    this.cursor -= s.length;
    return true;
  };

  /* A binary search of the table for the longest string at the cursor (forwards) whose routine, if any, succeeds. */
  B.find_among = function (v) {
    var i = 0, j = v.length, c = this.cursor, l = this.limit, common_i = 0, common_j = 0, first_key_inspected = false;
    for (;;) {
      var k = i + ((j - i) >> 1), diff = 0, common = common_i < common_j ? common_i : common_j, w = v[k];
      for (var i2 = common; i2 < w[0].length; i2++) {
        if (c + common === l) { diff = -1; break; }
        diff = this.current.charCodeAt(c + common) - w[0].charCodeAt(i2);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0 || j === i || first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    for (;;) {
      var e = v[i];
      if (common_i >= e[0].length) {
        this.cursor = c + e[0].length;
        if (!e[3]) return e[2];
        if (e[3].call(this)) { this.cursor = c + e[0].length; return e[2]; }
      }
      i = e[1];
      if (i < 0) return 0;
    }
  };

  /* The same, backwards from the cursor: endings. */
  B.find_among_b = function (v) {
    var i = 0, j = v.length, c = this.cursor, lb = this.limit_backward, common_i = 0, common_j = 0, first_key_inspected = false;
    for (;;) {
      var k = i + ((j - i) >> 1), diff = 0, common = common_i < common_j ? common_i : common_j, w = v[k];
      for (var i2 = w[0].length - 1 - common; i2 >= 0; i2--) {
        if (c - common === lb) { diff = -1; break; }
        diff = this.current.charCodeAt(c - 1 - common) - w[0].charCodeAt(i2);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0 || j === i || first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    for (;;) {
      var e = v[i];
      if (common_i >= e[0].length) {
        this.cursor = c - e[0].length;
        if (!e[3]) return e[2];
        if (e[3].call(this)) { this.cursor = c - e[0].length; return e[2]; }
      }
      i = e[1];
      if (i < 0) return 0;
    }
  };

  B.replace_s = function (c_bra, c_ket, s) {
    var adjustment = s.length - (c_ket - c_bra);
    this.current = this.current.slice(0, c_bra) + s + this.current.slice(c_ket);
    this.limit += adjustment;
    if (this.cursor >= c_ket) this.cursor += adjustment;
    else if (this.cursor > c_bra) this.cursor = c_bra;
    return adjustment;
  };

  B.slice_check = function () {
    if (this.bra < 0 || this.bra > this.ket || this.ket > this.limit || this.limit > this.current.length) {
      throw new Error("snowball: faulty slice operation");
    }
  };

  B.slice_from = function (s) {
    this.slice_check();
    this.replace_s(this.bra, this.ket, s);
    this.ket = this.bra + s.length;
  };

  B.slice_del = function () {
    this.slice_from("");
  };

  B.insert = function (c_bra, c_ket, s) {
    var adjustment = this.replace_s(c_bra, c_ket, s);
    if (c_bra <= this.bra) this.bra += adjustment;
    if (c_bra <= this.ket) this.ket += adjustment;
  };

  B.slice_to = function () {
    this.slice_check();
    return this.current.slice(this.bra, this.ket);
  };

  B.assign_to = function () {
    return this.current.slice(0, this.limit);
  };

  B.stemWord = function (word) {
    this.setCurrent(word);
    this._stem();
    return this.current;
  };

  var api = { BaseStemmer: BaseStemmer };
  if (typeof module === "object" && module.exports) module.exports = api;
  else (root.glossarySnowball = root.glossarySnowball || {}).base = api;
})(typeof self !== "undefined" ? self : this);
