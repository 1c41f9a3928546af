/*
 * Sign-up, as progressive enhancement: puts the browser's time zone (e.g. Europe/Berlin) into the form's hidden
 * [data-time-zone] field, so a new workspace asks clients in the freelancer's working hours and counts the
 * dashboard's days at their midnight from the start. Without JavaScript the field stays as it is and the workspace
 * starts on UTC; the server accepts only the zones Settings offers. No inline script: the CSP allows 'self' only.
 */
(function () {
  'use strict';
  var field = document.querySelector('input[data-time-zone]');
  if (!field || typeof Intl === 'undefined' || !Intl.DateTimeFormat) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone) field.value = zone;
})();
