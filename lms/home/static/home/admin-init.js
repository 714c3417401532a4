// Starts the Wagtail admin widgets that Wagtail would start with inline scripts, from the
// inert <template data-qd-init> markers written by lms/home/admin_csp.py, so the admin runs
// with "script-src 'self'". Only the initialisers below can be named by a marker.
(() => {
  "use strict";

  // marker name: [the global Wagtail defines, how it is started]
  const construct = (id, options, Widget) => new Widget(id, options);
  const call = (id, options, initialise) => initialise(id, options);
  const INITIALISERS = {
    Chooser: ["Chooser", construct],
    PageChooser: ["PageChooser", construct],
    SnippetChooser: ["SnippetChooser", construct],
    ImageChooser: ["ImageChooser", construct],
    DocumentChooser: ["DocumentChooser", construct],
    createTaskChooser: ["createTaskChooser", (id, options, create) => create(id)],
    initDateChooser: ["initDateChooser", call],
    initTimeChooser: ["initTimeChooser", call],
    initDateTimeChooser: ["initDateTimeChooser", call],
    InlinePanel: ["InlinePanel", (id, options, Panel) => new Panel(options)],
    MultipleChooserPanel: ["MultipleChooserPanel", (id, options, Panel) => new Panel(options)],
  };

  function start(marker) {
    if (marker.dataset.qdStarted) {
      return;
    }
    const entry = INITIALISERS[marker.dataset.qdInit];
    if (!entry) {
      marker.dataset.qdStarted = "unknown";
      console.error("Unknown admin widget initialiser", marker.dataset.qdInit);
      return;
    }
    const [globalName, initialise] = entry;
    if (typeof window[globalName] !== "function") {
      return; // its script is not loaded yet: tried again when the document is complete
    }
    marker.dataset.qdStarted = "1";
    initialise(marker.dataset.qdId, JSON.parse(marker.dataset.qdOptions || "{}"), window[globalName]);
  }

  function startAll(root) {
    if (root.nodeType !== Node.ELEMENT_NODE && root.nodeType !== Node.DOCUMENT_NODE) {
      return;
    }
    if (root.matches && root.matches("template[data-qd-init]")) {
      start(root);
    }
    // Markers inside a <template>'s content (an inline panel's empty form) are not in the
    // document and wait until a copy of them is inserted.
    root.querySelectorAll("template[data-qd-init]").forEach(start);
  }

  // Markers start as they arrive: while the page is parsed (in document order, as the
  // inline scripts did) and whenever Wagtail inserts HTML later.
  new MutationObserver((mutations) => {
    mutations.forEach((mutation) => mutation.addedNodes.forEach(startAll));
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", () => startAll(document));
})();
