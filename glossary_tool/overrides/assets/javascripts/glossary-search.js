/* Runs before Material's bundle reads its configuration: points its search at glossary-search-worker.js,
 * which loads Material's worker and stems each query (see there). Skipped for pages opened from disk, where
 * Material runs search without a real worker. */
(function () {
  var config = document.getElementById("__config");
  var script = document.currentScript;
  if (!config || !script || location.protocol === "file:") return;
  var data = JSON.parse(config.textContent);
  if (!data.search) return;
  var worker = new URL(script.getAttribute("data-worker"), location.href);
  worker.searchParams.set("worker", new URL(data.search, location.href).href);
  data.search = worker.href;
  config.textContent = JSON.stringify(data);
})();
