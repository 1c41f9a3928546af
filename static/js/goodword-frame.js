/* Goodword widget, inside the iframe: tells the embedding page its height, and nothing else. */
(function () {
  if (window.parent === window) return;
  var last = 0;
  function send() {
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h !== last && h > 0) {
      last = h;
      window.parent.postMessage({ goodwordHeight: h }, '*');
    }
  }
  window.addEventListener('load', send);
  window.addEventListener('resize', send);
  if (window.ResizeObserver) new ResizeObserver(send).observe(document.documentElement);
  send();
})();
