/*
 * Clearsight chat for any website: paste one script tag before </body>.
 *
 *   <script src="https://chat.example.org/embed.js" async
 *     data-title="Worried about a child?"
 *     data-colour="#1d70b8" data-text-colour="#ffffff"
 *     data-position="right" data-language="en-GB"></script>
 *
 * Attributes (all optional):
 *   data-title        The launcher button's text and the chat's title, up to 60 characters.
 *                     Default "Clearsight chat".
 *   data-colour       Background of the launcher and of the chat's header, as #rrggbb or #rgb. Default #1d70b8.
 *   data-text-colour  Text on that background, as #rrggbb or #rgb. Default #ffffff. If the pair has a contrast
 *                     ratio below 4.5:1 (WCAG AA), both defaults are used instead.
 *   data-position     "right" (default) or "left": the bottom corner the buttons and the chat sit in.
 *   data-language     The language of the chat's own controls. Only "en-GB" for now; others fall back to it.
 *   data-exit-url     Where "Exit this page" and Shift pressed three times go (http or https only).
 *                     Default: the chat service's WEBCHAT_EXIT_URL.
 *
 * What it adds: an "Exit this page" button and a launcher in a bottom corner; the chat opens in a panel
 * holding an iframe of the chat service's /chat page, so the chat keeps to the service's own origin (nothing
 * is stored on this site, and this site's styles cannot change it). Closing the panel ends the chat and
 * clears it; opening it again starts a new one. Quick exit (the button, or Shift three times) hides the
 * chat at once, removes it as soon as it has ended its conversation, and replaces this page with the exit URL. The site's origin must be listed in the service's
 * WEBCHAT_EMBED_ORIGINS, or the browser will refuse to show the chat.
 *
 * The server serves this file inside a wrapper function with web/shift-exit.js, and replaces the exit URL
 * placeholder below with its configured WEBCHAT_EXIT_URL.
 */
