/*
 * Load Material's search when the reader first opens it, not on every first visit.
 *
 * How Material 9.8 does it (src/templates/assets/javascripts/bundle.ts and
 * integrations/search/worker/_/index.ts in its bundle's source map): as soon as the bundle
 * runs, it starts its search worker (`new Worker(config.search)`, about 12 kB gzip) and, in
 * the page itself, requests search/search_index.json with an XMLHttpRequest (about 90 kB
 * gzip), then posts the index to the worker. It waits for the reader only on file://
 * pages. The query box already waits for the worker's "ready" answer and then sends the
 * latest query, so a query typed while the index loads is answered once it is in.
 *
 * This script runs before the bundle (both are deferred, in document order) and holds the
 * two back until the reader shows they want to search: focus in the search box (the "/",
 * "s" or "f" keys, a click or a tap on the search field or icon) or a pointer pressed on
 * the search label. A page opened from a search result (?h=, highlighting) or from a
 * shared search (?q=) starts them at once. Nothing else changes: Material makes the same
 * request and starts the same worker, only later.
 */
(function () {
  "use strict";

  const INDEX = /\/search\/search_index\.json$/;
  const SEARCH_WORKER = /\/assets\/javascripts\/workers\/search\.[0-9a-f]+\.min\.js$/;
  const waiting = [];
  let started = false;

  function start() {
    if (started) return;
    started = true;
    for (const release of waiting.splice(0)) release();
  }

  function path(url) {
    try {
      return new URL(String(url), document.baseURI).pathname;
    } catch (error) {
      return "";
    }
  }

  // The index request: opened as usual, sent once search starts.
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.guideSearchIndex = INDEX.test(path(url));
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...body) {
    if (!this.guideSearchIndex || started) return send.apply(this, body);
    waiting.push(() => {
      if (this.readyState === XMLHttpRequest.OPENED) send.apply(this, body); // not aborted meanwhile
    });
  };

  // The search worker: a stand-in that keeps the page's messages until the real one runs.
  const NativeWorker = window.Worker;
  if (typeof NativeWorker === "function") {
    class WorkerOnDemand extends EventTarget {
      constructor(url, options) {
        super();
        this.queue = [];
        this.worker = null;
        waiting.push(() => {
          const worker = new NativeWorker(url, options);
          for (const type of ["message", "messageerror", "error"]) {
            worker.addEventListener(type, (event) => {
              const copy = type === "error" ? new Event("error") : new MessageEvent(type, { data: event.data });
              this.dispatchEvent(copy);
            });
          }
          for (const message of this.queue.splice(0)) worker.postMessage(...message);
          this.worker = worker;
        });
      }

      postMessage(...message) {
        if (this.worker) this.worker.postMessage(...message);
        else this.queue.push(message);
      }

      terminate() {
        if (this.worker) this.worker.terminate();
        this.queue.length = 0;
      }
    }
    window.Worker = function Worker(url, options) {
      if (started || !SEARCH_WORKER.test(path(url))) return new NativeWorker(url, options);
      return new WorkerOnDemand(url, options);
    };
    window.Worker.prototype = NativeWorker.prototype;
  }

  // What starts it.
  const params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h") || location.protocol === "file:") {
    start();
    return;
  }
  document.addEventListener("focusin", (event) => {
    if (event.target instanceof Element && event.target.matches(".md-search__input")) start();
  });
  document.addEventListener("pointerdown", (event) => {
    if (event.target instanceof Element && event.target.closest("label[for='__search'], .md-search")) start();
  }, { capture: true, passive: true });
  document.addEventListener("change", (event) => {
    if (event.target instanceof Element && event.target.id === "__search") start();
  });
  // Material puts the cursor in the search box for its header's search label only; a label in
  // the content (the 404 page's "Search the guide") does the same here.
  document.addEventListener("click", (event) => {
    const label = event.target instanceof Element && event.target.closest("label[for='__search']");
    if (label && !label.closest("header")) document.querySelector(".md-search__input")?.focus();
  });
})();
