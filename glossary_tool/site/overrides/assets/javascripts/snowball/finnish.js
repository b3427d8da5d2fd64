/* finnish: translated by tests/words/make_snowball_js.py from snowballstemmer 3.1.1's finnish_stemmer.py,
 * Generated from finnish.sbl by Snowball 3.1.1 - https://snowballstem.org/. Do not edit. BSD-3-Clause: see LICENSE beside this file. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else (root.glossarySnowball = root.glossarySnowball || {})["finnish"] = factory;
})(typeof self !== "undefined" ? self : this, function (base) {
  "use strict";
  function FinnishStemmer() {
    base.BaseStemmer.call(this);
    this.B_ending_removed = false;
    this.I_p2 = 0;
    this.I_p1 = 0;
  }
  FinnishStemmer.prototype = Object.create(base.BaseStemmer.prototype);
  var P = FinnishStemmer.prototype;
  var g_AEI = new Set("aeiä");
  var g_C = new Set("bcdfghjklmnpqrstvwxz");
  var g_v = new Set("aeiouyäö");
  var g_particle_end = new Set("aeinotuyäö");
  P.r_mark_regions = function () {
    this.I_p1 = this.limit;
    this.I_p2 = this.limit;
    if (!(this.go_out_grouping(g_v))) {
      return false;
    }
    this.cursor += 1;
    if (!(this.go_in_grouping(g_v))) {
      return false;
    }
    this.cursor += 1;
    this.I_p1 = this.cursor;
    if (!(this.go_out_grouping(g_v))) {
      return false;
    }
    this.cursor += 1;
    if (!(this.go_in_grouping(g_v))) {
      return false;
    }
    this.cursor += 1;
    this.I_p2 = this.cursor;
    return true;
  };
  P.r_particle_etc = function () {
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
      if (!(this.in_grouping_b(g_particle_end))) {
        return false;
      }
    } else if (this.I_p2 > this.cursor) {
      return false;
    }
    this.slice_del();
    return true;
  };
  P.r_possessive = function () {
    var among_var, v_2;
    if (this.cursor < this.I_p1) {
      return false;
    }
    v_2 = this.limit_backward;
    this.limit_backward = this.I_p1;
    this.ket = this.cursor;
    among_var = this.find_among_b(a_4);
    if (among_var === 0) {
      this.limit_backward = v_2;
      return false;
    }
    this.bra = this.cursor;
    this.limit_backward = v_2;
    if (among_var === 1) {
      lab0_1: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "k")) {
          break lab0_1;
        }
        this.cursor -= 1;
        return false;
      }
      this.slice_del();
    } else if (among_var === 2) {
      this.slice_del();
      this.ket = this.cursor;
      if (!(this.eq_s_b("kse"))) {
        return false;
      }
      this.bra = this.cursor;
      this.slice_from("ksi");
    } else if (among_var === 3) {
      this.slice_del();
    } else if (among_var === 4) {
      if (this.find_among_b(a_1) === 0) {
        return false;
      }
      this.slice_del();
    } else if (among_var === 5) {
      if (this.find_among_b(a_2) === 0) {
        return false;
      }
      this.slice_del();
    } else {
      if (this.find_among_b(a_3) === 0) {
        return false;
      }
      this.slice_del();
    }
    return true;
  };
  P.r_LV = function () {
    return this.find_among_b(a_5) !== 0;
  };
  P.r_VI = function () {
    return this.find_among_b(a_6) !== 0;
  };
  P.r_A = function () {
    while (true) {
      lab0_1: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "a")) {
          break lab0_1;
        }
        this.cursor -= 1;
        break;
      }
      if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "'")) {
        return false;
      }
      this.cursor -= 1;
      break;
    }
    return true;
  };
  P.r_E = function () {
    while (true) {
      lab0_1: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "e")) {
          break lab0_1;
        }
        this.cursor -= 1;
        break;
      }
      if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "'")) {
        return false;
      }
      this.cursor -= 1;
      break;
    }
    return true;
  };
  P.r_I = function () {
    while (true) {
      lab0_1: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "i")) {
          break lab0_1;
        }
        this.cursor -= 1;
        break;
      }
      if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "'")) {
        return false;
      }
      this.cursor -= 1;
      break;
    }
    return true;
  };
  P.r_O = function () {
    while (true) {
      lab0_1: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "o")) {
          break lab0_1;
        }
        this.cursor -= 1;
        break;
      }
      if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "'")) {
        return false;
      }
      this.cursor -= 1;
      break;
    }
    return true;
  };
  P.r_U = function () {
    while (true) {
      lab0_1: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "u")) {
          break lab0_1;
        }
        this.cursor -= 1;
        break;
      }
      if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "'")) {
        return false;
      }
      this.cursor -= 1;
      break;
    }
    return true;
  };
  P.r_A_ = function () {
    while (true) {
      lab0_1: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "ä")) {
          break lab0_1;
        }
        this.cursor -= 1;
        break;
      }
      if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "'")) {
        return false;
      }
      this.cursor -= 1;
      break;
    }
    return true;
  };
  P.r_O_ = function () {
    while (true) {
      lab0_1: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "ö")) {
          break lab0_1;
        }
        this.cursor -= 1;
        break;
      }
      lab0_2: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "ø")) {
          break lab0_2;
        }
        this.cursor -= 1;
        break;
      }
      if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "'")) {
        return false;
      }
      this.cursor -= 1;
      break;
    }
    return true;
  };
  P.r_case_ending = function () {
    var among_var, v_2, v_3, v_4, v_5;
    if (this.cursor < this.I_p1) {
      return false;
    }
    v_2 = this.limit_backward;
    this.limit_backward = this.I_p1;
    this.ket = this.cursor;
    among_var = this.find_among_b(a_7);
    if (among_var === 0) {
      this.limit_backward = v_2;
      return false;
    }
    this.bra = this.cursor;
    this.limit_backward = v_2;
    if (among_var === 1) {
      v_3 = (this.limit - this.cursor);
      lab0_1: {
        v_4 = (this.limit - this.cursor);
        while (true) {
          v_5 = (this.limit - this.cursor);
          lab1_2: {
            if (!(this.r_LV())) {
              break lab1_2;
            }
            break;
          }
          this.cursor = (this.limit - v_5);
          if (!(this.eq_s_b("ie"))) {
            this.cursor = (this.limit - v_3);
            break lab0_1;
          }
          break;
        }
        this.cursor = (this.limit - v_4);
        if (this.cursor <= this.limit_backward) {
          this.cursor = (this.limit - v_3);
          break lab0_1;
        }
        this.cursor -= 1;
        this.bra = this.cursor;
      }
    } else if (among_var === 2) {
      if (!(this.in_grouping_b(g_v))) {
        return false;
      }
      if (!(this.in_grouping_b(g_C))) {
        return false;
      }
    } else if (among_var === 3) {
      if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "e")) {
        return false;
      }
      this.cursor -= 1;
    }
    this.slice_del();
    this.B_ending_removed = true;
    return true;
  };
  P.r_other_endings = function () {
    var among_var, v_2;
    if (this.cursor < this.I_p2) {
      return false;
    }
    v_2 = this.limit_backward;
    this.limit_backward = this.I_p2;
    this.ket = this.cursor;
    among_var = this.find_among_b(a_8);
    if (among_var === 0) {
      this.limit_backward = v_2;
      return false;
    }
    this.bra = this.cursor;
    this.limit_backward = v_2;
    if (among_var === 1) {
      lab0_1: {
        if (!(this.eq_s_b("po"))) {
          break lab0_1;
        }
        return false;
      }
    }
    this.slice_del();
    return true;
  };
  P.r_i_plural = function () {
    var v_2;
    if (this.cursor < this.I_p1) {
      return false;
    }
    v_2 = this.limit_backward;
    this.limit_backward = this.I_p1;
    this.ket = this.cursor;
    if (this.find_among_b(a_9) === 0) {
      this.limit_backward = v_2;
      return false;
    }
    this.bra = this.cursor;
    this.limit_backward = v_2;
    this.slice_del();
    return true;
  };
  P.r_t_plural = function () {
    var among_var, v_2, v_3, v_5;
    if (this.cursor < this.I_p1) {
      return false;
    }
    v_2 = this.limit_backward;
    this.limit_backward = this.I_p1;
    this.ket = this.cursor;
    if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "t")) {
      this.limit_backward = v_2;
      return false;
    }
    this.cursor -= 1;
    this.bra = this.cursor;
    v_3 = (this.limit - this.cursor);
    if (!(this.in_grouping_b(g_v))) {
      this.limit_backward = v_2;
      return false;
    }
    this.cursor = (this.limit - v_3);
    this.slice_del();
    this.limit_backward = v_2;
    if (this.cursor < this.I_p2) {
      return false;
    }
    v_5 = this.limit_backward;
    this.limit_backward = this.I_p2;
    this.ket = this.cursor;
    among_var = this.find_among_b(a_10);
    if (among_var === 0) {
      this.limit_backward = v_5;
      return false;
    }
    this.bra = this.cursor;
    this.limit_backward = v_5;
    if (among_var === 1) {
      lab0_1: {
        if (!(this.eq_s_b("po"))) {
          break lab0_1;
        }
        return false;
      }
    }
    this.slice_del();
    return true;
  };
  P.r_tidy = function () {
    var S_x, v_2, v_3, v_4, v_5, v_6, v_7, v_8;
    if (this.cursor < this.I_p1) {
      return false;
    }
    v_2 = this.limit_backward;
    this.limit_backward = this.I_p1;
    v_3 = (this.limit - this.cursor);
    lab0_1: {
      v_4 = (this.limit - this.cursor);
      if (!(this.r_LV())) {
        break lab0_1;
      }
      this.cursor = (this.limit - v_4);
      this.ket = this.cursor;
      if (this.cursor <= this.limit_backward) {
        break lab0_1;
      }
      this.cursor -= 1;
      this.bra = this.cursor;
      this.slice_del();
    }
    this.cursor = (this.limit - v_3);
    v_5 = (this.limit - this.cursor);
    lab0_2: {
      this.ket = this.cursor;
      if (!(this.in_grouping_b(g_AEI))) {
        break lab0_2;
      }
      this.bra = this.cursor;
      if (!(this.in_grouping_b(g_C))) {
        break lab0_2;
      }
      this.slice_del();
    }
    this.cursor = (this.limit - v_5);
    v_6 = (this.limit - this.cursor);
    lab0_3: {
      this.ket = this.cursor;
      if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "j")) {
        break lab0_3;
      }
      this.cursor -= 1;
      this.bra = this.cursor;
      while (true) {
        lab1_4: {
          if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "o")) {
            break lab1_4;
          }
          this.cursor -= 1;
          break;
        }
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "u")) {
          break lab0_3;
        }
        this.cursor -= 1;
        break;
      }
      this.slice_del();
    }
    this.cursor = (this.limit - v_6);
    v_7 = (this.limit - this.cursor);
    lab0_5: {
      this.ket = this.cursor;
      if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "o")) {
        break lab0_5;
      }
      this.cursor -= 1;
      this.bra = this.cursor;
      if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "j")) {
        break lab0_5;
      }
      this.cursor -= 1;
      this.slice_del();
    }
    this.cursor = (this.limit - v_7);
    this.limit_backward = v_2;
    v_8 = (this.limit - this.cursor);
    lab0_6: {
      if (!(this.go_in_grouping_b(g_v))) {
        break lab0_6;
      }
      this.ket = this.cursor;
      if (!(this.in_grouping_b(g_C))) {
        break lab0_6;
      }
      this.bra = this.cursor;
      S_x = this.slice_to();
      if (!(this.eq_s_b(S_x))) {
        break lab0_6;
      }
      this.slice_del();
    }
    this.cursor = (this.limit - v_8);
    this.ket = this.cursor;
    if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "'")) {
      return false;
    }
    this.cursor -= 1;
    this.bra = this.cursor;
    this.slice_del();
    return true;
  };
  P._stem = function () {
    var v_1, v_2, v_3, v_4, v_5, v_6, v_7, v_8;
    v_1 = this.cursor;
    this.r_mark_regions();
    this.cursor = v_1;
    this.B_ending_removed = false;
    this.limit_backward = this.cursor;
    this.cursor = this.limit;
    v_2 = (this.limit - this.cursor);
    this.r_particle_etc();
    this.cursor = (this.limit - v_2);
    v_3 = (this.limit - this.cursor);
    this.r_possessive();
    this.cursor = (this.limit - v_3);
    v_4 = (this.limit - this.cursor);
    this.r_case_ending();
    this.cursor = (this.limit - v_4);
    v_5 = (this.limit - this.cursor);
    this.r_other_endings();
    this.cursor = (this.limit - v_5);
    while (true) {
      lab0_1: {
        if (!(this.B_ending_removed)) {
          break lab0_1;
        }
        v_6 = (this.limit - this.cursor);
        this.r_i_plural();
        this.cursor = (this.limit - v_6);
        break;
      }
      v_7 = (this.limit - this.cursor);
      this.r_t_plural();
      this.cursor = (this.limit - v_7);
      break;
    }
    v_8 = (this.limit - this.cursor);
    this.r_tidy();
    this.cursor = (this.limit - v_8);
    this.cursor = this.limit_backward;
    return true;
  };
  var a_0 = [
    ["pa",-1,1],
    ["sti",-1,2],
    ["kaan",-1,1],
    ["han",-1,1],
    ["kin",-1,1],
    ["hän",-1,1],
    ["kään",-1,1],
    ["ko",-1,1],
    ["pä",-1,1],
    ["kö",-1,1]
  ];
  var a_1 = [
    ["lla",-1,-1],
    ["na",-1,-1],
    ["ssa",-1,-1],
    ["ta",-1,-1],
    ["lta",3,-1],
    ["sta",3,-1]
  ];
  var a_2 = [
    ["llä",-1,-1],
    ["nä",-1,-1],
    ["ssä",-1,-1],
    ["tä",-1,-1],
    ["ltä",3,-1],
    ["stä",3,-1]
  ];
  var a_3 = [
    ["lle",-1,-1],
    ["ine",-1,-1]
  ];
  var a_4 = [
    ["nsa",-1,3],
    ["mme",-1,3],
    ["nne",-1,3],
    ["ni",-1,2],
    ["si",-1,1],
    ["an",-1,4],
    ["en",-1,6],
    ["än",-1,5],
    ["nsä",-1,3]
  ];
  var a_5 = [
    ["aa",-1,-1],
    ["ee",-1,-1],
    ["ii",-1,-1],
    ["oo",-1,-1],
    ["uu",-1,-1],
    ["ää",-1,-1],
    ["öö",-1,-1]
  ];
  var a_6 = [
    ["'",-1,-1],
    ["ai",-1,-1],
    ["ei",-1,-1],
    ["ii",-1,-1],
    ["oi",-1,-1],
    ["ui",-1,-1],
    ["äi",-1,-1],
    ["öi",-1,-1]
  ];
  var a_7 = [
    ["a",-1,2],
    ["lla",0,-1],
    ["na",0,-1],
    ["ssa",0,-1],
    ["ta",0,-1],
    ["lta",4,-1],
    ["sta",4,-1],
    ["tta",4,3],
    ["lle",-1,-1],
    ["ine",-1,-1],
    ["ksi",-1,-1],
    ["n",-1,1],
    ["han",11,-1,P.r_A],
    ["den",11,-1,P.r_VI],
    ["seen",11,-1,P.r_LV],
    ["hen",11,-1,P.r_E],
    ["tten",11,-1,P.r_VI],
    ["hin",11,-1,P.r_I],
    ["siin",11,-1,P.r_VI],
    ["hon",11,-1,P.r_O],
    ["hun",11,-1,P.r_U],
    ["hän",11,-1,P.r_A_],
    ["hön",11,-1,P.r_O_],
    ["ä",-1,2],
    ["llä",23,-1],
    ["nä",23,-1],
    ["ssä",23,-1],
    ["tä",23,-1],
    ["ltä",27,-1],
    ["stä",27,-1],
    ["ttä",27,3]
  ];
  var a_8 = [
    ["eja",-1,-1],
    ["mma",-1,1],
    ["imma",1,-1],
    ["mpa",-1,1],
    ["impa",3,-1],
    ["mmi",-1,1],
    ["immi",5,-1],
    ["mpi",-1,1],
    ["impi",7,-1],
    ["ejä",-1,-1],
    ["mmä",-1,1],
    ["immä",10,-1],
    ["mpä",-1,1],
    ["impä",12,-1]
  ];
  var a_9 = [
    ["i",-1,-1],
    ["j",-1,-1]
  ];
  var a_10 = [
    ["mma",-1,1],
    ["imma",0,-1]
  ];
  return FinnishStemmer;
});
