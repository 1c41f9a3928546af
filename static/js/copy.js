/*
 * Copy buttons, as progressive enhancement. Every [data-copy] element works without JavaScript: a read-only field
 * whose text can be selected, or a link. With JavaScript a "Copy" button follows it; the words come from the body's
 * data-copy-label / data-copied-label / data-copy-failed-label (in the page's language). No inline script: the CSP
 * allows scripts from 'self' only.
 */
(function () {
  'use strict';
  var body = document.body;
  var labels = {
    copy: body.getAttribute('data-copy-label') || 'Copy',
    copied: body.getAttribute('data-copied-label') || 'Copied',
    failed: body.getAttribute('data-copy-failed-label') || 'Press Ctrl+C to copy'
  };

  function textOf(el) {
    if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') return el.value;
    return el.getAttribute('href') || el.textContent;
  }

  // Without the async clipboard (plain http on a LAN address), a selected temporary field and execCommand.
  function legacyCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    body.removeChild(area);
    return ok;
  }

  function enhance(el) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary copy-button';
    button.textContent = labels.copy;
    if (el.id) button.setAttribute('aria-describedby', el.id);
    var status = document.createElement('span');
    status.className = 'copy-status';
    status.setAttribute('role', 'status');
    function show(ok) {
      status.textContent = ok ? labels.copied : labels.failed;
      if (!ok && el.select) { el.focus(); el.select(); }
    }
    button.addEventListener('click', function () {
      var text = textOf(el);
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { show(true); }, function () { show(legacyCopy(text)); });
      } else {
        show(legacyCopy(text));
      }
    });
    if (el.select) el.addEventListener('focus', function () { el.select(); });
    el.insertAdjacentElement('afterend', button);
    button.insertAdjacentElement('afterend', status);
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-copy]'), enhance);
})();
