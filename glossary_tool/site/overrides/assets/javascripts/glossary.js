/* The reader's side of the glossary, on top of Material: the language switch opens a menu of every language that
   follows the page and its #fragment, term links preview their short definition on hover, focus and touch, the
   language-pair list has a filter box, and on small screens the menu button works from the keyboard. Material's instant navigation swaps the page body
   but keeps the header, so page-level set-up runs again after each navigation (document$). */
(function () {
  "use strict";

  var PREVIEW = "a[data-glossary-preview]";

  function word(name) {
    var holder = document.querySelector("[data-glossary-labels]");
    return (holder && holder.getAttribute("data-" + name)) || "";
  }

  /* ---- the language switch: a menu of every language, on the same page and fragment ---- */

  /* The header holds a link to this locale's page of languages, whatever their number: the first time the switch is
     pointed at, focused or tapped, that page's list is read (once per page load) and opened here as a menu. */
  var languages = null; // [{code, name, dir, home, current}]
  var loading = null;

  function switchBox() {
    return document.querySelector(".md-header [data-glossary-switch]");
  }

  function switchLinks() {
    return document.querySelectorAll(".md-header .md-select__link[hreflang]");
  }

  function loadLanguages() {
    if (loading) return loading;
    var box = switchBox();
    var opener = box && box.querySelector("a[href]");
    if (!opener) return Promise.reject(new Error("no language switch"));
    var from = opener.href;
    loading = fetch(from).then(function (response) {
      if (!response.ok) throw new Error("languages: " + response.status);
      return response.text();
    }).then(function (text) {
      var page = new DOMParser().parseFromString(text, "text/html");
      languages = Array.prototype.map.call(page.querySelectorAll("[data-glossary-languages] a[hreflang]"), function (a) {
        return {
          code: a.getAttribute("hreflang"), name: a.textContent.trim(), dir: a.getAttribute("dir") || "",
          home: new URL(a.getAttribute("href"), from), current: a.hasAttribute("aria-current"),
        };
      });
      buildMenu(box);
    });
    loading.catch(function () { loading = null; }); // tried again at the next use
    return loading;
  }

  function buildMenu(box) {
    var inner = document.createElement("div");
    inner.className = "md-select__inner";
    var list = document.createElement("ul");
    list.className = "md-select__list";
    languages.forEach(function (language) {
      var item = document.createElement("li");
      item.className = "md-select__item";
      var link = document.createElement("a");
      link.className = "md-select__link";
      link.href = language.home.href;
      link.hreflang = language.code;
      link.lang = language.code;
      if (language.dir) link.dir = language.dir;
      link.target = "_self";
      link.textContent = language.name; // text, never markup
      if (language.current) link.setAttribute("aria-current", "page");
      item.appendChild(link);
      list.appendChild(item);
    });
    inner.appendChild(list);
    box.appendChild(inner);
    followPage();
  }

  /* Each language's link to this page there (main.html: a page every language has is the same path in each, a
     language pair is in its two languages' sites, the 404 page leads home). */
  function followPage() {
    if (!languages) return;
    var marks = document.querySelector("[data-glossary-alternates]");
    var everywhere = marks && marks.hasAttribute("data-glossary-everywhere");
    var listed = {};
    if (marks) marks.querySelectorAll("a[hreflang]").forEach(function (alt) { listed[alt.hreflang] = alt.href; });
    var here = languages.filter(function (language) { return language.current; })[0];
    var path = here && location.pathname.indexOf(here.home.pathname) === 0 ? location.pathname.slice(here.home.pathname.length) : null;
    switchLinks().forEach(function (link) {
      var language = languages.filter(function (l) { return l.code === link.hreflang; })[0];
      if (!language) return;
      var target = everywhere && path !== null ? new URL(path, language.home).href : listed[language.code] || language.home.href;
      link.setAttribute("data-glossary-page", target);
    });
    followFragment();
  }

  function followFragment() {
    switchLinks().forEach(function (link) {
      var target = link.getAttribute("data-glossary-page") || link.href;
      link.href = target.split("#")[0] + location.hash;
    });
  }

  ["pointerenter", "focusin", "touchstart"].forEach(function (name) {
    document.addEventListener(name, function (ev) {
      if (ev.target instanceof Element && ev.target.closest(".md-header [data-glossary-switch]")) loadLanguages().catch(function () {});
    }, { capture: true, passive: true });
  });
  // Activating the switch opens the menu (it shows while the switch has the focus); the page of languages is where
  // it leads without JavaScript, or when the list cannot be read.
  document.addEventListener("click", function (ev) {
    var opener = ev.target instanceof Element && ev.target.closest(".md-header [data-glossary-switch] > a");
    if (!opener) return;
    ev.preventDefault();
    loadLanguages().then(function () { opener.focus(); }, function () { location.href = opener.href; });
  });

  window.addEventListener("hashchange", followFragment);
  // Material scrolls to in-page anchors itself and may not fire hashchange: look at the fragment just in time.
  document.addEventListener("pointerdown", function (ev) {
    if (ev.target.closest && ev.target.closest(".md-select")) followFragment();
  }, true);
  document.addEventListener("focusin", function (ev) {
    if (ev.target.closest && ev.target.closest(".md-select")) followFragment();
  });

  /* ---- the focus before the search: Escape gives it back (glossary-search.js, loaded when the search opens) ---- */

  document.addEventListener("focusin", function (ev) {
    if (ev.target instanceof Element && !ev.target.closest(".md-search")) window.glossaryFocusBefore = ev.target;
  });

  /* ---- term previews ---- */

  var tip = null;
  var current = null;
  var pinned = false; // opened by a tap: it holds a link to the entry and stays until dismissed
  var showTimer = 0;
  var hideTimer = 0;
  var lastPointer = "mouse";

  function tooltip() {
    if (tip) return tip;
    tip = document.createElement("div");
    tip.id = "glossary-preview";
    tip.className = "glossary-preview md-typeset";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    // A pointer may move onto the preview without it closing (WCAG 1.4.13, hoverable).
    tip.addEventListener("pointerenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("pointerleave", function () { if (!pinned) scheduleHide(); });
    // Inside the page's main landmark, where the links it previews are, so that it is part of the page's structure.
    (document.querySelector("main") || document.body).appendChild(tip);
    return tip;
  }

  function show(link, withLink) {
    var text = link.getAttribute("data-glossary-preview");
    if (!text) return;
    clearTimeout(hideTimer);
    clearTimeout(showTimer);
    var box = tooltip();
    box.textContent = "";
    var name = document.createElement("strong");
    name.textContent = link.textContent;
    if (link.lang) name.lang = link.lang;
    var body = document.createElement("span");
    body.textContent = " " + text;
    box.appendChild(name);
    box.appendChild(body);
    if (withLink) {
      var go = document.createElement("a");
      go.href = link.href;
      go.className = "glossary-preview__open";
      go.textContent = word("open") || link.textContent;
      box.appendChild(document.createElement("br"));
      box.appendChild(go);
    }
    if (current && current !== link) current.removeAttribute("aria-describedby");
    current = link;
    pinned = withLink;
    link.setAttribute("aria-describedby", box.id);
    box.hidden = false;
    place(link, box);
  }

  function place(link, box) {
    var rect = link.getClientRects()[0] || link.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var margin = 8;
    box.style.left = "0px";
    box.style.top = "0px";
    var boxWidth = box.offsetWidth;
    var left = Math.max(margin, Math.min(rect.left, width - boxWidth - margin));
    var top = rect.bottom + 6;
    if (top + box.offsetHeight > window.innerHeight && rect.top - box.offsetHeight - 6 > 0) {
      top = rect.top - box.offsetHeight - 6; // no room below: above the link
    }
    // Absolute to its containing block: the document when nothing around it is positioned, else that element.
    var origin = box.offsetParent && getComputedStyle(box.offsetParent).position !== "static"
      ? box.offsetParent.getBoundingClientRect() : { left: -window.scrollX, top: -window.scrollY };
    box.style.left = left - origin.left + "px";
    box.style.top = top - origin.top + "px";
  }

  function hide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    pinned = false;
    if (tip) tip.hidden = true;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  }

  document.addEventListener("pointerdown", function (ev) {
    lastPointer = ev.pointerType || "mouse";
    if (tip && !tip.hidden && !tip.contains(ev.target) && !(ev.target.closest && ev.target.closest(PREVIEW))) hide();
  }, true);

  document.addEventListener("pointerover", function (ev) {
    if (ev.pointerType === "touch" || pinned) return;
    var link = ev.target.closest && ev.target.closest(PREVIEW);
    if (!link) return;
    clearTimeout(hideTimer);
    if (link === current) return;
    clearTimeout(showTimer);
    showTimer = setTimeout(function () { show(link, false); }, 150);
  });

  document.addEventListener("pointerout", function (ev) {
    if (ev.pointerType === "touch" || pinned) return;
    var link = ev.target.closest && ev.target.closest(PREVIEW);
    if (!link || link.contains(ev.relatedTarget)) return;
    clearTimeout(showTimer);
    if (link === current) scheduleHide();
  });

  document.addEventListener("focusin", function (ev) {
    var link = ev.target.closest && ev.target.closest(PREVIEW);
    if (link) {
      if (!(pinned && link === current)) show(link, false);
    } else if (!(tip && tip.contains(ev.target))) {
      hide();
    }
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && current) {
      var link = current;
      hide();
      if (tip && tip.contains(document.activeElement)) link.focus();
    }
  });

  // A tap on a term link first shows its preview, with a link to the entry; a second tap follows the link.
  // In the capture phase, so that Material's instant navigation does not see the first tap.
  document.addEventListener("click", function (ev) {
    if (lastPointer !== "touch") return;
    var link = ev.target.closest && ev.target.closest(PREVIEW);
    if (link && !(pinned && current === link)) {
      ev.preventDefault();
      ev.stopImmediatePropagation();
      show(link, true);
    }
  }, true);

  window.addEventListener("resize", function () { if (current && tip && !tip.hidden) place(current, tip); });

  /* ---- the filter box of a language-pair list ---- */

  // The word pipeline's normalization (words.js): a row matches a query when its normalized text contains the
  // normalized query (ﾋﾞｰｶｰ finds ビーカー, kas finds كأس). No letter is kept as the language's own here: the filter
  // narrows one page's list as the reader types, and a reader without a Swedish keyboard types tjanst for tjänst.
  function fold(text) {
    return window.glossaryWords ? window.glossaryWords.normalize(text, "") : text.toLowerCase();
  }

  function setupFilter() {
    var box = document.querySelector("[data-glossary-filter]");
    var table = document.getElementById("glossary-pair");
    if (!box || !table) return;
    var input = box.querySelector("input");
    var count = box.querySelector("[data-count]");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var keys = rows.map(function (row) { return fold(row.textContent); });
    var lang = document.documentElement.lang;
    box.hidden = false;
    input.addEventListener("input", function () {
      var query = fold(input.value.trim());
      var shown = 0;
      rows.forEach(function (row, i) {
        var hit = !query || keys[i].indexOf(query) !== -1;
        row.hidden = !hit;
        if (hit) shown += 1;
      });
      if (!query) count.textContent = "";
      else if (!shown) count.textContent = count.getAttribute("data-none");
      else count.textContent = count.getAttribute("data-count")
        .replace("{shown}", shown.toLocaleString(lang)).replace("{total}", rows.length.toLocaleString(lang));
    });
  }

  /* ---- the menu button on small screens: Material's is a <label> for a checkbox, which no keyboard reaches; it
     becomes a real button (without JavaScript the label works for pointers and touch as before) ---- */

  function setupDrawer() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
    if (!toggle || !label) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon glossary-menu";
    button.setAttribute("aria-label", word("menu"));
    button.setAttribute("aria-expanded", String(toggle.checked));
    while (label.firstChild) button.appendChild(label.firstChild); // the menu icon
    label.replaceWith(button);
    function set(open) {
      if (toggle.checked === open) return;
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
    }
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(toggle.checked));
    });
    button.addEventListener("click", function (ev) {
      set(!toggle.checked);
      if (toggle.checked && ev.detail === 0) { // opened from the keyboard: focus goes into the drawer
        var first = document.querySelector(".md-sidebar--primary a[href]");
        if (first) requestAnimationFrame(function () { first.focus(); });
      }
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && toggle.checked) {
        set(false);
        button.focus();
      }
    });
  }

  /* ---- Material's search dialog has no name of its own; it takes its search box's ---- */

  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (!dialog || dialog.hasAttribute("aria-label") || dialog.hasAttribute("aria-labelledby")) return;
    var input = dialog.querySelector("input");
    var name = input && (input.getAttribute("aria-label") || input.getAttribute("placeholder"));
    if (name) dialog.setAttribute("aria-label", name);
  }

  function onPage() {
    hide();
    followPage();
    setupFilter();
  }

  setupDrawer();
  nameSearchDialog();
  if (typeof document$ !== "undefined") document$.subscribe(onPage);
  else onPage();
})();
