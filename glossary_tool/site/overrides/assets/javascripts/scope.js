/* Material's first script (partials/javascripts/base.html), from this file rather than inline in every page: the
   functions that keep the reader's settings (the colour scheme) in localStorage under the site's path. The site's root,
   which Material writes into the script, comes from the tag's data-scope, relative to the page. */
(function () {
  var scope = new URL(document.currentScript.getAttribute("data-scope"), location);
  window.__md_scope = scope;
  window.__md_hash = function (value) {
    return Array.from(value).reduce(function (hash, c) { return (hash << 5) - hash + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage = localStorage, base = scope) {
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage = localStorage, base = scope) {
    try { storage.setItem(base.pathname + "." + key, JSON.stringify(value)); } catch { /* storage full or refused */ }
  };
})();
