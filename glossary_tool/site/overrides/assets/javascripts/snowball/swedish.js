/* swedish: translated by tests/words/make_snowball_js.py from snowballstemmer 3.1.1's swedish_stemmer.py,
 * Generated from swedish.sbl by Snowball 3.1.1 - https://snowballstem.org/. Do not edit. BSD-3-Clause: see LICENSE beside this file. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else (root.glossarySnowball = root.glossarySnowball || {})["swedish"] = factory;
})(typeof self !== "undefined" ? self : this, function (base) {
  "use strict";
  function SwedishStemmer() {
    base.BaseStemmer.call(this);
    this.I_p1 = 0;
  }
  SwedishStemmer.prototype = Object.create(base.BaseStemmer.prototype);
  var P = SwedishStemmer.prototype;
  var g_v = new Set("aeiouyäåö");
  var g_s_ending = new Set("bcdfghjklmnoprtvy");
  var g_ost_ending = new Set("iklnprtuv");
  P.r_mark_regions = function () {
    var I_x, v_1;
    this.I_p1 = this.limit;
    v_1 = this.cursor;
    if ((this.cursor + 3) > this.limit) {
      return false;
    }
    this.cursor += 3;
    I_x = this.cursor;
    this.cursor = v_1;
    if (!(this.go_out_grouping(g_v))) {
      return false;
    }
    this.cursor += 1;
    if (!(this.go_in_grouping(g_v))) {
      return false;
    }
    this.cursor += 1;
    this.I_p1 = this.cursor;
    lab0_1: {
      if (this.I_p1 >= I_x) {
        break lab0_1;
      }
      this.I_p1 = I_x;
    }
    return true;
  };
  P.r_et_condition = function () {
    var v_1, v_2;
    v_1 = (this.limit - this.cursor);
    if (!(this.out_grouping_b(g_v))) {
      return false;
    }
    if (!(this.in_grouping_b(g_v))) {
      return false;
    }
    if (this.cursor <= this.limit_backward) {
      return false;
    }
    this.cursor = (this.limit - v_1);
    v_2 = (this.limit - this.cursor);
    lab0_1: {
      if (this.find_among_b(a_0) === 0) {
        break lab0_1;
      }
      return false;
    }
    this.cursor = (this.limit - v_2);
    return true;
  };
  P.r_main_suffix = function () {
    var among_var, v_2, v_3;
    if (this.cursor < this.I_p1) {
      return false;
    }
    v_2 = this.limit_backward;
    this.limit_backward = this.I_p1;
    this.ket = this.cursor;
    among_var = this.find_among_b(a_1);
    if (among_var === 0) {
      this.limit_backward = v_2;
      return false;
    }
    this.bra = this.cursor;
    this.limit_backward = v_2;
    if (among_var === 1) {
      this.slice_del();
    } else if (among_var === 2) {
      while (true) {
        v_3 = (this.limit - this.cursor);
        lab0_1: {
          if (!(this.eq_s_b("et"))) {
            break lab0_1;
          }
          if (!(this.r_et_condition())) {
            break lab0_1;
          }
          this.bra = this.cursor;
          break;
        }
        this.cursor = (this.limit - v_3);
        if (!(this.in_grouping_b(g_s_ending))) {
          return false;
        }
        break;
      }
      this.slice_del();
    } else {
      if (!(this.r_et_condition())) {
        return false;
      }
      this.slice_del();
    }
    return true;
  };
  P.r_consonant_pair = function () {
    var v_2, v_3;
    if (this.cursor < this.I_p1) {
      return false;
    }
    v_2 = this.limit_backward;
    this.limit_backward = this.I_p1;
    v_3 = (this.limit - this.cursor);
    if (this.find_among_b(a_2) === 0) {
      this.limit_backward = v_2;
      return false;
    }
    this.cursor = (this.limit - v_3);
    this.ket = this.cursor;
    if (this.cursor <= this.limit_backward) {
      this.limit_backward = v_2;
      return false;
    }
    this.cursor -= 1;
    this.bra = this.cursor;
    this.slice_del();
    this.limit_backward = v_2;
    return true;
  };
  P.r_other_suffix = function () {
    var among_var, v_2;
    if (this.cursor < this.I_p1) {
      return false;
    }
    v_2 = this.limit_backward;
    this.limit_backward = this.I_p1;
    this.ket = this.cursor;
    among_var = this.find_among_b(a_3);
    if (among_var === 0) {
      this.limit_backward = v_2;
      return false;
    }
    this.bra = this.cursor;
    this.limit_backward = v_2;
    if (among_var === 1) {
      this.slice_del();
    } else if (among_var === 2) {
      if (!(this.in_grouping_b(g_ost_ending))) {
        return false;
      }
      this.slice_from("ös");
    } else {
      this.slice_from("full");
    }
    return true;
  };
  P._stem = function () {
    var v_1, v_2, v_3, v_4;
    v_1 = this.cursor;
    this.r_mark_regions();
    this.cursor = v_1;
    this.limit_backward = this.cursor;
    this.cursor = this.limit;
    v_2 = (this.limit - this.cursor);
    this.r_main_suffix();
    this.cursor = (this.limit - v_2);
    v_3 = (this.limit - this.cursor);
    this.r_consonant_pair();
    this.cursor = (this.limit - v_3);
    v_4 = (this.limit - this.cursor);
    this.r_other_suffix();
    this.cursor = (this.limit - v_4);
    this.cursor = this.limit_backward;
    return true;
  };
  var a_0 = [
    ["fab",-1,-1],
    ["h",-1,-1],
    ["pak",-1,-1],
    ["rak",-1,-1],
    ["stak",-1,-1],
    ["kom",-1,-1],
    ["iet",-1,-1],
    ["cit",-1,-1],
    ["dit",-1,-1],
    ["alit",-1,-1],
    ["ilit",-1,-1],
    ["mit",-1,-1],
    ["nit",-1,-1],
    ["pit",-1,-1],
    ["rit",-1,-1],
    ["sit",-1,-1],
    ["tit",-1,-1],
    ["uit",-1,-1],
    ["ivit",-1,-1],
    ["kvit",-1,-1],
    ["xit",-1,-1]
  ];
  var a_1 = [
    ["a",-1,1],
    ["arna",0,1],
    ["erna",0,1],
    ["heterna",2,1],
    ["orna",0,1],
    ["ad",-1,1],
    ["e",-1,1],
    ["ade",6,1],
    ["ande",6,1],
    ["arne",6,1],
    ["are",6,1],
    ["aste",6,1],
    ["en",-1,1],
    ["anden",12,1],
    ["aren",12,1],
    ["heten",12,1],
    ["ern",-1,1],
    ["ar",-1,1],
    ["er",-1,1],
    ["heter",18,1],
    ["or",-1,1],
    ["s",-1,2],
    ["as",21,1],
    ["arnas",22,1],
    ["ernas",22,1],
    ["ornas",22,1],
    ["es",21,1],
    ["ades",26,1],
    ["andes",26,1],
    ["ens",21,1],
    ["arens",29,1],
    ["hetens",29,1],
    ["erns",21,1],
    ["at",-1,1],
    ["et",-1,3],
    ["andet",34,1],
    ["het",34,1],
    ["ast",-1,1]
  ];
  var a_2 = [
    ["dd",-1,-1],
    ["gd",-1,-1],
    ["nn",-1,-1],
    ["dt",-1,-1],
    ["gt",-1,-1],
    ["kt",-1,-1],
    ["tt",-1,-1]
  ];
  var a_3 = [
    ["ig",-1,1],
    ["lig",0,1],
    ["els",-1,1],
    ["fullt",-1,3],
    ["öst",-1,2]
  ];
  return SwedishStemmer;
});
