/* Keep the language switch on the page being read. Instant navigation swaps the page body but keeps the
   header, so after each navigation the switch takes its targets from the hidden alternates in the new body. */
document$.subscribe(function () {
  var source = document.querySelector("[data-glossary-alternates]");
  if (!source) return;
  source.querySelectorAll("a[hreflang]").forEach(function (alt) {
    var link = document.querySelector('.md-header .md-select__link[hreflang="' + alt.hreflang + '"]');
    if (link) link.href = alt.href;
  });
});