/* global watchForShiftThreeTimes */
(function () {
  'use strict';

  var SERVER_EXIT_URL = '__CLEARSIGHT_EXIT_URL__';
  var DEFAULT_TITLE = 'Clearsight chat';
  var MAX_TITLE_LENGTH = 60;
  var DEFAULT_COLOURS = { background: '#1d70b8', text: '#ffffff' };
  var MIN_TEXT_CONTRAST = 4.5;
  var TOP = '2147483000';

  var script = document.currentScript || document.querySelector('script[src$="/embed.js"]');
  if (!script || !script.src) return;
  var chatOrigin = new URL(script.src, location.href).origin;

  // ---- Settings from the script tag --------------------------------------------------------------------

  function hexColour(raw) {
    if (!/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(raw || '')) return null;
    var hex = raw.slice(1).toLowerCase();
    if (hex.length === 3) hex = hex.replace(/./g, '$&$&');
    return '#' + hex;
  }

  function luminance(hex) {
    var channels = [1, 3, 5].map(function (i) {
      var v = parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  }

  /** The WCAG 2 contrast ratio of two #rrggbb colours. */
  function contrast(a, b) {
    var la = luminance(a);
    var lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  function coloursFrom(background, text) {
    var bg = hexColour(background);
    var fg = hexColour(text);
    if (bg && fg && contrast(bg, fg) >= MIN_TEXT_CONTRAST) return { background: bg, text: fg };
    return DEFAULT_COLOURS;
  }

  function titleFrom(raw) {
    // eslint-disable-next-line no-control-regex
    var title = (raw || '').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim();
    return title && Array.from(title).length <= MAX_TITLE_LENGTH ? title : DEFAULT_TITLE;
  }

  function exitUrlFrom(raw) {
    try {
      var url = new URL(raw || '');
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
    } catch {
      // not a URL: the server's
    }
    return SERVER_EXIT_URL;
  }

  var settings = {
    title: titleFrom(script.dataset.title),
    colours: coloursFrom(script.dataset.colour, script.dataset.textColour),
    side: script.dataset.position === 'left' ? 'left' : 'right',
    language: script.dataset.language || 'en-GB',
    exitUrl: exitUrlFrom(script.dataset.exitUrl),
  };

  function chatUrl() {
    var query = new URLSearchParams({
      title: settings.title,
      lang: settings.language,
      colour: settings.colours.background,
      'text-colour': settings.colours.text,
    });
    return chatOrigin + '/chat?' + query.toString();
  }

  // ---- Styles (in a shadow root: the host page's styles cannot reach in, ours cannot leak out) ---------

  function css() {
    var side = settings.side;
    var other = side === 'left' ? 'right' : 'left';
    return [
      ':host{all:initial}',
      '.dock,.panel{position:fixed;bottom:16px;' + side + ':16px;' + other + ':auto;z-index:' + TOP + '}',
      '.dock{display:flex;flex-wrap:wrap;gap:8px;max-width:calc(100vw - 32px);justify-content:' + (side === 'left' ? 'flex-start' : 'flex-end') + '}',
      '.dock[hidden],.panel[hidden],.overlay[hidden]{display:none}',
      'button{font:700 medium/1.25 Arial,Helvetica,sans-serif;margin:0;min-height:44px;padding:10px 16px;border:2px solid transparent;border-radius:4px;cursor:pointer;display:inline-flex;align-items:center;gap:8px;box-shadow:0 2px 6px rgba(0,0,0,.3)}',
      '.launcher{background:' + settings.colours.background + ';color:' + settings.colours.text + '}',
      '.launcher svg{width:1.25em;height:1.25em;fill:currentColor;flex:none}',
      '.exit{background:#b10e1e;color:#ffffff}',
      'button:hover{text-decoration:underline}',
      'button:focus-visible{outline:3px solid #0b0c0c;outline-offset:0;box-shadow:0 0 0 6px #ffdd00;background:#ffdd00;color:#0b0c0c}',
      '.panel{display:flex;width:400px;height:640px;max-width:calc(100vw - 32px);max-height:calc(100vh - 32px);background:#ffffff;border:1px solid #505a5f;border-radius:8px;overflow:hidden;box-shadow:0 4px 16px rgba(0,0,0,.35)}',
      '.panel iframe{flex:1;display:block;width:100%;height:100%;border:0}',
      '@media (max-width:480px),(max-height:480px){.panel{top:0;right:0;bottom:0;left:0;width:auto;height:auto;max-width:none;max-height:none;border:0;border-radius:0}}',
      '.overlay{position:fixed;top:0;right:0;bottom:0;left:0;z-index:2147483647;background:#ffffff;color:#0b0c0c;font:medium Arial,Helvetica,sans-serif;display:flex;align-items:center;justify-content:center}',
      '.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}',
    ].join('\n');
  }

  /** A constructed stylesheet where supported: host pages' CSP (style-src) does not block it, a <style> might. */
  function addStyles(root) {
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css());
      root.adoptedStyleSheets = [sheet];
    } catch {
      var style = document.createElement('style');
      style.textContent = css();
      root.appendChild(style);
    }
  }

  // ---- The widget -------------------------------------------------------------------------------------

  function element(tag, attributes, text) {
    var el = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) {
      el.setAttribute(name, attributes[name]);
    });
    if (text) el.textContent = text;
    return el;
  }

  function chatIcon() {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
    svg.appendChild(path);
    return svg;
  }

  function mount() {
    if (document.querySelector('[data-clearsight-embed]')) return; // the tag was pasted twice
    var host = element('div', { 'data-clearsight-embed': '' });
    var root = host.attachShadow({ mode: 'open' });
    addStyles(root);

    var dock = element('div', { class: 'dock' });
    var exitButton = element('button', { type: 'button', class: 'exit' }, 'Exit this page');
    var launcher = element('button', { type: 'button', class: 'launcher' });
    launcher.appendChild(chatIcon());
    launcher.appendChild(element('span', {}, settings.title));
    dock.appendChild(exitButton);
    dock.appendChild(launcher);
    var panel = element('section', { class: 'panel', 'aria-label': settings.title, hidden: '' });
    var status = element('div', { class: 'visually-hidden', role: 'status' });
    var overlay = element('div', { class: 'overlay', hidden: '' });
    root.appendChild(dock);
    root.appendChild(panel);
    root.appendChild(status);
    root.appendChild(overlay);
    document.body.appendChild(host);

    var frame = null;

    function openChat() {
      if (frame) return;
      frame = element('iframe', { title: settings.title, src: chatUrl(), referrerpolicy: 'no-referrer' });
      panel.appendChild(frame);
      panel.hidden = false;
      dock.hidden = true;
      // Focus goes into the chat; the chat page then puts it in its message box.
      frame.focus();
      frame.addEventListener('load', function () {
        if (frame) frame.focus();
      });
    }

    /**
     * Takes a chat frame off the page. It is hidden at once; the chat page inside is first asked to end its
     * conversation (a request sent from a live page goes out; one sent while a removed frame unloads can be
     * dropped by the browser), and the frame is removed as soon as it says it has, or after three seconds at most
     * (a chat page still drawing Web Chat on a busy phone can take more than a second to answer).
     */
    function dropFrame(leaving) {
      leaving.style.display = 'none';
      var gone = false;
      function remove() {
        if (gone) return;
        gone = true;
        window.removeEventListener('message', onEnded);
        leaving.remove();
      }
      function onEnded(event) {
        if (event.source !== leaving.contentWindow || event.origin !== chatOrigin) return;
        if (event.data && event.data.type === 'clearsight:ended') remove();
      }
      window.addEventListener('message', onEnded);
      try {
        leaving.contentWindow.postMessage({ type: 'clearsight:end' }, chatOrigin);
      } catch {
        remove();
        return;
      }
      window.setTimeout(remove, 3000);
    }

    /** Closing ends the chat: without its iframe the conversation is gone from this page. */
    function closeChat() {
      if (!frame) return;
      dropFrame(frame);
      frame = null;
      panel.hidden = true;
      dock.hidden = false;
      launcher.focus();
    }

    function quickExit() {
      if (frame) {
        dropFrame(frame); // hidden at once, gone within three seconds: the transcript goes with it
        frame = null;
      }
      panel.hidden = true;
      dock.hidden = true;
      overlay.textContent = 'Loading.';
      overlay.hidden = false; // hide this page while the browser leaves it
      location.replace(settings.exitUrl);
    }

    launcher.addEventListener('click', openChat);
    exitButton.addEventListener('click', quickExit);
    watchForShiftThreeTimes(document, quickExit, function (text) {
      status.textContent = text;
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && frame && document.activeElement === host) closeChat();
    });
    window.addEventListener('message', function (event) {
      if (!frame || event.source !== frame.contentWindow || event.origin !== chatOrigin) return;
      var type = event.data && event.data.type;
      if (type === 'clearsight:exit') quickExit();
      else if (type === 'clearsight:close') closeChat();
    });
    // Back to this page from the bfcache after an exit: show the buttons again, not the white overlay.
    window.addEventListener('pageshow', function (event) {
      if (!event.persisted) return;
      overlay.hidden = true;
      dock.hidden = frame !== null;
    });
  }

  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
