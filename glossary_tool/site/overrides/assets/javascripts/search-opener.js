/* Loads the glossary's search (glossary-search.js) when the reader opens the search box, presses / or s, or arrives
 * from a result (?h= or ?q=), and not before. One file for every page and every locale, rather than the same
 * script inline in each page: overrides/partials/search.html names it. Named apart from glossary-search.js, which loads only on demand. */
(function () {
  var root = document.querySelector("[data-glossary-search]"), toggle = document.getElementById("__search");
  if (!root || !toggle) return;
  var input = root.querySelector("input"), src = new URL(root.getAttribute("data-glossary-search-script"), location.href).href;
  root.setAttribute("data-glossary-search-page", location.href);
  function load() {
    if (root.hasAttribute("data-glossary-search-loading")) return;
    root.setAttribute("data-glossary-search-loading", "");
    var s = document.createElement("script");
    s.src = src;
    document.head.appendChild(s);
  }
  toggle.addEventListener("change", function () { if (toggle.checked) { load(); input.focus(); } });
  input.addEventListener("focus", function () { if (!toggle.checked) toggle.click(); load(); });
  addEventListener("keydown", function (ev) {
    var el = document.activeElement, busy = el && (el.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName));
    if (window.glossarySearch || toggle.checked || busy || ev.metaKey || ev.ctrlKey || ev.altKey || !/^[/sS]$/.test(ev.key)) return;
    ev.preventDefault();
    toggle.click();
  });
  if (/[?&](h|q)=/.test(location.search)) load();
})();
