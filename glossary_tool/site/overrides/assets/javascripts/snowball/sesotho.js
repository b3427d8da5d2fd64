/* sesotho: translated by tests/words/make_snowball_js.py from snowballstemmer 3.1.1's sesotho_stemmer.py,
 * Generated from sesotho.sbl by Snowball 3.1.1 - https://snowballstem.org/. Do not edit. BSD-3-Clause: see LICENSE beside this file. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else (root.glossarySnowball = root.glossarySnowball || {})["sesotho"] = factory;
})(typeof self !== "undefined" ? self : this, function (base) {
  "use strict";
  function SesothoStemmer() {
    base.BaseStemmer.call(this);
    this.I_pV = 0;
  }
  SesothoStemmer.prototype = Object.create(base.BaseStemmer.prototype);
  var P = SesothoStemmer.prototype;
  var g_v = new Set("aeiou");
  P.r_mark_regions = function () {
    var v_1, v_2;
    v_1 = this.cursor;
    if (!(this.go_out_grouping(g_v))) {
      return false;
    }
    this.cursor += 1;
    this.I_pV = this.cursor;
    this.cursor = v_1;
    v_2 = this.cursor;
    if ((this.cursor + 2) > this.limit) {
      return false;
    }
    this.cursor += 2;
    lab0_1: {
      if (this.cursor <= this.I_pV) {
        break lab0_1;
      }
      this.I_pV = this.cursor;
    }
    this.cursor = v_2;
    return true;
  };
  P.r_remove_noun_prefixes = function () {
    var v_1;
    this.bra = this.cursor;
    if (this.find_among(a_0) === 0) {
      return false;
    }
    this.ket = this.cursor;
    v_1 = this.cursor;
    if (this.cursor >= this.limit) {
      return false;
    }
    this.cursor += 1;
    if (this.cursor >= this.limit) {
      return false;
    }
    this.cursor = v_1;
    if (!(this.go_out_grouping(g_v))) {
      return false;
    }
    this.cursor += 1;
    this.slice_del();
    return true;
  };
  P.r_remove_verb_suffixes = function () {
    var v_2;
    if (this.cursor < this.I_pV) {
      return false;
    }
    v_2 = this.limit_backward;
    this.limit_backward = this.I_pV;
    this.ket = this.cursor;
    if (this.find_among_b(a_1) === 0) {
      this.limit_backward = v_2;
      return false;
    }
    this.bra = this.cursor;
    this.slice_del();
    this.limit_backward = v_2;
    return true;
  };
  P.r_remove_nominal_suffixes = function () {
    var v_2;
    if (this.cursor < this.I_pV) {
      return false;
    }
    v_2 = this.limit_backward;
    this.limit_backward = this.I_pV;
    this.ket = this.cursor;
    if (this.find_among_b(a_2) === 0) {
      this.limit_backward = v_2;
      return false;
    }
    this.bra = this.cursor;
    this.slice_del();
    this.limit_backward = v_2;
    return true;
  };
  P._stem = function () {
    var v_1, v_2, v_3;
    if (!(this.r_mark_regions())) {
      return false;
    }
    this.limit_backward = this.cursor;
    this.cursor = this.limit;
    v_1 = (this.limit - this.cursor);
    this.r_remove_nominal_suffixes();
    this.cursor = (this.limit - v_1);
    v_2 = (this.limit - this.cursor);
    this.r_remove_verb_suffixes();
    this.cursor = (this.limit - v_2);
    this.cursor = this.limit_backward;
    v_3 = this.cursor;
    this.r_remove_noun_prefixes();
    this.cursor = v_3;
    return true;
  };
  var a_0 = [
    ["ba",-1,-1],
    ["boi",-1,-1],
    ["le",-1,-1],
    ["li",-1,-1],
    ["ma",-1,-1],
    ["me",-1,-1],
    ["mo",-1,-1],
    ["se",-1,-1]
  ];
  var a_1 = [
    ["a",-1,1],
    ["ela",0,1],
    ["isa",0,1],
    ["wa",0,1],
    ["ile",-1,1],
    ["etse",-1,1],
    ["ang",-1,1],
    ["eng",-1,1],
    ["ong",-1,1]
  ];
  var a_2 = [
    ["ana",-1,1],
    ["nyana",0,1],
    ["oa",-1,1],
    ["i",-1,1],
    ["ano",-1,1]
  ];
  return SesothoStemmer;
});
