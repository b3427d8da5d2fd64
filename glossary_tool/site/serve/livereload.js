// Live reload for `glossary-tool serve`: every page the server sends loads this script, whose tag carries the
// build's number (data-epoch) and the address of the news feed (data-events). The script asks the feed for news; the
// answer comes when the build's number or the error changes, or after a while with nothing new.
(function () {
  "use strict";
  var tag = document.currentScript;
  if (!tag) return;
  var epoch = Number(tag.getAttribute("data-epoch")) || 0;
  var events = tag.getAttribute("data-events") || "";
  var shown = null;

  // A broken edit keeps the last good page; the error is shown over it until the next good build.
  function banner(text) {
    if (shown) {
      shown.remove();
      shown = null;
    }
    if (!text) return;
    shown = document.createElement("pre");
    shown.setAttribute("role", "alert");
    shown.setAttribute("data-glossary-serve-error", "");
    shown.style.cssText = "position:fixed;z-index:1000;left:0;right:0;top:0;margin:0;padding:1em;max-height:50vh;overflow:auto;" +
      "background:#b71c1c;color:#fff;font:13px/1.4 monospace;white-space:pre-wrap";
    shown.textContent = text;
    document.body.appendChild(shown);
  }

  // After a partial rebuild the page's content is swapped in place, the way Material's instant navigation does it
  // (the navigation is the same), so styles and scripts are not loaded and run again and the scroll position stays.
  // After a full rebuild, or whatever goes wrong, the page is loaded again.
  function swap() {
    return fetch(location.href, { cache: "no-store" })
      .then(function (r) {
        if (!r.ok) throw new Error(String(r.status));
        return r.text();
      })
      .then(function (text) {
        var next = new DOMParser().parseFromString(text, "text/html");
        var now = document.querySelector("[data-md-component=container]");
        var fresh = next.querySelector("[data-md-component=container]");
        if (!now || !fresh || !window.document$) throw new Error("no content to swap");
        now.replaceWith(document.adoptNode(fresh));
        document.title = next.title;
        window.document$.next(document);
      });
  }

  function poll(error) {
    fetch(events + "?epoch=" + epoch + "&error=" + encodeURIComponent(error), { cache: "no-store" })
      .then(function (r) {
        return r.json();
      })
      .then(function (news) {
        if (news.epoch === epoch) {
          banner(news.error);
          poll(news.error);
          return;
        }
        var full = news.full > epoch;
        epoch = news.epoch;
        (full ? Promise.reject(new Error("full rebuild")) : swap()).then(
          function () {
            banner(news.error);
            poll(news.error);
          },
          function () {
            location.reload();
          });
      })
      .catch(function () {
        setTimeout(function () {
          poll(error);
        }, 1000);
      });
  }

  poll("");
})();
