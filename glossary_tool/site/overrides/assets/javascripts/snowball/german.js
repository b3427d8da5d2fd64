/* german: translated by tests/words/make_snowball_js.py from snowballstemmer 3.1.1's german_stemmer.py,
 * Generated from german.sbl by Snowball 3.1.1 - https://snowballstem.org/. Do not edit. BSD-3-Clause: see LICENSE beside this file. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else (root.glossarySnowball = root.glossarySnowball || {})["german"] = factory;
})(typeof self !== "undefined" ? self : this, function (base) {
  "use strict";
  function GermanStemmer() {
    base.BaseStemmer.call(this);
    this.I_p2 = 0;
    this.I_p1 = 0;
  }
  GermanStemmer.prototype = Object.create(base.BaseStemmer.prototype);
  var P = GermanStemmer.prototype;
  var g_v = new Set("aeiouyäöü");
  var g_et_ending = new Set("Udfgklmnrstzä");
  var g_s_ending = new Set("bdfghklmnrt");
  var g_st_ending = new Set("bdfghklmnt");
  P.r_prelude = function () {
    var among_var, v_1, v_2, v_3, v_4, v_5;
    v_1 = this.cursor;
    while (true) {
      v_2 = this.cursor;
      lab0_1: {
        while (true) {
          v_3 = this.cursor;
          lab1_2: {
            if (!(this.in_grouping(g_v))) {
              break lab1_2;
            }
            this.bra = this.cursor;
            while (true) {
              v_4 = this.cursor;
              lab2_3: {
                if ((this.cursor === this.limit || this.current[this.cursor] !== "u")) {
                  break lab2_3;
                }
                this.cursor += 1;
                this.ket = this.cursor;
                if (!(this.in_grouping(g_v))) {
                  break lab2_3;
                }
                this.slice_from("U");
                break;
              }
              this.cursor = v_4;
              if ((this.cursor === this.limit || this.current[this.cursor] !== "y")) {
                break lab1_2;
              }
              this.cursor += 1;
              this.ket = this.cursor;
              if (!(this.in_grouping(g_v))) {
                break lab1_2;
              }
              this.slice_from("Y");
              break;
            }
            this.cursor = v_3;
            break;
          }
          this.cursor = v_3;
          if (this.cursor >= this.limit) {
            break lab0_1;
          }
          this.cursor += 1;
        }
        continue;
      }
      this.cursor = v_2;
      break;
    }
    this.cursor = v_1;
    while (true) {
      v_5 = this.cursor;
      lab0_4: {
        this.bra = this.cursor;
        among_var = this.find_among(a_0);
        this.ket = this.cursor;
        if (among_var === 1) {
          this.slice_from("ss");
        } else if (among_var === 2) {
          this.slice_from("ä");
        } else if (among_var === 3) {
          this.slice_from("ö");
        } else if (among_var === 4) {
          this.slice_from("ü");
        } else if (among_var === 5) {
          if (this.cursor >= this.limit) {
            break lab0_4;
          }
          this.cursor += 1;
        }
        continue;
      }
      this.cursor = v_5;
      break;
    }
    return true;
  };
  P.r_mark_regions = function () {
    var I_x, v_1;
    this.I_p1 = this.limit;
    this.I_p2 = this.limit;
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
  P.r_postlude = function () {
    var among_var, v_1;
    while (true) {
      v_1 = this.cursor;
      lab0_1: {
        this.bra = this.cursor;
        among_var = this.find_among(a_1);
        this.ket = this.cursor;
        if (among_var === 1) {
          this.slice_from("y");
        } else if (among_var === 2) {
          this.slice_from("u");
        } else if (among_var === 3) {
          this.slice_from("a");
        } else if (among_var === 4) {
          this.slice_from("o");
        } else {
          if (this.cursor >= this.limit) {
            break lab0_1;
          }
          this.cursor += 1;
        }
        continue;
      }
      this.cursor = v_1;
      break;
    }
    return true;
  };
  P.r_R1 = function () {
    return this.I_p1 <= this.cursor;
  };
  P.r_R2 = function () {
    return this.I_p2 <= this.cursor;
  };
  P.r_standard_suffix = function () {
    var among_var, v_1, v_10, v_2, v_3, v_4, v_5, v_6, v_7, v_8, v_9;
    v_1 = (this.limit - this.cursor);
    lab0_1: {
      this.ket = this.cursor;
      among_var = this.find_among_b(a_2);
      if (among_var === 0) {
        break lab0_1;
      }
      this.bra = this.cursor;
      if (!(this.r_R1())) {
        break lab0_1;
      }
      if (among_var === 1) {
        lab1_2: {
          if (!(this.eq_s_b("syst"))) {
            break lab1_2;
          }
          break lab0_1;
        }
        this.slice_del();
      } else if (among_var === 2) {
        this.slice_del();
      } else if (among_var === 3) {
        this.slice_del();
        v_2 = (this.limit - this.cursor);
        lab1_3: {
          this.ket = this.cursor;
          if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "s")) {
            this.cursor = (this.limit - v_2);
            break lab1_3;
          }
          this.cursor -= 1;
          this.bra = this.cursor;
          if (!(this.eq_s_b("nis"))) {
            this.cursor = (this.limit - v_2);
            break lab1_3;
          }
          this.slice_del();
        }
      } else if (among_var === 4) {
        if (!(this.in_grouping_b(g_s_ending))) {
          break lab0_1;
        }
        this.slice_del();
      } else {
        this.slice_from("l");
      }
    }
    this.cursor = (this.limit - v_1);
    v_3 = (this.limit - this.cursor);
    lab0_4: {
      this.ket = this.cursor;
      among_var = this.find_among_b(a_4);
      if (among_var === 0) {
        break lab0_4;
      }
      this.bra = this.cursor;
      if (!(this.r_R1())) {
        break lab0_4;
      }
      if (among_var === 1) {
        this.slice_del();
      } else if (among_var === 2) {
        if (!(this.in_grouping_b(g_st_ending))) {
          break lab0_4;
        }
        if ((this.cursor - 3) < this.limit_backward) {
          break lab0_4;
        }
        this.cursor -= 3;
        this.slice_del();
      } else {
        v_4 = (this.limit - this.cursor);
        if (!(this.in_grouping_b(g_et_ending))) {
          break lab0_4;
        }
        this.cursor = (this.limit - v_4);
        v_5 = (this.limit - this.cursor);
        lab1_5: {
          if (this.find_among_b(a_3) === 0) {
            break lab1_5;
          }
          break lab0_4;
        }
        this.cursor = (this.limit - v_5);
        this.slice_del();
      }
    }
    this.cursor = (this.limit - v_3);
    v_6 = (this.limit - this.cursor);
    lab0_6: {
      this.ket = this.cursor;
      among_var = this.find_among_b(a_6);
      if (among_var === 0) {
        break lab0_6;
      }
      this.bra = this.cursor;
      if (!(this.r_R2())) {
        break lab0_6;
      }
      if (among_var === 1) {
        this.slice_del();
        v_7 = (this.limit - this.cursor);
        lab1_7: {
          this.ket = this.cursor;
          if (!(this.eq_s_b("ig"))) {
            this.cursor = (this.limit - v_7);
            break lab1_7;
          }
          this.bra = this.cursor;
          lab2_8: {
            if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "e")) {
              break lab2_8;
            }
            this.cursor -= 1;
            this.cursor = (this.limit - v_7);
            break lab1_7;
          }
          if (!(this.r_R2())) {
            this.cursor = (this.limit - v_7);
            break lab1_7;
          }
          this.slice_del();
        }
      } else if (among_var === 2) {
        lab1_9: {
          if ((this.cursor <= this.limit_backward || this.current[(this.cursor - 1)] !== "e")) {
            break lab1_9;
          }
          this.cursor -= 1;
          break lab0_6;
        }
        this.slice_del();
      } else if (among_var === 3) {
        this.slice_del();
        v_8 = (this.limit - this.cursor);
        lab1_10: {
          this.ket = this.cursor;
          while (true) {
            lab2_11: {
              if (!(this.eq_s_b("er"))) {
                break lab2_11;
              }
              break;
            }
            if (!(this.eq_s_b("en"))) {
              this.cursor = (this.limit - v_8);
              break lab1_10;
            }
            break;
          }
          this.bra = this.cursor;
          if (!(this.r_R1())) {
            this.cursor = (this.limit - v_8);
            break lab1_10;
          }
          this.slice_del();
        }
      } else {
        this.slice_del();
        v_9 = (this.limit - this.cursor);
        lab1_12: {
          this.ket = this.cursor;
          if (this.find_among_b(a_5) === 0) {
            this.cursor = (this.limit - v_9);
            break lab1_12;
          }
          this.bra = this.cursor;
          if (!(this.r_R2())) {
            this.cursor = (this.limit - v_9);
            break lab1_12;
          }
          this.slice_del();
        }
      }
    }
    this.cursor = (this.limit - v_6);
    v_10 = (this.limit - this.cursor);
    lab0_13: {
      this.ket = this.cursor;
      if (this.find_among_b(a_7) === 0) {
        break lab0_13;
      }
      this.bra = this.cursor;
      if (this.cursor <= this.limit_backward) {
        break lab0_13;
      }
      this.cursor -= 1;
      if (this.cursor <= this.limit_backward) {
        break lab0_13;
      }
      this.slice_del();
    }
    this.cursor = (this.limit - v_10);
    return true;
  };
  P._stem = function () {
    var v_1, v_2, v_3;
    v_1 = this.cursor;
    this.r_prelude();
    this.cursor = v_1;
    v_2 = this.cursor;
    this.r_mark_regions();
    this.cursor = v_2;
    this.limit_backward = this.cursor;
    this.cursor = this.limit;
    this.r_standard_suffix();
    this.cursor = this.limit_backward;
    v_3 = this.cursor;
    this.r_postlude();
    this.cursor = v_3;
    return true;
  };
  var a_0 = [
    ["",-1,5],
    ["ae",0,2],
    ["oe",0,3],
    ["qu",0,-1],
    ["ue",0,4],
    ["ß",0,1]
  ];
  var a_1 = [
    ["",-1,5],
    ["U",0,2],
    ["Y",0,1],
    ["ä",0,3],
    ["ö",0,4],
    ["ü",0,2]
  ];
  var a_2 = [
    ["e",-1,3],
    ["em",-1,1],
    ["en",-1,3],
    ["erinnen",2,2],
    ["erin",-1,2],
    ["ln",-1,5],
    ["ern",-1,2],
    ["er",-1,2],
    ["s",-1,4],
    ["es",8,3],
    ["lns",8,5]
  ];
  var a_3 = [
    ["tick",-1,-1],
    ["plan",-1,-1],
    ["geordn",-1,-1],
    ["intern",-1,-1],
    ["tr",-1,-1]
  ];
  var a_4 = [
    ["en",-1,1],
    ["er",-1,1],
    ["et",-1,3],
    ["st",-1,2],
    ["est",3,1]
  ];
  var a_5 = [
    ["ig",-1,1],
    ["lich",-1,1]
  ];
  var a_6 = [
    ["end",-1,1],
    ["ig",-1,2],
    ["ung",-1,1],
    ["lich",-1,3],
    ["isch",-1,2],
    ["ik",-1,2],
    ["heit",-1,3],
    ["keit",-1,4]
  ];
  var a_7 = [
    ["'",-1,1],
    ["'sch",-1,1],
    ["'s",-1,1]
  ];
  return GermanStemmer;
});
