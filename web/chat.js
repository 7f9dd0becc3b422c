/*
 * Clearsight chat page (/chat): starts Web Chat against our Direct Line, and ends the conversation on
 * Close, on quick exit and when the page goes away, so that nothing of it stays in the page or on the server.
 * Settings come from data-* attributes on #clearsight-chat (the page's CSP allows no inline script).
 * Nothing here writes cookies, localStorage, sessionStorage or IndexedDB.
 */
/* global watchForShiftThreeTimes */
(function () {
  'use strict';

  var root = document.getElementById('clearsight-chat');
  if (!root) return;
  var settings = root.dataset;
  var framed = window.parent !== window;
  var holder = document.getElementById('cs-webchat');
  var statusText = document.getElementById('cs-status');
  var restartButton = document.getElementById('cs-restart');
  var shiftStatus = document.getElementById('cs-shift-status');

  /** Direct Line's ConnectionStatus values (botframework-directlinejs). */
  var FAILED_TO_CONNECT = 4;
  var ENDED = 5;
  var PROBLEM =
    'Sorry, the chat is not working just now. Please try again in a few minutes. If someone is in danger right now, ring 999.';

  /** The chat on the page: { directLine, element, subscription }, or null. */
  var current = null;
  var starting = false;
  var leaving = false;

  var header = root.querySelector('.cs-header');
  // CSSOM, not a style attribute: allowed by the CSP. The server checked both colours and their contrast.
  header.style.backgroundColor = settings.headerColour;
  header.style.color = settings.headerTextColour;

  function say(text, restartLabel) {
    statusText.textContent = text;
    restartButton.hidden = !restartLabel;
    if (restartLabel) restartButton.textContent = restartLabel;
  }

  // ---- Starting ---------------------------------------------------------------------------------------

  function createDirectLine() {
    if (settings.mode === 'azure') {
      return fetch('/api/directline/token', { method: 'POST', credentials: 'omit', cache: 'no-store' })
        .then(function (response) {
          if (!response.ok) throw new Error('The token request failed: ' + response.status);
          return response.json();
        })
        .then(function (body) {
          return window.WebChat.createDirectLine({ token: body.token, domain: settings.endpoint, webSocket: true });
        });
    }
    // Built-in Direct Line: the server gives the conversation its token and a random user id.
    return Promise.resolve(
      window.WebChat.createDirectLine({ domain: location.origin + '/v3/directline', webSocket: settings.webSocket === 'true' }),
    );
  }

  /** A 2px solid near-black ring for Web Chat's own keyboard focus indicators (its defaults are 1px grey). */
  var FOCUS = { colour: '#0b0c0c', width: 2, style: 'solid' };

  function styleOptions() {
    return {
      hideUploadButton: true,
      hideTelephoneKeypadButton: true,
      accent: settings.accent,
      primaryFont: 'Arial, Helvetica, sans-serif',
      rootHeight: '100%',
      rootWidth: '100%',
      // Buttons that wrap, rather than a tall stack: at 200% zoom a stack of five leaves no room for the chat.
      suggestedActionLayout: 'flow',
      suggestedActionHeight: 44,
      suggestedActionKeyboardFocusIndicatorBorderColor: FOCUS.colour,
      suggestedActionKeyboardFocusIndicatorBorderWidth: FOCUS.width,
      suggestedActionKeyboardFocusIndicatorBorderStyle: FOCUS.style,
      sendBoxButtonKeyboardFocusIndicatorBorderColor: FOCUS.colour,
      sendBoxButtonKeyboardFocusIndicatorBorderWidth: FOCUS.width,
      sendBoxButtonKeyboardFocusIndicatorBorderStyle: FOCUS.style,
      transcriptActivityVisualKeyboardIndicatorColor: FOCUS.colour,
      transcriptActivityVisualKeyboardIndicatorWidth: FOCUS.width,
      transcriptActivityVisualKeyboardIndicatorStyle: FOCUS.style,
      transcriptVisualKeyboardIndicatorColor: FOCUS.colour,
      // Our own files: Web Chat's are blob: URLs, which the page's CSP refuses.
      spinnerAnimationBackgroundImage: "url('" + settings.spinnerImage + "')",
      typingAnimationBackgroundImage: "url('" + settings.typingImage + "')",
    };
  }

  function startChat(focusWhenReady) {
    if (current || starting || leaving) return;
    if (!window.WebChat) {
      say(PROBLEM, 'Try again');
      return;
    }
    starting = true;
    say('');
    createDirectLine().then(
      function (directLine) {
        starting = false;
        render(directLine, focusWhenReady);
      },
      function () {
        starting = false;
        say(PROBLEM, 'Try again');
      },
    );
  }

  function render(directLine, focusWhenReady) {
    if (leaving) {
      directLine.end();
      return;
    }
    var element = document.createElement('div');
    element.className = 'cs-webchat-root';
    holder.appendChild(element);
    var chat = { directLine: directLine, element: element, subscription: null };
    current = chat;
    chat.subscription = directLine.connectionStatus$.subscribe(function (status) {
      if (current !== chat) return;
      if (status === FAILED_TO_CONNECT) {
        dropChat();
        say(PROBLEM, 'Try again');
      } else if (status === ENDED) {
        // Ended by the server (after a long pause, or a restart): say so rather than show a dead chat.
        dropChat();
        say('This chat has ended and has been cleared from this page.', 'Start a new chat');
      }
    });
    window.WebChat.renderWebChat(
      { directLine: directLine, locale: settings.locale, nonce: settings.nonce, role: 'main', styleOptions: styleOptions() },
      element,
    );
    // The chat's landmark, named by the page's heading (the title), so that a screen reader announces it.
    var landmark = element.querySelector('[role="main"]');
    if (landmark) landmark.setAttribute('aria-labelledby', 'cs-title');
    if (focusWhenReady) focusMessageBox(element);
  }

  /** Puts focus in Web Chat's message box as soon as Web Chat has drawn it. */
  function focusMessageBox(element) {
    function tryFocus() {
      var box = element.querySelector('.webchat__send-box-text-box__input');
      if (!box) return false;
      box.focus();
      return true;
    }
    if (tryFocus()) return;
    var observer = new MutationObserver(function () {
      if (tryFocus() || !element.isConnected) observer.disconnect();
    });
    observer.observe(element, { childList: true, subtree: true });
  }

  // ---- Ending -----------------------------------------------------------------------------------------

  /** Fire and forget: the server deletes the conversation and the bot's memory of it. */
  function tellServerItEnded(directLine) {
    if (!directLine.conversationId || !directLine.token) return;
    try {
      fetch(directLine.domain + '/conversations/' + encodeURIComponent(directLine.conversationId) + '/activities', {
        method: 'POST',
        keepalive: true, // still sent while the page unloads
        credentials: 'omit',
        headers: { Authorization: 'Bearer ' + directLine.token, 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'endOfConversation', from: { id: 'user', role: 'user' } }),
      }).catch(function () {
        // Nothing to do: the server ends idle conversations by itself.
      });
    } catch {
      // As above.
    }
  }

  /** Stops the connection and removes Web Chat's DOM, so no part of the transcript stays in the page. */
  function dropChat() {
    var chat = current;
    current = null;
    if (!chat) return;
    if (chat.subscription) chat.subscription.unsubscribe();
    try {
      chat.directLine.end();
    } catch {
      // already ended
    }
    chat.element.remove();
  }

  function endChat() {
    if (current) tellServerItEnded(current.directLine);
    dropChat();
  }

  function closeChat() {
    endChat();
    say('This chat has ended and has been cleared from this page.', 'Start a new chat');
    // In embed.js's panel the parent page removes this frame and puts focus back on its launcher.
    if (framed) window.parent.postMessage({ type: 'clearsight:close' }, '*');
    else restartButton.focus();
  }

  function quickExit() {
    if (leaving) return;
    leaving = true;
    endChat();
    document.body.classList.add('cs-leaving');
    // Framed, the parent page leaves (it checks that the message comes from our origin); alone, we do.
    if (framed) window.parent.postMessage({ type: 'clearsight:exit' }, '*');
    else location.replace(settings.exitUrl);
  }

  // ---- Wiring -----------------------------------------------------------------------------------------

  root.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    if (!button) return;
    var action = button.getAttribute('data-action');
    if (action === 'exit') quickExit();
    else if (action === 'close') closeChat();
    else if (action === 'restart' && !window.WebChat) location.reload(); // Web Chat's script failed to load
    else if (action === 'restart') startChat(true);
  });
  watchForShiftThreeTimes(document, quickExit, function (text) {
    shiftStatus.textContent = text;
  });
  // On window, bubbling: Web Chat's own uses of Escape (leaving a message, closing its keyboard help) stop
  // the event before it gets here. Escape closes the panel the chat sits in; a chat page of its own stays open.
  window.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && framed && !event.defaultPrevented) closeChat();
  });
  // embed.js asks before it removes this frame: the chat is ended from a live page, then the frame may go.
  window.addEventListener('message', function (event) {
    if (!framed || event.source !== window.parent || !event.data || event.data.type !== 'clearsight:end') return;
    endChat();
    window.parent.postMessage({ type: 'clearsight:ended' }, '*');
  });
  window.addEventListener('pagehide', endChat);
  // Back to this page from the back-forward cache: start a new chat, the old one is gone.
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) return;
    leaving = false;
    document.body.classList.remove('cs-leaving');
    if (!current) startChat(false);
  });

  var webChatScript = document.getElementById('cs-webchat-script');
  if (window.WebChat) {
    startChat(framed);
  } else if (webChatScript) {
    webChatScript.addEventListener('load', function () {
      startChat(framed);
    });
    webChatScript.addEventListener('error', function () {
      say(PROBLEM, 'Try again');
    });
  }
})();
