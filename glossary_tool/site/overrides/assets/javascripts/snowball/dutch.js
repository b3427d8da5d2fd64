/* dutch: translated by tests/words/make_snowball_js.py from snowballstemmer 3.1.1's dutch_stemmer.py,
 * Generated from dutch.sbl by Snowball 3.1.1 - https://snowballstem.org/. Do not edit. BSD-3-Clause: see LICENSE beside this file. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else (root.glossarySnowball = root.glossarySnowball || {})["dutch"] = factory;
})(typeof self !== "undefined" ? self : this, function (base) {
  "use strict";
  function DutchStemmer() {
    base.BaseStemmer.call(this);
    this.B_GE_removed = false;
    this.I_p2 = 0;
    this.I_p1 = 0;
  }
  DutchStemmer.prototype = Object.create(base.BaseStemmer.prototype);
  var P = DutchStemmer.prototype;
  var g_E = new Set("eèéêë");
  var g_AIOU = new Set("aiouàáâäìíîïòóôöùúûü");
  var g_AEIOU = new Set("aeiouàáâäèéêëìíîïòóôöùúûü");
  var g_v = new Set("aeiouyàáâäèéêëìíîïòóôöùúûü");
  var g_v_WX = new Set("aeiouwxyàáâäèéêëìíîïòóôöùúûü");
  var as_6 = ["k", "f", "p"];
  var as_10 = ["e", "i"];
  var as_11 = ["e", "i"];
  P.r_R1 = function () {
    return this.I_p1 <= this.cursor;
  };
  P.r_R2 = function () {
    return this.I_p2 <= this.cursor;
  };
  P.r_V = function () {
    var v_1;
    v_1 = (this.limit - this.cursor);
    while (true) {
      lab0_1: {
        if (!(this.in_grouping_b(g_v))) {
          break lab0_1;
        }
        break;
      }
      if (!(this.eq_s_b("ij"))) {
        return false;
      }
      break;
    }
    this.cursor = (this.limit - v_1);
    return true;
  };
  P.r_VX = function () {
    var v_1;
    v_1 = (this.limit - this.cursor);
    if (this.cursor <= this.limit_backward) {
      return false;
    }
    this.cursor -= 1;
    while (true) {
      lab0_1: {
        if (!(this.in_grouping_b(g_v))) {
          break lab0_1;
        }
        break;
      }
      if (!(this.eq_s_b("ij"))) {
        return false;
      }
      break;
    }
    this.cursor = (this.limit - v_1);
    return true;
  };
  P.r_C = function () {
    var v_1;
    v_1 = (this.limit - this.cursor);
    lab0_1: {
      if (!(this.eq_s_b("ij"))) {
        break lab0_1;
      }
      return false;
    }
    if (!(this.out_grouping_b(g_v))) {
      return false;
    }
    this.cursor = (this.limit - v_1);
    return true;
  };
  P.r_lengthen_V = function () {
    var S_ch, among_var, c, v_1, v_2, v_3, v_4, v_5;
    v_1 = (this.limit - this.cursor);
    lab0_1: {
      if (!(this.out_grouping_b(g_v_WX))) {
        break lab0_1;
      }
      this.ket = this.cursor;
      among_var = this.find_among_b(a_0);
      if (among_var === 0) {
        break lab0_1;
      }
      this.bra = this.cursor;
      if (among_var === 1) {
        v_2 = (this.limit - this.cursor);
        while (true) {
          lab1_2: {
            if (!(this.out_grouping_b(g_AEIOU))) {
              break lab1_2;
            }
            break;
          }
          if (this.cursor > this.limit_backward) {
            break lab0_1;
          }
          break;
        }
        this.cursor = (this.limit - v_2);
        S_ch = this.slice_to();
        c = this.cursor;
        this.insert(this.cursor, this.cursor, S_ch);
        this.cursor = c;
      } else if (among_var === 2) {
        v_3 = (this.limit - this.cursor);
        while (true) {
          lab1_3: {
            if (!(this.out_grouping_b(g_AEIOU))) {
              break lab1_3;
            }
            break;
          }
          if (this.cursor > this.limit_backward) {
            break lab0_1;
          }
          break;
        }
        v_4 = (this.limit - this.cursor);
        lab1_4: {
          while (true) {
            lab2_5: {
              if (!(this.in_grouping_b(g_AIOU))) {
                break lab2_5;
              }
              break;
            }
            if (!(this.in_grouping_b(g_E))) {
              break lab1_4;
            }
            if (this.cursor > this.limit_backward) {
              break lab1_4;
            }
            break;
          }
          break lab0_1;
        }
        this.cursor = (this.limit - v_4);
        v_5 = (this.limit - this.cursor);
        lab1_6: {
          if (this.cursor <= this.limit_backward) {
            break lab1_6;
          }
          this.cursor -= 1;
          if (!(this.in_grouping_b(g_AIOU))) {
            break lab1_6;
          }
          if (!(this.out_grouping_b(g_AEIOU))) {
            break lab1_6;
          }
          break lab0_1;
        }
        this.cursor = (this.limit - v_5);
        this.cursor = (this.limit - v_3);
        S_ch = this.slice_to();
        c = this.cursor;
        this.insert(this.cursor, this.cursor, S_ch);
        this.cursor = c;
      } else if (among_var === 3) {
        this.slice_from("eëe");
      } else {
        this.slice_from("iee");
      }
    }
    this.cursor = (this.limit - v_1);
    return true;
  };
  P.r_Step_1 = function () {
    var among_var, v_1, v_2, v_3, v_4, v_5;
    this.ket = this.cursor;
    among_var = this.find_among_b(a_1);
    if (among_var === 0) {
      return false;
    }
    this.bra = this.cursor;
    if (among_var === 1) {
      this.slice_del();
    } else if (among_var === 2) {
      if (!(this.r_R1())) {
        return false;
      }
      v_1 = (this.limit - this.cursor);
      lab0_1: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "t")) {
          break lab0_1;
        }
        this.cursor -= 1;
        if (!(this.r_R1())) {
          break lab0_1;
        }
        return false;
      }
      this.cursor = (this.limit - v_1);
      if (!(this.r_C())) {
        return false;
      }
      this.slice_del();
    } else if (among_var === 3) {
      if (!(this.r_R1())) {
        return false;
      }
      this.slice_from("ie");
    } else if (among_var === 4) {
      while (true) {
        v_2 = (this.limit - this.cursor);
        lab0_2: {
          v_3 = (this.limit - this.cursor);
          if (!(this.eq_s_b("ar"))) {
            break lab0_2;
          }
          if (!(this.r_R1())) {
            break lab0_2;
          }
          if (!(this.r_C())) {
            break lab0_2;
          }
          this.cursor = (this.limit - v_3);
          this.slice_del();
          this.r_lengthen_V();
          break;
        }
        this.cursor = (this.limit - v_2);
        lab0_3: {
          v_4 = (this.limit - this.cursor);
          if (!(this.eq_s_b("er"))) {
            break lab0_3;
          }
          if (!(this.r_R1())) {
            break lab0_3;
          }
          if (!(this.r_C())) {
            break lab0_3;
          }
          this.cursor = (this.limit - v_4);
          this.slice_del();
          break;
        }
        this.cursor = (this.limit - v_2);
        if (!(this.r_R1())) {
          return false;
        }
        if (!(this.r_C())) {
          return false;
        }
        this.slice_from("e");
        break;
      }
    } else if (among_var === 5) {
      if (!(this.r_R1())) {
        return false;
      }
      this.slice_from("é");
    } else if (among_var === 6) {
      if (!(this.r_R1())) {
        return false;
      }
      if (!(this.r_V())) {
        return false;
      }
      this.slice_from("au");
    } else if (among_var === 7) {
      while (true) {
        v_5 = (this.limit - this.cursor);
        lab0_4: {
          if (!(this.eq_s_b("hed"))) {
            break lab0_4;
          }
          if (!(this.r_R1())) {
            break lab0_4;
          }
          this.bra = this.cursor;
          this.slice_from("heid");
          break;
        }
        this.cursor = (this.limit - v_5);
        lab0_5: {
          if (!(this.eq_s_b("nd"))) {
            break lab0_5;
          }
          this.slice_del();
          break;
        }
        this.cursor = (this.limit - v_5);
        lab0_6: {
          if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "d")) {
            break lab0_6;
          }
          this.cursor -= 1;
          if (!(this.r_R1())) {
            break lab0_6;
          }
          if (!(this.r_C())) {
            break lab0_6;
          }
          this.bra = this.cursor;
          this.slice_del();
          break;
        }
        this.cursor = (this.limit - v_5);
        lab0_7: {
          while (true) {
            lab1_8: {
              if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "i")) {
                break lab1_8;
              }
              this.cursor -= 1;
              break;
            }
            if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "j")) {
              break lab0_7;
            }
            this.cursor -= 1;
            break;
          }
          if (!(this.r_V())) {
            break lab0_7;
          }
          this.slice_del();
          break;
        }
        this.cursor = (this.limit - v_5);
        if (!(this.r_R1())) {
          return false;
        }
        if (!(this.r_C())) {
          return false;
        }
        this.slice_del();
        this.r_lengthen_V();
        break;
      }
    } else {
      this.slice_from("nd");
    }
    return true;
  };
  P.r_Step_2 = function () {
    var among_var, v_1;
    this.ket = this.cursor;
    among_var = this.find_among_b(a_2);
    if (among_var === 0) {
      return false;
    }
    this.bra = this.cursor;
    if (among_var === 1) {
      while (true) {
        v_1 = (this.limit - this.cursor);
        lab0_1: {
          if (!(this.eq_s_b("'t"))) {
            break lab0_1;
          }
          this.bra = this.cursor;
          this.slice_del();
          break;
        }
        this.cursor = (this.limit - v_1);
        lab0_2: {
          if (!(this.eq_s_b("et"))) {
            break lab0_2;
          }
          this.bra = this.cursor;
          if (!(this.r_R1())) {
            break lab0_2;
          }
          if (!(this.r_C())) {
            break lab0_2;
          }
          this.slice_del();
          break;
        }
        this.cursor = (this.limit - v_1);
        lab0_3: {
          if (!(this.eq_s_b("rnt"))) {
            break lab0_3;
          }
          this.bra = this.cursor;
          this.slice_from("rn");
          break;
        }
        this.cursor = (this.limit - v_1);
        lab0_4: {
          if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "t")) {
            break lab0_4;
          }
          this.cursor -= 1;
          this.bra = this.cursor;
          if (!(this.r_R1())) {
            break lab0_4;
          }
          if (!(this.r_VX())) {
            break lab0_4;
          }
          this.slice_del();
          break;
        }
        this.cursor = (this.limit - v_1);
        lab0_5: {
          if (!(this.eq_s_b("ink"))) {
            break lab0_5;
          }
          this.bra = this.cursor;
          this.slice_from("ing");
          break;
        }
        this.cursor = (this.limit - v_1);
        lab0_6: {
          if (!(this.eq_s_b("mp"))) {
            break lab0_6;
          }
          this.bra = this.cursor;
          this.slice_from("m");
          break;
        }
        this.cursor = (this.limit - v_1);
        lab0_7: {
          if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "'")) {
            break lab0_7;
          }
          this.cursor -= 1;
          this.bra = this.cursor;
          if (!(this.r_R1())) {
            break lab0_7;
          }
          this.slice_del();
          break;
        }
        this.cursor = (this.limit - v_1);
        this.bra = this.cursor;
        if (!(this.r_R1())) {
          return false;
        }
        if (!(this.r_C())) {
          return false;
        }
        this.slice_del();
        break;
      }
    } else if (among_var === 2) {
      if (!(this.r_R1())) {
        return false;
      }
      this.slice_from("g");
    } else if (among_var === 3) {
      if (!(this.r_R1())) {
        return false;
      }
      this.slice_from("lijk");
    } else if (among_var === 4) {
      if (!(this.r_R1())) {
        return false;
      }
      this.slice_from("isch");
    } else if (among_var === 5) {
      if (!(this.r_R1())) {
        return false;
      }
      if (!(this.r_C())) {
        return false;
      }
      this.slice_del();
    } else if (among_var === 6) {
      if (!(this.r_R1())) {
        return false;
      }
      this.slice_from("t");
    } else if (among_var === 7) {
      if (!(this.r_R1())) {
        return false;
      }
      this.slice_from("s");
    } else if (among_var === 8) {
      if (!(this.r_R1())) {
        return false;
      }
      this.slice_from("r");
    } else if (among_var === 9) {
      if (!(this.r_R1())) {
        return false;
      }
      this.slice_del();
      this.insert(this.cursor, this.cursor, "l");
      this.r_lengthen_V();
    } else if (among_var === 10) {
      if (!(this.r_R1())) {
        return false;
      }
      if (!(this.r_C())) {
        return false;
      }
      this.slice_del();
      this.insert(this.cursor, this.cursor, "en");
      this.r_lengthen_V();
    } else {
      if (!(this.r_R1())) {
        return false;
      }
      if (!(this.r_C())) {
        return false;
      }
      this.slice_from("ief");
    }
    return true;
  };
  P.r_Step_3 = function () {
    var among_var, v_1;
    this.ket = this.cursor;
    among_var = this.find_among_b(a_3);
    if (among_var === 0) {
      return false;
    }
    this.bra = this.cursor;
    if (among_var === 1) {
      if (!(this.r_R1())) {
        return false;
      }
      this.slice_from("eer");
    } else if (among_var === 2) {
      if (!(this.r_R1())) {
        return false;
      }
      this.slice_del();
      this.r_lengthen_V();
    } else if (among_var === 3) {
      if (!(this.r_R1())) {
        return false;
      }
      this.slice_del();
    } else if (among_var === 4) {
      this.slice_from("r");
    } else if (among_var === 5) {
      while (true) {
        v_1 = (this.limit - this.cursor);
        lab0_1: {
          if (!(this.eq_s_b("ild"))) {
            break lab0_1;
          }
          this.slice_from("er");
          break;
        }
        this.cursor = (this.limit - v_1);
        if (!(this.r_R1())) {
          return false;
        }
        this.slice_del();
        this.r_lengthen_V();
        break;
      }
    } else if (among_var === 6) {
      if (!(this.r_R1())) {
        return false;
      }
      if (!(this.r_C())) {
        return false;
      }
      this.slice_from("aar");
    } else if (among_var === 7) {
      if (!(this.r_R2())) {
        return false;
      }
      this.slice_del();
      this.insert(this.cursor, this.cursor, "f");
      this.r_lengthen_V();
    } else if (among_var === 8) {
      if (!(this.r_R2())) {
        return false;
      }
      this.slice_del();
      this.insert(this.cursor, this.cursor, "g");
      this.r_lengthen_V();
    } else if (among_var === 9) {
      if (!(this.r_R1())) {
        return false;
      }
      if (!(this.r_C())) {
        return false;
      }
      this.slice_from("t");
    } else {
      if (!(this.r_R1())) {
        return false;
      }
      if (!(this.r_C())) {
        return false;
      }
      this.slice_from("d");
    }
    return true;
  };
  P.r_Step_4 = function () {
    var among_var, v_1, v_2;
    while (true) {
      v_1 = (this.limit - this.cursor);
      lab0_1: {
        this.ket = this.cursor;
        among_var = this.find_among_b(a_4);
        if (among_var === 0) {
          break lab0_1;
        }
        this.bra = this.cursor;
        if (among_var === 1) {
          if (!(this.r_R1())) {
            break lab0_1;
          }
          this.slice_from("ie");
        } else if (among_var === 2) {
          if (!(this.r_R1())) {
            break lab0_1;
          }
          this.slice_from("eer");
        } else if (among_var === 3) {
          if (!(this.r_R1())) {
            break lab0_1;
          }
          this.slice_del();
        } else if (among_var === 4) {
          if (!(this.r_R1())) {
            break lab0_1;
          }
          if (!(this.r_V())) {
            break lab0_1;
          }
          this.slice_from("n");
        } else if (among_var === 5) {
          if (!(this.r_R1())) {
            break lab0_1;
          }
          if (!(this.r_V())) {
            break lab0_1;
          }
          this.slice_from("l");
        } else if (among_var === 6) {
          if (!(this.r_R1())) {
            break lab0_1;
          }
          if (!(this.r_V())) {
            break lab0_1;
          }
          this.slice_from("r");
        } else if (among_var === 7) {
          if (!(this.r_R1())) {
            break lab0_1;
          }
          this.slice_from("teer");
        } else if (among_var === 8) {
          if (!(this.r_R1())) {
            break lab0_1;
          }
          this.slice_from("lijk");
        } else {
          if (!(this.r_R1())) {
            break lab0_1;
          }
          if (!(this.r_C())) {
            break lab0_1;
          }
          this.slice_del();
          this.r_lengthen_V();
        }
        break;
      }
      this.cursor = (this.limit - v_1);
      this.ket = this.cursor;
      if (this.find_among_b(a_5) === 0) {
        return false;
      }
      this.bra = this.cursor;
      if (!(this.r_R1())) {
        return false;
      }
      v_2 = (this.limit - this.cursor);
      lab0_2: {
        if (!(this.eq_s_b("inn"))) {
          break lab0_2;
        }
        if (this.cursor > this.limit_backward) {
          break lab0_2;
        }
        return false;
      }
      this.cursor = (this.limit - v_2);
      if (!(this.r_C())) {
        return false;
      }
      this.slice_del();
      this.r_lengthen_V();
      break;
    }
    return true;
  };
  P.r_Step_7 = function () {
    var among_var;
    this.ket = this.cursor;
    among_var = this.find_among_b(a_6);
    if (among_var === 0) {
      return false;
    }
    this.bra = this.cursor;
    this.slice_from(as_6[(among_var - 1)]);
    return true;
  };
  P.r_Step_6 = function () {
    var among_var, v_1;
    this.ket = this.cursor;
    among_var = this.find_among_b(a_7);
    if (among_var === 0) {
      return false;
    }
    this.bra = this.cursor;
    if (among_var === 1) {
      this.slice_from("b");
    } else if (among_var === 2) {
      this.slice_from("c");
    } else if (among_var === 3) {
      this.slice_from("d");
    } else if (among_var === 4) {
      this.slice_from("f");
    } else if (among_var === 5) {
      this.slice_from("g");
    } else if (among_var === 6) {
      this.slice_from("h");
    } else if (among_var === 7) {
      this.slice_from("j");
    } else if (among_var === 8) {
      this.slice_from("k");
    } else if (among_var === 9) {
      this.slice_from("l");
    } else if (among_var === 10) {
      this.slice_from("m");
    } else if (among_var === 11) {
      v_1 = (this.limit - this.cursor);
      lab0_1: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "i")) {
          break lab0_1;
        }
        this.cursor -= 1;
        if (this.cursor > this.limit_backward) {
          break lab0_1;
        }
        return false;
      }
      this.cursor = (this.limit - v_1);
      this.slice_from("n");
    } else if (among_var === 12) {
      this.slice_from("p");
    } else if (among_var === 13) {
      this.slice_from("q");
    } else if (among_var === 14) {
      this.slice_from("r");
    } else if (among_var === 15) {
      this.slice_from("s");
    } else if (among_var === 16) {
      this.slice_from("t");
    } else if (among_var === 17) {
      this.slice_from("v");
    } else if (among_var === 18) {
      this.slice_from("w");
    } else if (among_var === 19) {
      this.slice_from("x");
    } else {
      this.slice_from("z");
    }
    return true;
  };
  P.r_Step_1c = function () {
    var among_var, v_1, v_2, v_3, v_4;
    this.ket = this.cursor;
    among_var = this.find_among_b(a_8);
    if (among_var === 0) {
      return false;
    }
    this.bra = this.cursor;
    if (!(this.r_R1())) {
      return false;
    }
    if (!(this.r_C())) {
      return false;
    }
    if (among_var === 1) {
      v_1 = (this.limit - this.cursor);
      lab0_1: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "n")) {
          break lab0_1;
        }
        this.cursor -= 1;
        if (!(this.r_R1())) {
          break lab0_1;
        }
        return false;
      }
      this.cursor = (this.limit - v_1);
      while (true) {
        v_2 = (this.limit - this.cursor);
        lab0_2: {
          if (!(this.eq_s_b("in"))) {
            break lab0_2;
          }
          if (this.cursor > this.limit_backward) {
            break lab0_2;
          }
          this.slice_from("n");
          break;
        }
        this.cursor = (this.limit - v_2);
        this.slice_del();
        break;
      }
    } else {
      v_3 = (this.limit - this.cursor);
      lab0_3: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "h")) {
          break lab0_3;
        }
        this.cursor -= 1;
        if (!(this.r_R1())) {
          break lab0_3;
        }
        return false;
      }
      this.cursor = (this.limit - v_3);
      v_4 = (this.limit - this.cursor);
      lab0_4: {
        if (!(this.eq_s_b("en"))) {
          break lab0_4;
        }
        if (this.cursor > this.limit_backward) {
          break lab0_4;
        }
        return false;
      }
      this.cursor = (this.limit - v_4);
      this.slice_del();
    }
    return true;
  };
  P.r_Lose_prefix = function () {
    var among_var, v_1, v_2, v_3, v_4, v_5;
    this.bra = this.cursor;
    if (!(this.eq_s("ge"))) {
      return false;
    }
    this.ket = this.cursor;
    v_1 = this.cursor;
    if ((this.cursor + 3) > this.limit) {
      return false;
    }
    this.cursor += 3;
    this.cursor = v_1;
    v_2 = this.cursor;
    while (true) {
      v_3 = this.cursor;
      lab0_1: {
        while (true) {
          lab1_2: {
            if (!(this.eq_s("ij"))) {
              break lab1_2;
            }
            break;
          }
          if (!(this.in_grouping(g_v))) {
            break lab0_1;
          }
          break;
        }
        break;
      }
      this.cursor = v_3;
      if (this.cursor >= this.limit) {
        return false;
      }
      this.cursor += 1;
    }
    while (true) {
      v_4 = this.cursor;
      lab0_3: {
        while (true) {
          lab1_4: {
            if (!(this.eq_s("ij"))) {
              break lab1_4;
            }
            break;
          }
          if (!(this.in_grouping(g_v))) {
            break lab0_3;
          }
          break;
        }
        continue;
      }
      this.cursor = v_4;
      break;
    }
    if (this.cursor >= this.limit) {
      return false;
    }
    this.cursor = v_2;
    among_var = this.find_among(a_9);
    if (among_var === 1) {
      return false;
    }
    this.B_GE_removed = true;
    this.slice_del();
    v_5 = this.cursor;
    lab0_5: {
      this.bra = this.cursor;
      among_var = this.find_among(a_10);
      if (among_var === 0) {
        break lab0_5;
      }
      this.ket = this.cursor;
      this.slice_from(as_10[(among_var - 1)]);
    }
    this.cursor = v_5;
    return true;
  };
  P.r_Lose_infix = function () {
    var among_var, v_1, v_2, v_3, v_4, v_5;
    if (this.cursor >= this.limit) {
      return false;
    }
    this.cursor += 1;
    while (true) {
      lab0_1: {
        this.bra = this.cursor;
        if (!(this.eq_s("ge"))) {
          break lab0_1;
        }
        this.ket = this.cursor;
        break;
      }
      if (this.cursor >= this.limit) {
        return false;
      }
      this.cursor += 1;
    }
    v_1 = this.cursor;
    if ((this.cursor + 3) > this.limit) {
      return false;
    }
    this.cursor += 3;
    this.cursor = v_1;
    v_2 = this.cursor;
    while (true) {
      v_3 = this.cursor;
      lab0_2: {
        while (true) {
          lab1_3: {
            if (!(this.eq_s("ij"))) {
              break lab1_3;
            }
            break;
          }
          if (!(this.in_grouping(g_v))) {
            break lab0_2;
          }
          break;
        }
        break;
      }
      this.cursor = v_3;
      if (this.cursor >= this.limit) {
        return false;
      }
      this.cursor += 1;
    }
    while (true) {
      v_4 = this.cursor;
      lab0_4: {
        while (true) {
          lab1_5: {
            if (!(this.eq_s("ij"))) {
              break lab1_5;
            }
            break;
          }
          if (!(this.in_grouping(g_v))) {
            break lab0_4;
          }
          break;
        }
        continue;
      }
      this.cursor = v_4;
      break;
    }
    if (this.cursor >= this.limit) {
      return false;
    }
    this.cursor = v_2;
    this.B_GE_removed = true;
    this.slice_del();
    v_5 = this.cursor;
    lab0_6: {
      this.bra = this.cursor;
      among_var = this.find_among(a_11);
      if (among_var === 0) {
        break lab0_6;
      }
      this.ket = this.cursor;
      this.slice_from(as_11[(among_var - 1)]);
    }
    this.cursor = v_5;
    return true;
  };
  P.r_measure = function () {
    var v_1, v_2, v_3, v_4, v_5;
    this.I_p1 = this.limit;
    this.I_p2 = this.limit;
    v_1 = this.cursor;
    lab0_1: {
      while (true) {
        lab1_2: {
          if (!(this.out_grouping(g_v))) {
            break lab1_2;
          }
          continue;
        }
        break;
      }
      v_2 = 1;
      while (true) {
        v_3 = this.cursor;
        lab1_3: {
          while (true) {
            lab2_4: {
              if (!(this.eq_s("ij"))) {
                break lab2_4;
              }
              break;
            }
            if (!(this.in_grouping(g_v))) {
              break lab1_3;
            }
            break;
          }
          v_2 -= 1;
          continue;
        }
        this.cursor = v_3;
        break;
      }
      if (v_2 > 0) {
        break lab0_1;
      }
      if (!(this.out_grouping(g_v))) {
        break lab0_1;
      }
      this.I_p1 = this.cursor;
      while (true) {
        lab1_5: {
          if (!(this.out_grouping(g_v))) {
            break lab1_5;
          }
          continue;
        }
        break;
      }
      v_4 = 1;
      while (true) {
        v_5 = this.cursor;
        lab1_6: {
          while (true) {
            lab2_7: {
              if (!(this.eq_s("ij"))) {
                break lab2_7;
              }
              break;
            }
            if (!(this.in_grouping(g_v))) {
              break lab1_6;
            }
            break;
          }
          v_4 -= 1;
          continue;
        }
        this.cursor = v_5;
        break;
      }
      if (v_4 > 0) {
        break lab0_1;
      }
      if (!(this.out_grouping(g_v))) {
        break lab0_1;
      }
      this.I_p2 = this.cursor;
    }
    this.cursor = v_1;
    return true;
  };
  P._stem = function () {
    var B_stemmed, v_1, v_10, v_11, v_12, v_2, v_3, v_4, v_5, v_6, v_7, v_8, v_9;
    B_stemmed = false;
    this.r_measure();
    this.limit_backward = this.cursor;
    this.cursor = this.limit;
    v_1 = (this.limit - this.cursor);
    lab0_1: {
      if (!(this.r_Step_1())) {
        break lab0_1;
      }
      B_stemmed = true;
    }
    this.cursor = (this.limit - v_1);
    v_2 = (this.limit - this.cursor);
    lab0_2: {
      if (!(this.r_Step_2())) {
        break lab0_2;
      }
      B_stemmed = true;
    }
    this.cursor = (this.limit - v_2);
    v_3 = (this.limit - this.cursor);
    lab0_3: {
      if (!(this.r_Step_3())) {
        break lab0_3;
      }
      B_stemmed = true;
    }
    this.cursor = (this.limit - v_3);
    v_4 = (this.limit - this.cursor);
    lab0_4: {
      if (!(this.r_Step_4())) {
        break lab0_4;
      }
      B_stemmed = true;
    }
    this.cursor = (this.limit - v_4);
    this.cursor = this.limit_backward;
    this.B_GE_removed = false;
    v_5 = this.cursor;
    lab0_5: {
      v_6 = this.cursor;
      if (!(this.r_Lose_prefix())) {
        break lab0_5;
      }
      this.cursor = v_6;
      this.r_measure();
    }
    this.cursor = v_5;
    this.limit_backward = this.cursor;
    this.cursor = this.limit;
    v_7 = (this.limit - this.cursor);
    lab0_6: {
      if (!(this.B_GE_removed)) {
        break lab0_6;
      }
      B_stemmed = true;
      if (!(this.r_Step_1c())) {
        break lab0_6;
      }
    }
    this.cursor = (this.limit - v_7);
    this.cursor = this.limit_backward;
    this.B_GE_removed = false;
    v_8 = this.cursor;
    lab0_7: {
      v_9 = this.cursor;
      if (!(this.r_Lose_infix())) {
        break lab0_7;
      }
      this.cursor = v_9;
      this.r_measure();
    }
    this.cursor = v_8;
    this.limit_backward = this.cursor;
    this.cursor = this.limit;
    v_10 = (this.limit - this.cursor);
    lab0_8: {
      if (!(this.B_GE_removed)) {
        break lab0_8;
      }
      B_stemmed = true;
      if (!(this.r_Step_1c())) {
        break lab0_8;
      }
    }
    this.cursor = (this.limit - v_10);
    this.cursor = this.limit_backward;
    this.limit_backward = this.cursor;
    this.cursor = this.limit;
    v_11 = (this.limit - this.cursor);
    lab0_9: {
      if (!(this.r_Step_7())) {
        break lab0_9;
      }
      B_stemmed = true;
    }
    this.cursor = (this.limit - v_11);
    v_12 = (this.limit - this.cursor);
    lab0_10: {
      if (!(B_stemmed)) {
        break lab0_10;
      }
      if (!(this.r_Step_6())) {
        break lab0_10;
      }
    }
    this.cursor = (this.limit - v_12);
    this.cursor = this.limit_backward;
    return true;
  };
  var a_0 = [
    ["a",-1,1],
    ["e",-1,2],
    ["o",-1,1],
    ["u",-1,1],
    ["à",-1,1],
    ["á",-1,1],
    ["â",-1,1],
    ["ä",-1,1],
    ["è",-1,2],
    ["é",-1,2],
    ["ê",-1,2],
    ["eë",-1,3],
    ["ië",-1,4],
    ["ò",-1,1],
    ["ó",-1,1],
    ["ô",-1,1],
    ["ö",-1,1],
    ["ù",-1,1],
    ["ú",-1,1],
    ["û",-1,1],
    ["ü",-1,1]
  ];
  var a_1 = [
    ["nde",-1,8],
    ["en",-1,7],
    ["s",-1,2],
    ["'s",2,1],
    ["es",2,4],
    ["ies",4,3],
    ["aus",2,6],
    ["és",2,5]
  ];
  var a_2 = [
    ["de",-1,5],
    ["ge",-1,2],
    ["ische",-1,4],
    ["je",-1,1],
    ["lijke",-1,3],
    ["le",-1,9],
    ["ene",-1,10],
    ["re",-1,8],
    ["se",-1,7],
    ["te",-1,6],
    ["ieve",-1,11]
  ];
  var a_3 = [
    ["heid",-1,3],
    ["fie",-1,7],
    ["gie",-1,8],
    ["atie",-1,1],
    ["isme",-1,5],
    ["ing",-1,5],
    ["arij",-1,6],
    ["erij",-1,5],
    ["sel",-1,3],
    ["rder",-1,4],
    ["ster",-1,3],
    ["iteit",-1,2],
    ["dst",-1,10],
    ["tst",-1,9]
  ];
  var a_4 = [
    ["end",-1,9],
    ["atief",-1,2],
    ["erig",-1,9],
    ["achtig",-1,3],
    ["ioneel",-1,1],
    ["baar",-1,3],
    ["laar",-1,5],
    ["naar",-1,4],
    ["raar",-1,6],
    ["eriger",-1,9],
    ["achtiger",-1,3],
    ["lijker",-1,8],
    ["tant",-1,7],
    ["erigst",-1,9],
    ["achtigst",-1,3],
    ["lijkst",-1,8]
  ];
  var a_5 = [
    ["ig",-1,1],
    ["iger",-1,1],
    ["igst",-1,1]
  ];
  var a_6 = [
    ["ft",-1,2],
    ["kt",-1,1],
    ["pt",-1,3]
  ];
  var a_7 = [
    ["bb",-1,1],
    ["cc",-1,2],
    ["dd",-1,3],
    ["ff",-1,4],
    ["gg",-1,5],
    ["hh",-1,6],
    ["jj",-1,7],
    ["kk",-1,8],
    ["ll",-1,9],
    ["mm",-1,10],
    ["nn",-1,11],
    ["pp",-1,12],
    ["qq",-1,13],
    ["rr",-1,14],
    ["ss",-1,15],
    ["tt",-1,16],
    ["v",-1,4],
    ["vv",16,17],
    ["ww",-1,18],
    ["xx",-1,19],
    ["z",-1,15],
    ["zz",20,20]
  ];
  var a_8 = [
    ["d",-1,1],
    ["t",-1,2]
  ];
  var a_9 = [
    ["",-1,-1],
    ["eft",0,1],
    ["vaa",0,1],
    ["val",0,1],
    ["vali",3,-1],
    ["vare",0,1]
  ];
  var a_10 = [
    ["ë",-1,1],
    ["ï",-1,2]
  ];
  var a_11 = [
    ["ë",-1,1],
    ["ï",-1,2]
  ];
  return DutchStemmer;
});
