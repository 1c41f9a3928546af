/* Goodword widget loader: <script src="https://…/embed/{slug}.js" data-layout="grid" async></script>
   inserts the widget's iframe after itself and keeps its height fitted to the content. No dependencies. */
(function () {
  var s = document.currentScript;
  if (!s || !s.src) return;
  var src = new URL(s.src);
  var m = src.pathname.match(/\/embed\/([a-z0-9-]+)\.js$/);
  if (!m) return;
  var q = [];
  ['layout', 'theme', 'tag', 'limit', 'min-rating'].forEach(function (k) {
    var v = s.getAttribute('data-' + k);
    if (v) q.push((k === 'min-rating' ? 'minRating' : k) + '=' + encodeURIComponent(v));
  });
  var f = document.createElement('iframe');
  f.src = src.origin + '/embed/' + m[1] + (q.length ? '?' + q.join('&') : '');
  f.title = s.getAttribute('data-title') || 'Testimonials';
  f.setAttribute('loading', 'lazy');
  f.setAttribute('scrolling', 'no');
  f.style.width = '100%';
  f.style.border = '0';
  f.style.height = '420px';
  f.style.display = 'block';
  s.parentNode.insertBefore(f, s.nextSibling);
  window.addEventListener('message', function (e) {
    if (e.source !== f.contentWindow || e.origin !== src.origin) return;
    var h = e.data && e.data.goodwordHeight;
    if (typeof h === 'number' && h > 0 && h < 100000) f.style.height = Math.ceil(h) + 'px';
  });
})();
