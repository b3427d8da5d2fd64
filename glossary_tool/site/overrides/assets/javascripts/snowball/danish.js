/* danish: translated by tests/words/make_snowball_js.py from snowballstemmer 3.1.1's danish_stemmer.py,
 * Generated from danish.sbl by Snowball 3.1.1 - https://snowballstem.org/. Do not edit. BSD-3-Clause: see LICENSE beside this file. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else (root.glossarySnowball = root.glossarySnowball || {})["danish"] = factory;
})(typeof self !== "undefined" ? self : this, function (base) {
  "use strict";
  function DanishStemmer() {
    base.BaseStemmer.call(this);
    this.I_p1 = 0;
  }
  DanishStemmer.prototype = Object.create(base.BaseStemmer.prototype);
  var P = DanishStemmer.prototype;
  var g_undouble_c = new Set("bdfgklmnprst");
  var g_v = new Set("aeiouyåæø");
  var g_s_ending = new Set("'abcdfghjklmnoprtvyzå");
  P.r_mark_regions = function () {
    var v_1, v_2, v_3;
    this.I_p1 = this.limit;
    v_1 = this.cursor;
    lab0_1: {
      while (true) {
        v_2 = this.cursor;
        lab1_2: {
          while (true) {
            lab2_3: {
              if ((this.cursor === this.limit || this.current[this.cursor] !== "'")) {
                break lab2_3;
              }
              this.cursor += 1;
              break;
            }
            if (this.cursor >= this.limit) {
              break lab1_2;
            }
            this.cursor += 1;
          }
          break;
        }
        this.cursor = v_2;
        if (!(this.go_out_grouping(g_v))) {
          break lab0_1;
        }
        this.cursor += 1;
        if (!(this.go_in_grouping(g_v))) {
          break lab0_1;
        }
        this.cursor += 1;
        break;
      }
      this.I_p1 = this.cursor;
    }
    this.cursor = v_1;
    v_3 = this.cursor;
    if ((this.cursor + 3) > this.limit) {
      return false;
    }
    this.cursor += 3;
    lab0_4: {
      if (this.I_p1 >= this.cursor) {
        break lab0_4;
      }
      this.I_p1 = this.cursor;
    }
    this.cursor = v_3;
    return true;
  };
  P.r_main_suffix = function () {
    var among_var, v_2;
    if (this.cursor < this.I_p1) {
      return false;
    }
    v_2 = this.limit_backward;
    this.limit_backward = this.I_p1;
    this.ket = this.cursor;
    among_var = this.find_among_b(a_0);
    if (among_var === 0) {
      this.limit_backward = v_2;
      return false;
    }
    this.bra = this.cursor;
    this.limit_backward = v_2;
    if (among_var === 1) {
      this.slice_del();
    } else {
      if (!(this.in_grouping_b(g_s_ending))) {
        return false;
      }
      this.slice_del();
    }
    return true;
  };
  P.r_consonant_pair = function () {
    var v_1, v_3;
    v_1 = (this.limit - this.cursor);
    if (this.cursor < this.I_p1) {
      return false;
    }
    v_3 = this.limit_backward;
    this.limit_backward = this.I_p1;
    this.ket = this.cursor;
    if (this.find_among_b(a_1) === 0) {
      this.limit_backward = v_3;
      return false;
    }
    this.bra = this.cursor;
    this.limit_backward = v_3;
    this.cursor = (this.limit - v_1);
    if (this.cursor <= this.limit_backward) {
      return false;
    }
    this.cursor -= 1;
    this.bra = this.cursor;
    this.slice_del();
    return true;
  };
  P.r_other_suffix = function () {
    var among_var, v_1, v_3, v_4;
    v_1 = (this.limit - this.cursor);
    lab0_1: {
      this.ket = this.cursor;
      if (!(this.eq_s_b("st"))) {
        break lab0_1;
      }
      this.bra = this.cursor;
      if (!(this.eq_s_b("ig"))) {
        break lab0_1;
      }
      this.slice_del();
    }
    this.cursor = (this.limit - v_1);
    if (this.cursor < this.I_p1) {
      return false;
    }
    v_3 = this.limit_backward;
    this.limit_backward = this.I_p1;
    this.ket = this.cursor;
    among_var = this.find_among_b(a_2);
    if (among_var === 0) {
      this.limit_backward = v_3;
      return false;
    }
    this.bra = this.cursor;
    this.limit_backward = v_3;
    if (among_var === 1) {
      this.slice_del();
      v_4 = (this.limit - this.cursor);
      this.r_consonant_pair();
      this.cursor = (this.limit - v_4);
    } else {
      this.slice_from("løs");
    }
    return true;
  };
  P.r_undouble = function () {
    var S_ch, v_2;
    if (this.cursor < this.I_p1) {
      return false;
    }
    v_2 = this.limit_backward;
    this.limit_backward = this.I_p1;
    this.ket = this.cursor;
    if (!(this.in_grouping_b(g_undouble_c))) {
      this.limit_backward = v_2;
      return false;
    }
    this.bra = this.cursor;
    S_ch = this.slice_to();
    this.limit_backward = v_2;
    if (!(this.eq_s_b(S_ch))) {
      return false;
    }
    this.slice_del();
    return true;
  };
  P._stem = function () {
    var v_1, v_2, v_3, v_4;
    if (!(this.r_mark_regions())) {
      return false;
    }
    this.limit_backward = this.cursor;
    this.cursor = this.limit;
    v_1 = (this.limit - this.cursor);
    this.r_main_suffix();
    this.cursor = (this.limit - v_1);
    v_2 = (this.limit - this.cursor);
    this.r_consonant_pair();
    this.cursor = (this.limit - v_2);
    v_3 = (this.limit - this.cursor);
    this.r_other_suffix();
    this.cursor = (this.limit - v_3);
    v_4 = (this.limit - this.cursor);
    this.r_undouble();
    this.cursor = (this.limit - v_4);
    this.ket = this.cursor;
    if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "'")) {
      return false;
    }
    this.cursor -= 1;
    this.bra = this.cursor;
    this.slice_del();
    this.cursor = this.limit_backward;
    return true;
  };
  var a_0 = [
    ["hed",-1,1],
    ["ethed",0,1],
    ["ered",-1,1],
    ["e",-1,1],
    ["erede",3,1],
    ["ende",3,1],
    ["erende",5,1],
    ["ene",3,1],
    ["erne",3,1],
    ["ere",3,1],
    ["en",-1,1],
    ["heden",10,1],
    ["eren",10,1],
    ["er",-1,1],
    ["heder",13,1],
    ["erer",13,1],
    ["s",-1,2],
    ["heds",16,1],
    ["es",16,1],
    ["endes",18,1],
    ["erendes",19,1],
    ["enes",18,1],
    ["ernes",18,1],
    ["eres",18,1],
    ["ens",16,1],
    ["hedens",24,1],
    ["erens",24,1],
    ["ers",16,1],
    ["ets",16,1],
    ["erets",28,1],
    ["et",-1,1],
    ["eret",30,1]
  ];
  var a_1 = [
    ["gd",-1,-1],
    ["dt",-1,-1],
    ["gt",-1,-1],
    ["kt",-1,-1]
  ];
  var a_2 = [
    ["ig",-1,1],
    ["lig",0,1],
    ["elig",1,1],
    ["els",-1,1],
    ["løst",-1,2]
  ];
  return DanishStemmer;
});
