/* turkish: translated by tests/words/make_snowball_js.py from snowballstemmer 3.1.1's turkish_stemmer.py,
 * Generated from turkish.sbl by Snowball 3.1.1 - https://snowballstem.org/. Do not edit. BSD-3-Clause: see LICENSE beside this file. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else (root.glossarySnowball = root.glossarySnowball || {})["turkish"] = factory;
})(typeof self !== "undefined" ? self : this, function (base) {
  "use strict";
  function TurkishStemmer() {
    base.BaseStemmer.call(this);
    this.B_continue_stemming_noun_suffixes = false;
  }
  TurkishStemmer.prototype = Object.create(base.BaseStemmer.prototype);
  var P = TurkishStemmer.prototype;
  var g_vowel = new Set("aeiouöüı");
  var g_U = new Set("iuüı");
  var g_vowel1 = new Set("aouı");
  var g_vowel2 = new Set("eiöü");
  var g_vowel3 = new Set("aı");
  var g_vowel4 = new Set("ei");
  var g_vowel5 = new Set("ou");
  var g_vowel6 = new Set("öü");
  var as_23 = ["p", "ç", "t", "k"];
  P.r_check_vowel_harmony = function () {
    var v_1, v_2;
    v_1 = (this.limit - this.cursor);
    if (!(this.go_out_grouping_b(g_vowel))) {
      return false;
    }
    while (true) {
      v_2 = (this.limit - this.cursor);
      lab0_1: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "a")) {
          break lab0_1;
        }
        this.cursor -= 1;
        if (!(this.go_out_grouping_b(g_vowel1))) {
          break lab0_1;
        }
        break;
      }
      this.cursor = (this.limit - v_2);
      lab0_2: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "e")) {
          break lab0_2;
        }
        this.cursor -= 1;
        if (!(this.go_out_grouping_b(g_vowel2))) {
          break lab0_2;
        }
        break;
      }
      this.cursor = (this.limit - v_2);
      lab0_3: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "ı")) {
          break lab0_3;
        }
        this.cursor -= 1;
        if (!(this.go_out_grouping_b(g_vowel3))) {
          break lab0_3;
        }
        break;
      }
      this.cursor = (this.limit - v_2);
      lab0_4: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "i")) {
          break lab0_4;
        }
        this.cursor -= 1;
        if (!(this.go_out_grouping_b(g_vowel4))) {
          break lab0_4;
        }
        break;
      }
      this.cursor = (this.limit - v_2);
      lab0_5: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "o")) {
          break lab0_5;
        }
        this.cursor -= 1;
        if (!(this.go_out_grouping_b(g_vowel5))) {
          break lab0_5;
        }
        break;
      }
      this.cursor = (this.limit - v_2);
      lab0_6: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "ö")) {
          break lab0_6;
        }
        this.cursor -= 1;
        if (!(this.go_out_grouping_b(g_vowel6))) {
          break lab0_6;
        }
        break;
      }
      this.cursor = (this.limit - v_2);
      lab0_7: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "u")) {
          break lab0_7;
        }
        this.cursor -= 1;
        if (!(this.go_out_grouping_b(g_vowel5))) {
          break lab0_7;
        }
        break;
      }
      this.cursor = (this.limit - v_2);
      if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "ü")) {
        return false;
      }
      this.cursor -= 1;
      if (!(this.go_out_grouping_b(g_vowel6))) {
        return false;
      }
      break;
    }
    this.cursor = (this.limit - v_1);
    return true;
  };
  P.r_mark_suffix_with_optional_n_consonant = function () {
    var v_1, v_2, v_3;
    while (true) {
      v_1 = (this.limit - this.cursor);
      lab0_1: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "n")) {
          break lab0_1;
        }
        this.cursor -= 1;
        v_2 = (this.limit - this.cursor);
        if (!(this.in_grouping_b(g_vowel))) {
          break lab0_1;
        }
        this.cursor = (this.limit - v_2);
        break;
      }
      this.cursor = (this.limit - v_1);
      lab0_2: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "n")) {
          break lab0_2;
        }
        this.cursor -= 1;
        return false;
      }
      v_3 = (this.limit - this.cursor);
      if (this.cursor <= this.limit_backward) {
        return false;
      }
      this.cursor -= 1;
      if (!(this.in_grouping_b(g_vowel))) {
        return false;
      }
      this.cursor = (this.limit - v_3);
      break;
    }
    return true;
  };
  P.r_mark_suffix_with_optional_s_consonant = function () {
    var v_1, v_2, v_3;
    while (true) {
      v_1 = (this.limit - this.cursor);
      lab0_1: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "s")) {
          break lab0_1;
        }
        this.cursor -= 1;
        v_2 = (this.limit - this.cursor);
        if (!(this.in_grouping_b(g_vowel))) {
          break lab0_1;
        }
        this.cursor = (this.limit - v_2);
        break;
      }
      this.cursor = (this.limit - v_1);
      lab0_2: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "s")) {
          break lab0_2;
        }
        this.cursor -= 1;
        return false;
      }
      v_3 = (this.limit - this.cursor);
      if (this.cursor <= this.limit_backward) {
        return false;
      }
      this.cursor -= 1;
      if (!(this.in_grouping_b(g_vowel))) {
        return false;
      }
      this.cursor = (this.limit - v_3);
      break;
    }
    return true;
  };
  P.r_mark_suffix_with_optional_y_consonant = function () {
    var v_1, v_2, v_3;
    while (true) {
      v_1 = (this.limit - this.cursor);
      lab0_1: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "y")) {
          break lab0_1;
        }
        this.cursor -= 1;
        v_2 = (this.limit - this.cursor);
        if (!(this.in_grouping_b(g_vowel))) {
          break lab0_1;
        }
        this.cursor = (this.limit - v_2);
        break;
      }
      this.cursor = (this.limit - v_1);
      lab0_2: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "y")) {
          break lab0_2;
        }
        this.cursor -= 1;
        return false;
      }
      v_3 = (this.limit - this.cursor);
      if (this.cursor <= this.limit_backward) {
        return false;
      }
      this.cursor -= 1;
      if (!(this.in_grouping_b(g_vowel))) {
        return false;
      }
      this.cursor = (this.limit - v_3);
      break;
    }
    return true;
  };
  P.r_mark_suffix_with_optional_U_vowel = function () {
    var v_1, v_2, v_3;
    while (true) {
      v_1 = (this.limit - this.cursor);
      lab0_1: {
        if (!(this.in_grouping_b(g_U))) {
          break lab0_1;
        }
        v_2 = (this.limit - this.cursor);
        if (!(this.out_grouping_b(g_vowel))) {
          break lab0_1;
        }
        this.cursor = (this.limit - v_2);
        break;
      }
      this.cursor = (this.limit - v_1);
      lab0_2: {
        if (!(this.in_grouping_b(g_U))) {
          break lab0_2;
        }
        return false;
      }
      v_3 = (this.limit - this.cursor);
      if (this.cursor <= this.limit_backward) {
        return false;
      }
      this.cursor -= 1;
      if (!(this.out_grouping_b(g_vowel))) {
        return false;
      }
      this.cursor = (this.limit - v_3);
      break;
    }
    return true;
  };
  P.r_mark_possessives = function () {
    if (this.find_among_b(a_0) === 0) {
      return false;
    }
    return this.r_mark_suffix_with_optional_U_vowel();
  };
  P.r_mark_sU = function () {
    if (!(this.r_check_vowel_harmony())) {
      return false;
    }
    if (!(this.in_grouping_b(g_U))) {
      return false;
    }
    return this.r_mark_suffix_with_optional_s_consonant();
  };
  P.r_mark_lArI = function () {
    return this.find_among_b(a_1) !== 0;
  };
  P.r_mark_yU = function () {
    if (!(this.r_check_vowel_harmony())) {
      return false;
    }
    if (!(this.in_grouping_b(g_U))) {
      return false;
    }
    return this.r_mark_suffix_with_optional_y_consonant();
  };
  P.r_mark_nU = function () {
    if (!(this.r_check_vowel_harmony())) {
      return false;
    }
    return this.find_among_b(a_2) !== 0;
  };
  P.r_mark_nUn = function () {
    if (!(this.r_check_vowel_harmony())) {
      return false;
    }
    if (this.find_among_b(a_3) === 0) {
      return false;
    }
    return this.r_mark_suffix_with_optional_n_consonant();
  };
  P.r_mark_yA = function () {
    if (!(this.r_check_vowel_harmony())) {
      return false;
    }
    if (this.find_among_b(a_4) === 0) {
      return false;
    }
    return this.r_mark_suffix_with_optional_y_consonant();
  };
  P.r_mark_nA = function () {
    if (!(this.r_check_vowel_harmony())) {
      return false;
    }
    return this.find_among_b(a_5) !== 0;
  };
  P.r_mark_DA = function () {
    if (!(this.r_check_vowel_harmony())) {
      return false;
    }
    return this.find_among_b(a_6) !== 0;
  };
  P.r_mark_ndA = function () {
    if (!(this.r_check_vowel_harmony())) {
      return false;
    }
    return this.find_among_b(a_7) !== 0;
  };
  P.r_mark_DAn = function () {
    if (!(this.r_check_vowel_harmony())) {
      return false;
    }
    return this.find_among_b(a_8) !== 0;
  };
  P.r_mark_ndAn = function () {
    if (!(this.r_check_vowel_harmony())) {
      return false;
    }
    return this.find_among_b(a_9) !== 0;
  };
  P.r_mark_ylA = function () {
    if (!(this.r_check_vowel_harmony())) {
      return false;
    }
    if (this.find_among_b(a_10) === 0) {
      return false;
    }
    return this.r_mark_suffix_with_optional_y_consonant();
  };
  P.r_mark_ncA = function () {
    if (!(this.r_check_vowel_harmony())) {
      return false;
    }
    if (this.find_among_b(a_11) === 0) {
      return false;
    }
    return this.r_mark_suffix_with_optional_n_consonant();
  };
  P.r_mark_yUm = function () {
    if (!(this.r_check_vowel_harmony())) {
      return false;
    }
    if (this.find_among_b(a_12) === 0) {
      return false;
    }
    return this.r_mark_suffix_with_optional_y_consonant();
  };
  P.r_mark_sUn = function () {
    if (!(this.r_check_vowel_harmony())) {
      return false;
    }
    return this.find_among_b(a_13) !== 0;
  };
  P.r_mark_yUz = function () {
    if (!(this.r_check_vowel_harmony())) {
      return false;
    }
    if (this.find_among_b(a_14) === 0) {
      return false;
    }
    return this.r_mark_suffix_with_optional_y_consonant();
  };
  P.r_mark_sUnUz = function () {
    return this.find_among_b(a_15) !== 0;
  };
  P.r_mark_lAr = function () {
    if (!(this.r_check_vowel_harmony())) {
      return false;
    }
    return this.find_among_b(a_16) !== 0;
  };
  P.r_mark_nUz = function () {
    if (!(this.r_check_vowel_harmony())) {
      return false;
    }
    return this.find_among_b(a_17) !== 0;
  };
  P.r_mark_DUr = function () {
    if (!(this.r_check_vowel_harmony())) {
      return false;
    }
    return this.find_among_b(a_18) !== 0;
  };
  P.r_mark_cAsInA = function () {
    return this.find_among_b(a_19) !== 0;
  };
  P.r_mark_yDU = function () {
    if (!(this.r_check_vowel_harmony())) {
      return false;
    }
    if (this.find_among_b(a_20) === 0) {
      return false;
    }
    return this.r_mark_suffix_with_optional_y_consonant();
  };
  P.r_mark_ysA = function () {
    if (this.find_among_b(a_21) === 0) {
      return false;
    }
    return this.r_mark_suffix_with_optional_y_consonant();
  };
  P.r_mark_ymUs_ = function () {
    if (!(this.r_check_vowel_harmony())) {
      return false;
    }
    if (this.find_among_b(a_22) === 0) {
      return false;
    }
    return this.r_mark_suffix_with_optional_y_consonant();
  };
  P.r_mark_yken = function () {
    if (!(this.eq_s_b("ken"))) {
      return false;
    }
    return this.r_mark_suffix_with_optional_y_consonant();
  };
  P.r_stem_nominal_verb_suffixes = function () {
    var v_1, v_10, v_2, v_3, v_4, v_5, v_6, v_7, v_8, v_9;
    this.ket = this.cursor;
    this.B_continue_stemming_noun_suffixes = true;
    while (true) {
      v_1 = (this.limit - this.cursor);
      lab0_1: {
        while (true) {
          v_2 = (this.limit - this.cursor);
          lab1_2: {
            if (!(this.r_mark_ymUs_())) {
              break lab1_2;
            }
            break;
          }
          this.cursor = (this.limit - v_2);
          lab1_3: {
            if (!(this.r_mark_yDU())) {
              break lab1_3;
            }
            break;
          }
          this.cursor = (this.limit - v_2);
          lab1_4: {
            if (!(this.r_mark_ysA())) {
              break lab1_4;
            }
            break;
          }
          this.cursor = (this.limit - v_2);
          if (!(this.r_mark_yken())) {
            break lab0_1;
          }
          break;
        }
        break;
      }
      this.cursor = (this.limit - v_1);
      lab0_5: {
        if (!(this.r_mark_cAsInA())) {
          break lab0_5;
        }
        while (true) {
          v_3 = (this.limit - this.cursor);
          lab1_6: {
            if (!(this.r_mark_sUnUz())) {
              break lab1_6;
            }
            break;
          }
          this.cursor = (this.limit - v_3);
          lab1_7: {
            if (!(this.r_mark_lAr())) {
              break lab1_7;
            }
            break;
          }
          this.cursor = (this.limit - v_3);
          lab1_8: {
            if (!(this.r_mark_yUm())) {
              break lab1_8;
            }
            break;
          }
          this.cursor = (this.limit - v_3);
          lab1_9: {
            if (!(this.r_mark_sUn())) {
              break lab1_9;
            }
            break;
          }
          this.cursor = (this.limit - v_3);
          lab1_10: {
            if (!(this.r_mark_yUz())) {
              break lab1_10;
            }
            break;
          }
          this.cursor = (this.limit - v_3);
          break;
        }
        if (!(this.r_mark_ymUs_())) {
          break lab0_5;
        }
        break;
      }
      this.cursor = (this.limit - v_1);
      lab0_11: {
        if (!(this.r_mark_lAr())) {
          break lab0_11;
        }
        this.bra = this.cursor;
        this.slice_del();
        v_4 = (this.limit - this.cursor);
        lab1_12: {
          this.ket = this.cursor;
          while (true) {
            v_5 = (this.limit - this.cursor);
            lab2_13: {
              if (!(this.r_mark_DUr())) {
                break lab2_13;
              }
              break;
            }
            this.cursor = (this.limit - v_5);
            lab2_14: {
              if (!(this.r_mark_yDU())) {
                break lab2_14;
              }
              break;
            }
            this.cursor = (this.limit - v_5);
            lab2_15: {
              if (!(this.r_mark_ysA())) {
                break lab2_15;
              }
              break;
            }
            this.cursor = (this.limit - v_5);
            if (!(this.r_mark_ymUs_())) {
              this.cursor = (this.limit - v_4);
              break lab1_12;
            }
            break;
          }
        }
        this.B_continue_stemming_noun_suffixes = false;
        break;
      }
      this.cursor = (this.limit - v_1);
      lab0_16: {
        if (!(this.r_mark_nUz())) {
          break lab0_16;
        }
        while (true) {
          v_6 = (this.limit - this.cursor);
          lab1_17: {
            if (!(this.r_mark_yDU())) {
              break lab1_17;
            }
            break;
          }
          this.cursor = (this.limit - v_6);
          if (!(this.r_mark_ysA())) {
            break lab0_16;
          }
          break;
        }
        break;
      }
      this.cursor = (this.limit - v_1);
      lab0_18: {
        while (true) {
          v_7 = (this.limit - this.cursor);
          lab1_19: {
            if (!(this.r_mark_sUnUz())) {
              break lab1_19;
            }
            break;
          }
          this.cursor = (this.limit - v_7);
          lab1_20: {
            if (!(this.r_mark_yUz())) {
              break lab1_20;
            }
            break;
          }
          this.cursor = (this.limit - v_7);
          lab1_21: {
            if (!(this.r_mark_sUn())) {
              break lab1_21;
            }
            break;
          }
          this.cursor = (this.limit - v_7);
          if (!(this.r_mark_yUm())) {
            break lab0_18;
          }
          break;
        }
        this.bra = this.cursor;
        this.slice_del();
        v_8 = (this.limit - this.cursor);
        lab1_22: {
          this.ket = this.cursor;
          if (!(this.r_mark_ymUs_())) {
            this.cursor = (this.limit - v_8);
            break lab1_22;
          }
        }
        break;
      }
      this.cursor = (this.limit - v_1);
      if (!(this.r_mark_DUr())) {
        return false;
      }
      this.bra = this.cursor;
      this.slice_del();
      v_9 = (this.limit - this.cursor);
      lab0_23: {
        this.ket = this.cursor;
        while (true) {
          v_10 = (this.limit - this.cursor);
          lab1_24: {
            if (!(this.r_mark_sUnUz())) {
              break lab1_24;
            }
            break;
          }
          this.cursor = (this.limit - v_10);
          lab1_25: {
            if (!(this.r_mark_lAr())) {
              break lab1_25;
            }
            break;
          }
          this.cursor = (this.limit - v_10);
          lab1_26: {
            if (!(this.r_mark_yUm())) {
              break lab1_26;
            }
            break;
          }
          this.cursor = (this.limit - v_10);
          lab1_27: {
            if (!(this.r_mark_sUn())) {
              break lab1_27;
            }
            break;
          }
          this.cursor = (this.limit - v_10);
          lab1_28: {
            if (!(this.r_mark_yUz())) {
              break lab1_28;
            }
            break;
          }
          this.cursor = (this.limit - v_10);
          break;
        }
        if (!(this.r_mark_ymUs_())) {
          this.cursor = (this.limit - v_9);
          break lab0_23;
        }
      }
      break;
    }
    this.bra = this.cursor;
    this.slice_del();
    return true;
  };
  P.r_stem_suffix_chain_before_ki = function () {
    var v_1, v_10, v_11, v_2, v_3, v_4, v_5, v_6, v_7, v_8, v_9;
    this.ket = this.cursor;
    if (!(this.eq_s_b("ki"))) {
      return false;
    }
    while (true) {
      v_1 = (this.limit - this.cursor);
      lab0_1: {
        if (!(this.r_mark_DA())) {
          break lab0_1;
        }
        this.bra = this.cursor;
        this.slice_del();
        v_2 = (this.limit - this.cursor);
        lab1_2: {
          this.ket = this.cursor;
          while (true) {
            v_3 = (this.limit - this.cursor);
            lab2_3: {
              if (!(this.r_mark_lAr())) {
                break lab2_3;
              }
              this.bra = this.cursor;
              this.slice_del();
              v_4 = (this.limit - this.cursor);
              lab3_4: {
                if (!(this.r_stem_suffix_chain_before_ki())) {
                  this.cursor = (this.limit - v_4);
                  break lab3_4;
                }
              }
              break;
            }
            this.cursor = (this.limit - v_3);
            if (!(this.r_mark_possessives())) {
              this.cursor = (this.limit - v_2);
              break lab1_2;
            }
            this.bra = this.cursor;
            this.slice_del();
            v_5 = (this.limit - this.cursor);
            lab2_5: {
              this.ket = this.cursor;
              if (!(this.r_mark_lAr())) {
                this.cursor = (this.limit - v_5);
                break lab2_5;
              }
              this.bra = this.cursor;
              this.slice_del();
              if (!(this.r_stem_suffix_chain_before_ki())) {
                this.cursor = (this.limit - v_5);
                break lab2_5;
              }
            }
            break;
          }
        }
        break;
      }
      this.cursor = (this.limit - v_1);
      lab0_6: {
        if (!(this.r_mark_nUn())) {
          break lab0_6;
        }
        this.bra = this.cursor;
        this.slice_del();
        v_6 = (this.limit - this.cursor);
        lab1_7: {
          this.ket = this.cursor;
          while (true) {
            v_7 = (this.limit - this.cursor);
            lab2_8: {
              if (!(this.r_mark_lArI())) {
                break lab2_8;
              }
              this.bra = this.cursor;
              this.slice_del();
              break;
            }
            this.cursor = (this.limit - v_7);
            lab2_9: {
              this.ket = this.cursor;
              while (true) {
                v_8 = (this.limit - this.cursor);
                lab3_10: {
                  if (!(this.r_mark_possessives())) {
                    break lab3_10;
                  }
                  break;
                }
                this.cursor = (this.limit - v_8);
                if (!(this.r_mark_sU())) {
                  break lab2_9;
                }
                break;
              }
              this.bra = this.cursor;
              this.slice_del();
              v_9 = (this.limit - this.cursor);
              lab3_11: {
                this.ket = this.cursor;
                if (!(this.r_mark_lAr())) {
                  this.cursor = (this.limit - v_9);
                  break lab3_11;
                }
                this.bra = this.cursor;
                this.slice_del();
                if (!(this.r_stem_suffix_chain_before_ki())) {
                  this.cursor = (this.limit - v_9);
                  break lab3_11;
                }
              }
              break;
            }
            this.cursor = (this.limit - v_7);
            if (!(this.r_stem_suffix_chain_before_ki())) {
              this.cursor = (this.limit - v_6);
              break lab1_7;
            }
            break;
          }
        }
        break;
      }
      this.cursor = (this.limit - v_1);
      if (!(this.r_mark_ndA())) {
        return false;
      }
      while (true) {
        v_10 = (this.limit - this.cursor);
        lab0_12: {
          if (!(this.r_mark_lArI())) {
            break lab0_12;
          }
          this.bra = this.cursor;
          this.slice_del();
          break;
        }
        this.cursor = (this.limit - v_10);
        lab0_13: {
          if (!(this.r_mark_sU())) {
            break lab0_13;
          }
          this.bra = this.cursor;
          this.slice_del();
          v_11 = (this.limit - this.cursor);
          lab1_14: {
            this.ket = this.cursor;
            if (!(this.r_mark_lAr())) {
              this.cursor = (this.limit - v_11);
              break lab1_14;
            }
            this.bra = this.cursor;
            this.slice_del();
            if (!(this.r_stem_suffix_chain_before_ki())) {
              this.cursor = (this.limit - v_11);
              break lab1_14;
            }
          }
          break;
        }
        this.cursor = (this.limit - v_10);
        if (!(this.r_stem_suffix_chain_before_ki())) {
          return false;
        }
        break;
      }
      break;
    }
    return true;
  };
  P.r_stem_noun_suffixes = function () {
    var v_1, v_10, v_11, v_12, v_13, v_14, v_15, v_16, v_17, v_18, v_19, v_2, v_20, v_21, v_22, v_23, v_24, v_25, v_26, v_27, v_3, v_4, v_5, v_6, v_7, v_8, v_9;
    while (true) {
      v_1 = (this.limit - this.cursor);
      lab0_1: {
        this.ket = this.cursor;
        if (!(this.r_mark_lAr())) {
          break lab0_1;
        }
        this.bra = this.cursor;
        this.slice_del();
        v_2 = (this.limit - this.cursor);
        lab1_2: {
          if (!(this.r_stem_suffix_chain_before_ki())) {
            this.cursor = (this.limit - v_2);
            break lab1_2;
          }
        }
        break;
      }
      this.cursor = (this.limit - v_1);
      lab0_3: {
        this.ket = this.cursor;
        if (!(this.r_mark_ncA())) {
          break lab0_3;
        }
        this.bra = this.cursor;
        this.slice_del();
        v_3 = (this.limit - this.cursor);
        lab1_4: {
          while (true) {
            v_4 = (this.limit - this.cursor);
            lab2_5: {
              this.ket = this.cursor;
              if (!(this.r_mark_lArI())) {
                break lab2_5;
              }
              this.bra = this.cursor;
              this.slice_del();
              break;
            }
            this.cursor = (this.limit - v_4);
            lab2_6: {
              this.ket = this.cursor;
              while (true) {
                v_5 = (this.limit - this.cursor);
                lab3_7: {
                  if (!(this.r_mark_possessives())) {
                    break lab3_7;
                  }
                  break;
                }
                this.cursor = (this.limit - v_5);
                if (!(this.r_mark_sU())) {
                  break lab2_6;
                }
                break;
              }
              this.bra = this.cursor;
              this.slice_del();
              v_6 = (this.limit - this.cursor);
              lab3_8: {
                this.ket = this.cursor;
                if (!(this.r_mark_lAr())) {
                  this.cursor = (this.limit - v_6);
                  break lab3_8;
                }
                this.bra = this.cursor;
                this.slice_del();
                if (!(this.r_stem_suffix_chain_before_ki())) {
                  this.cursor = (this.limit - v_6);
                  break lab3_8;
                }
              }
              break;
            }
            this.cursor = (this.limit - v_4);
            this.ket = this.cursor;
            if (!(this.r_mark_lAr())) {
              this.cursor = (this.limit - v_3);
              break lab1_4;
            }
            this.bra = this.cursor;
            this.slice_del();
            if (!(this.r_stem_suffix_chain_before_ki())) {
              this.cursor = (this.limit - v_3);
              break lab1_4;
            }
            break;
          }
        }
        break;
      }
      this.cursor = (this.limit - v_1);
      lab0_9: {
        this.ket = this.cursor;
        while (true) {
          v_7 = (this.limit - this.cursor);
          lab1_10: {
            if (!(this.r_mark_ndA())) {
              break lab1_10;
            }
            break;
          }
          this.cursor = (this.limit - v_7);
          if (!(this.r_mark_nA())) {
            break lab0_9;
          }
          break;
        }
        while (true) {
          v_8 = (this.limit - this.cursor);
          lab1_11: {
            if (!(this.r_mark_lArI())) {
              break lab1_11;
            }
            this.bra = this.cursor;
            this.slice_del();
            break;
          }
          this.cursor = (this.limit - v_8);
          lab1_12: {
            if (!(this.r_mark_sU())) {
              break lab1_12;
            }
            this.bra = this.cursor;
            this.slice_del();
            v_9 = (this.limit - this.cursor);
            lab2_13: {
              this.ket = this.cursor;
              if (!(this.r_mark_lAr())) {
                this.cursor = (this.limit - v_9);
                break lab2_13;
              }
              this.bra = this.cursor;
              this.slice_del();
              if (!(this.r_stem_suffix_chain_before_ki())) {
                this.cursor = (this.limit - v_9);
                break lab2_13;
              }
            }
            break;
          }
          this.cursor = (this.limit - v_8);
          if (!(this.r_stem_suffix_chain_before_ki())) {
            break lab0_9;
          }
          break;
        }
        break;
      }
      this.cursor = (this.limit - v_1);
      lab0_14: {
        this.ket = this.cursor;
        while (true) {
          v_10 = (this.limit - this.cursor);
          lab1_15: {
            if (!(this.r_mark_ndAn())) {
              break lab1_15;
            }
            break;
          }
          this.cursor = (this.limit - v_10);
          if (!(this.r_mark_nU())) {
            break lab0_14;
          }
          break;
        }
        while (true) {
          v_11 = (this.limit - this.cursor);
          lab1_16: {
            if (!(this.r_mark_sU())) {
              break lab1_16;
            }
            this.bra = this.cursor;
            this.slice_del();
            v_12 = (this.limit - this.cursor);
            lab2_17: {
              this.ket = this.cursor;
              if (!(this.r_mark_lAr())) {
                this.cursor = (this.limit - v_12);
                break lab2_17;
              }
              this.bra = this.cursor;
              this.slice_del();
              if (!(this.r_stem_suffix_chain_before_ki())) {
                this.cursor = (this.limit - v_12);
                break lab2_17;
              }
            }
            break;
          }
          this.cursor = (this.limit - v_11);
          if (!(this.r_mark_lArI())) {
            break lab0_14;
          }
          break;
        }
        break;
      }
      this.cursor = (this.limit - v_1);
      lab0_18: {
        this.ket = this.cursor;
        if (!(this.r_mark_DAn())) {
          break lab0_18;
        }
        this.bra = this.cursor;
        this.slice_del();
        v_13 = (this.limit - this.cursor);
        lab1_19: {
          this.ket = this.cursor;
          while (true) {
            v_14 = (this.limit - this.cursor);
            lab2_20: {
              if (!(this.r_mark_possessives())) {
                break lab2_20;
              }
              this.bra = this.cursor;
              this.slice_del();
              v_15 = (this.limit - this.cursor);
              lab3_21: {
                this.ket = this.cursor;
                if (!(this.r_mark_lAr())) {
                  this.cursor = (this.limit - v_15);
                  break lab3_21;
                }
                this.bra = this.cursor;
                this.slice_del();
                if (!(this.r_stem_suffix_chain_before_ki())) {
                  this.cursor = (this.limit - v_15);
                  break lab3_21;
                }
              }
              break;
            }
            this.cursor = (this.limit - v_14);
            lab2_22: {
              if (!(this.r_mark_lAr())) {
                break lab2_22;
              }
              this.bra = this.cursor;
              this.slice_del();
              v_16 = (this.limit - this.cursor);
              lab3_23: {
                if (!(this.r_stem_suffix_chain_before_ki())) {
                  this.cursor = (this.limit - v_16);
                  break lab3_23;
                }
              }
              break;
            }
            this.cursor = (this.limit - v_14);
            if (!(this.r_stem_suffix_chain_before_ki())) {
              this.cursor = (this.limit - v_13);
              break lab1_19;
            }
            break;
          }
        }
        break;
      }
      this.cursor = (this.limit - v_1);
      lab0_24: {
        this.ket = this.cursor;
        while (true) {
          v_17 = (this.limit - this.cursor);
          lab1_25: {
            if (!(this.r_mark_nUn())) {
              break lab1_25;
            }
            break;
          }
          this.cursor = (this.limit - v_17);
          if (!(this.r_mark_ylA())) {
            break lab0_24;
          }
          break;
        }
        this.bra = this.cursor;
        this.slice_del();
        v_18 = (this.limit - this.cursor);
        lab1_26: {
          while (true) {
            v_19 = (this.limit - this.cursor);
            lab2_27: {
              this.ket = this.cursor;
              if (!(this.r_mark_lAr())) {
                break lab2_27;
              }
              this.bra = this.cursor;
              this.slice_del();
              if (!(this.r_stem_suffix_chain_before_ki())) {
                break lab2_27;
              }
              break;
            }
            this.cursor = (this.limit - v_19);
            lab2_28: {
              this.ket = this.cursor;
              while (true) {
                v_20 = (this.limit - this.cursor);
                lab3_29: {
                  if (!(this.r_mark_possessives())) {
                    break lab3_29;
                  }
                  break;
                }
                this.cursor = (this.limit - v_20);
                if (!(this.r_mark_sU())) {
                  break lab2_28;
                }
                break;
              }
              this.bra = this.cursor;
              this.slice_del();
              v_21 = (this.limit - this.cursor);
              lab3_30: {
                this.ket = this.cursor;
                if (!(this.r_mark_lAr())) {
                  this.cursor = (this.limit - v_21);
                  break lab3_30;
                }
                this.bra = this.cursor;
                this.slice_del();
                if (!(this.r_stem_suffix_chain_before_ki())) {
                  this.cursor = (this.limit - v_21);
                  break lab3_30;
                }
              }
              break;
            }
            this.cursor = (this.limit - v_19);
            if (!(this.r_stem_suffix_chain_before_ki())) {
              this.cursor = (this.limit - v_18);
              break lab1_26;
            }
            break;
          }
        }
        break;
      }
      this.cursor = (this.limit - v_1);
      lab0_31: {
        this.ket = this.cursor;
        if (!(this.r_mark_lArI())) {
          break lab0_31;
        }
        this.bra = this.cursor;
        this.slice_del();
        break;
      }
      this.cursor = (this.limit - v_1);
      lab0_32: {
        if (!(this.r_stem_suffix_chain_before_ki())) {
          break lab0_32;
        }
        break;
      }
      this.cursor = (this.limit - v_1);
      lab0_33: {
        this.ket = this.cursor;
        while (true) {
          v_22 = (this.limit - this.cursor);
          lab1_34: {
            if (!(this.r_mark_DA())) {
              break lab1_34;
            }
            break;
          }
          this.cursor = (this.limit - v_22);
          lab1_35: {
            if (!(this.r_mark_yU())) {
              break lab1_35;
            }
            break;
          }
          this.cursor = (this.limit - v_22);
          if (!(this.r_mark_yA())) {
            break lab0_33;
          }
          break;
        }
        this.bra = this.cursor;
        this.slice_del();
        v_23 = (this.limit - this.cursor);
        lab1_36: {
          this.ket = this.cursor;
          while (true) {
            v_24 = (this.limit - this.cursor);
            lab2_37: {
              if (!(this.r_mark_possessives())) {
                break lab2_37;
              }
              this.bra = this.cursor;
              this.slice_del();
              v_25 = (this.limit - this.cursor);
              lab3_38: {
                this.ket = this.cursor;
                if (!(this.r_mark_lAr())) {
                  this.cursor = (this.limit - v_25);
                  break lab3_38;
                }
              }
              break;
            }
            this.cursor = (this.limit - v_24);
            if (!(this.r_mark_lAr())) {
              this.cursor = (this.limit - v_23);
              break lab1_36;
            }
            break;
          }
          this.bra = this.cursor;
          this.slice_del();
          this.ket = this.cursor;
          if (!(this.r_stem_suffix_chain_before_ki())) {
            this.cursor = (this.limit - v_23);
            break lab1_36;
          }
        }
        break;
      }
      this.cursor = (this.limit - v_1);
      this.ket = this.cursor;
      while (true) {
        v_26 = (this.limit - this.cursor);
        lab0_39: {
          if (!(this.r_mark_possessives())) {
            break lab0_39;
          }
          break;
        }
        this.cursor = (this.limit - v_26);
        if (!(this.r_mark_sU())) {
          return false;
        }
        break;
      }
      this.bra = this.cursor;
      this.slice_del();
      v_27 = (this.limit - this.cursor);
      lab0_40: {
        this.ket = this.cursor;
        if (!(this.r_mark_lAr())) {
          this.cursor = (this.limit - v_27);
          break lab0_40;
        }
        this.bra = this.cursor;
        this.slice_del();
        if (!(this.r_stem_suffix_chain_before_ki())) {
          this.cursor = (this.limit - v_27);
          break lab0_40;
        }
      }
      break;
    }
    return true;
  };
  P.r_post_process_last_consonants = function () {
    var among_var;
    this.ket = this.cursor;
    among_var = this.find_among_b(a_23);
    if (among_var === 0) {
      return false;
    }
    this.bra = this.cursor;
    this.slice_from(as_23[(among_var - 1)]);
    return true;
  };
  P.r_append_U_to_stems_ending_with_d_or_g = function () {
    var v_1;
    this.ket = this.cursor;
    this.bra = this.cursor;
    while (true) {
      lab0_1: {
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "d")) {
          break lab0_1;
        }
        this.cursor -= 1;
        break;
      }
      if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "g")) {
        return false;
      }
      this.cursor -= 1;
      break;
    }
    if (!(this.go_out_grouping_b(g_vowel))) {
      return false;
    }
    while (true) {
      v_1 = (this.limit - this.cursor);
      lab0_2: {
        while (true) {
          lab1_3: {
            if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "a")) {
              break lab1_3;
            }
            this.cursor -= 1;
            break;
          }
          if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "ı")) {
            break lab0_2;
          }
          this.cursor -= 1;
          break;
        }
        this.slice_from("ı");
        break;
      }
      this.cursor = (this.limit - v_1);
      lab0_4: {
        while (true) {
          lab1_5: {
            if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "e")) {
              break lab1_5;
            }
            this.cursor -= 1;
            break;
          }
          if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "i")) {
            break lab0_4;
          }
          this.cursor -= 1;
          break;
        }
        this.slice_from("i");
        break;
      }
      this.cursor = (this.limit - v_1);
      lab0_6: {
        while (true) {
          lab1_7: {
            if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "o")) {
              break lab1_7;
            }
            this.cursor -= 1;
            break;
          }
          if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "u")) {
            break lab0_6;
          }
          this.cursor -= 1;
          break;
        }
        this.slice_from("u");
        break;
      }
      this.cursor = (this.limit - v_1);
      while (true) {
        lab0_8: {
          if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "ö")) {
            break lab0_8;
          }
          this.cursor -= 1;
          break;
        }
        if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "ü")) {
          return false;
        }
        this.cursor -= 1;
        break;
      }
      this.slice_from("ü");
      break;
    }
    return true;
  };
  P.r_is_reserved_word = function () {
    var v_1;
    if (!(this.eq_s_b("ad"))) {
      return false;
    }
    v_1 = (this.limit - this.cursor);
    lab0_1: {
      if (!(this.eq_s_b("soy"))) {
        this.cursor = (this.limit - v_1);
        break lab0_1;
      }
    }
    return this.cursor <= this.limit_backward;
  };
  P.r_remove_proper_noun_suffix = function () {
    var v_1, v_2, v_3, v_4;
    v_1 = this.cursor;
    lab0_1: {
      this.bra = this.cursor;
      while (true) {
        v_2 = this.cursor;
        lab1_2: {
          lab2_3: {
            if ((this.cursor === this.limit || this.current[this.cursor] !== "'")) {
              break lab2_3;
            }
            this.cursor += 1;
            break lab1_2;
          }
          this.cursor = v_2;
          break;
        }
        this.cursor = v_2;
        if (this.cursor >= this.limit) {
          break lab0_1;
        }
        this.cursor += 1;
      }
      this.ket = this.cursor;
      this.slice_del();
    }
    this.cursor = v_1;
    v_3 = this.cursor;
    lab0_4: {
      if ((this.cursor + 2) > this.limit) {
        break lab0_4;
      }
      this.cursor += 2;
      while (true) {
        v_4 = this.cursor;
        lab1_5: {
          if ((this.cursor === this.limit || this.current[this.cursor] !== "'")) {
            break lab1_5;
          }
          this.cursor += 1;
          this.cursor = v_4;
          break;
        }
        this.cursor = v_4;
        if (this.cursor >= this.limit) {
          break lab0_4;
        }
        this.cursor += 1;
      }
      this.bra = this.cursor;
      this.cursor = this.limit;
      this.ket = this.cursor;
      this.slice_del();
    }
    this.cursor = v_3;
    return true;
  };
  P.r_more_than_one_syllable_word = function () {
    var i_1, v_1;
    v_1 = this.cursor;
    for (i_1 = 0; i_1 < 2; i_1++) {
      if (!(this.go_out_grouping(g_vowel))) {
        return false;
      }
      this.cursor += 1;
    }
    this.cursor = v_1;
    return true;
  };
  P.r_postlude = function () {
    var v_1, v_2, v_3;
    this.limit_backward = this.cursor;
    this.cursor = this.limit;
    v_1 = (this.limit - this.cursor);
    lab0_1: {
      if (!(this.r_is_reserved_word())) {
        break lab0_1;
      }
      return false;
    }
    this.cursor = (this.limit - v_1);
    v_2 = (this.limit - this.cursor);
    this.r_append_U_to_stems_ending_with_d_or_g();
    this.cursor = (this.limit - v_2);
    v_3 = (this.limit - this.cursor);
    this.r_post_process_last_consonants();
    this.cursor = (this.limit - v_3);
    this.cursor = this.limit_backward;
    return true;
  };
  P._stem = function () {
    var v_1, v_2;
    this.r_remove_proper_noun_suffix();
    if (!(this.r_more_than_one_syllable_word())) {
      return false;
    }
    this.limit_backward = this.cursor;
    this.cursor = this.limit;
    v_1 = (this.limit - this.cursor);
    this.r_stem_nominal_verb_suffixes();
    this.cursor = (this.limit - v_1);
    if (!(this.B_continue_stemming_noun_suffixes)) {
      return false;
    }
    v_2 = (this.limit - this.cursor);
    this.r_stem_noun_suffixes();
    this.cursor = (this.limit - v_2);
    this.cursor = this.limit_backward;
    return this.r_postlude();
  };
  var a_0 = [
    ["m",-1,-1],
    ["n",-1,-1],
    ["miz",-1,-1],
    ["niz",-1,-1],
    ["muz",-1,-1],
    ["nuz",-1,-1],
    ["müz",-1,-1],
    ["nüz",-1,-1],
    ["mız",-1,-1],
    ["nız",-1,-1]
  ];
  var a_1 = [
    ["leri",-1,-1],
    ["ları",-1,-1]
  ];
  var a_2 = [
    ["ni",-1,-1],
    ["nu",-1,-1],
    ["nü",-1,-1],
    ["nı",-1,-1]
  ];
  var a_3 = [
    ["in",-1,-1],
    ["un",-1,-1],
    ["ün",-1,-1],
    ["ın",-1,-1]
  ];
  var a_4 = [
    ["a",-1,-1],
    ["e",-1,-1]
  ];
  var a_5 = [
    ["na",-1,-1],
    ["ne",-1,-1]
  ];
  var a_6 = [
    ["da",-1,-1],
    ["ta",-1,-1],
    ["de",-1,-1],
    ["te",-1,-1]
  ];
  var a_7 = [
    ["nda",-1,-1],
    ["nde",-1,-1]
  ];
  var a_8 = [
    ["dan",-1,-1],
    ["tan",-1,-1],
    ["den",-1,-1],
    ["ten",-1,-1]
  ];
  var a_9 = [
    ["ndan",-1,-1],
    ["nden",-1,-1]
  ];
  var a_10 = [
    ["la",-1,-1],
    ["le",-1,-1]
  ];
  var a_11 = [
    ["ca",-1,-1],
    ["ce",-1,-1]
  ];
  var a_12 = [
    ["im",-1,-1],
    ["um",-1,-1],
    ["üm",-1,-1],
    ["ım",-1,-1]
  ];
  var a_13 = [
    ["sin",-1,-1],
    ["sun",-1,-1],
    ["sün",-1,-1],
    ["sın",-1,-1]
  ];
  var a_14 = [
    ["iz",-1,-1],
    ["uz",-1,-1],
    ["üz",-1,-1],
    ["ız",-1,-1]
  ];
  var a_15 = [
    ["siniz",-1,-1],
    ["sunuz",-1,-1],
    ["sünüz",-1,-1],
    ["sınız",-1,-1]
  ];
  var a_16 = [
    ["lar",-1,-1],
    ["ler",-1,-1]
  ];
  var a_17 = [
    ["niz",-1,-1],
    ["nuz",-1,-1],
    ["nüz",-1,-1],
    ["nız",-1,-1]
  ];
  var a_18 = [
    ["dir",-1,-1],
    ["tir",-1,-1],
    ["dur",-1,-1],
    ["tur",-1,-1],
    ["dür",-1,-1],
    ["tür",-1,-1],
    ["dır",-1,-1],
    ["tır",-1,-1]
  ];
  var a_19 = [
    ["casına",-1,-1],
    ["cesine",-1,-1]
  ];
  var a_20 = [
    ["di",-1,-1],
    ["ti",-1,-1],
    ["dik",-1,-1],
    ["tik",-1,-1],
    ["duk",-1,-1],
    ["tuk",-1,-1],
    ["dük",-1,-1],
    ["tük",-1,-1],
    ["dık",-1,-1],
    ["tık",-1,-1],
    ["dim",-1,-1],
    ["tim",-1,-1],
    ["dum",-1,-1],
    ["tum",-1,-1],
    ["düm",-1,-1],
    ["tüm",-1,-1],
    ["dım",-1,-1],
    ["tım",-1,-1],
    ["din",-1,-1],
    ["tin",-1,-1],
    ["dun",-1,-1],
    ["tun",-1,-1],
    ["dün",-1,-1],
    ["tün",-1,-1],
    ["dın",-1,-1],
    ["tın",-1,-1],
    ["du",-1,-1],
    ["tu",-1,-1],
    ["dü",-1,-1],
    ["tü",-1,-1],
    ["dı",-1,-1],
    ["tı",-1,-1]
  ];
  var a_21 = [
    ["sa",-1,-1],
    ["se",-1,-1],
    ["sak",-1,-1],
    ["sek",-1,-1],
    ["sam",-1,-1],
    ["sem",-1,-1],
    ["san",-1,-1],
    ["sen",-1,-1]
  ];
  var a_22 = [
    ["miş",-1,-1],
    ["muş",-1,-1],
    ["müş",-1,-1],
    ["mış",-1,-1]
  ];
  var a_23 = [
    ["b",-1,1],
    ["c",-1,2],
    ["d",-1,3],
    ["ğ",-1,4]
  ];
  return TurkishStemmer;
});
