/*
 * Clearsight: the quick-exit keyboard shortcut, as in GOV.UK's "Exit this page" component. Pressing Shift
 * three times in a row leaves the page. A Shift press only counts on its own (not while typing a capital
 * letter), any other key starts the count again, and so does a pause: the three presses must come within
 * SHIFT_EXIT_WINDOW_MS (2 seconds: quick enough not to fire by chance, slow enough for unsteady hands;
 * GOV.UK's component allows 5).
 *
 * Shared by the chat page (loaded as its own script) and embed.js (the server puts it inside embed.js's
 * wrapper function, so that nothing is added to a council page's globals).
 */
/* exported watchForShiftThreeTimes */

/**
 * Calls onExit when Shift is pressed three times in a row on `doc`. `announce(text)` is given a short
 * message for a live region after the first and second press ("Shift, press 2 more times to exit."), and
 * '' when the count starts again.
 */
function watchForShiftThreeTimes(doc, onExit, announce) {
  'use strict';
  var SHIFT_EXIT_WINDOW_MS = 2000;
  var presses = [];
  var shiftAlone = false;

  function startAgain() {
    if (presses.length > 0) {
      presses = [];
      announce('');
    }
  }

  doc.addEventListener(
    'keydown',
    function (event) {
      if (event.key === 'Shift') {
        shiftAlone = true;
      } else {
        // Another key while Shift is held (a capital letter) or between presses: not a quick exit.
        shiftAlone = false;
        startAgain();
      }
    },
    true,
  );
  doc.addEventListener(
    'keyup',
    function (event) {
      if (event.key !== 'Shift' || !shiftAlone) return;
      shiftAlone = false;
      var now = Date.now();
      presses = presses.filter(function (at) {
        return now - at <= SHIFT_EXIT_WINDOW_MS;
      });
      presses.push(now);
      if (presses.length >= 3) {
        presses = [];
        announce('');
        onExit();
      } else {
        announce(presses.length === 1 ? 'Shift, press 2 more times to exit.' : 'Shift, press 1 more time to exit.');
      }
    },
    true,
  );
}
