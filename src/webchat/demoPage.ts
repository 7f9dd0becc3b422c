import { html, type Html } from '../http/html';

export interface DemoPageOptions {
  /** URL (with its ?v= hash) of the demo page's stylesheet. */
  stylesheet: string;
}

/**
 * GET /: a made-up council's page about keeping children safe, clearly marked as a demo, with the chat added
 * by the same one-line script tag a council would paste into its own site.
 */
export function demoPage({ stylesheet }: DemoPageOptions): Html {
  return html`<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Keeping children safe from criminal exploitation \u2013 Example Council (demo)</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <link rel="stylesheet" href="${stylesheet}">
</head>
<body>
  <a class="demo-skip" href="#main">Skip to main content</a>
  <div class="demo-banner">
    <p class="demo-wrap"><strong>Demo page.</strong> Example Council is not a real council. This page shows how a council website adds the Clearsight chat with one line of code.</p>
  </div>
  <header class="demo-header">
    <p class="demo-wrap demo-logo">Example Council</p>
  </header>
  <main id="main" class="demo-wrap" tabindex="-1">
    <h1>Keeping children safe from criminal exploitation</h1>
    <p class="demo-lead">Some adults and gangs get children to commit crime for them: carrying drugs or money, stealing, or hiding weapons. This is called child criminal exploitation. County lines is one kind of it.</p>

    <h2>Signs to look out for</h2>
    <ul>
      <li>going missing, or staying out late in places they have no reason to be</li>
      <li>money, clothes, trainers or phones they can\u2019t explain</li>
      <li>more than one phone, or a phone that never stops ringing</li>
      <li>new friends who are older, or being picked up in cars by people you don\u2019t know</li>
      <li>injuries they won\u2019t talk about</li>
      <li>missing school, or seeming scared, secretive or angry</li>
    </ul>
    <p>One sign on its own does not prove anything. Several signs together, or a sudden change, are worth talking about.</p>

    <h2>The child is a victim</h2>
    <p>A child who is made to commit crime is being abused. It is not their fault, even if they seem to go along with it.</p>

    <h2>Talk to our chat helper</h2>
    <p>Clearsight can answer your questions and help you pass on a worry to the right team. You don\u2019t have to give your name. Open it with the <strong>Clearsight chat</strong> button at the bottom of the page.</p>
    <p>Clearsight is automated. Nobody watches the chat live.</p>

    <h2>Leaving this page quickly</h2>
    <p>Use the <strong>Exit this page</strong> button, or press the Shift key 3 times, to leave this page at once for another website. Closing the chat clears it from the page.</p>
    <p>This does not clear your browser\u2019s history. On a shared phone or computer, a private or incognito window is safest.</p>

    <div class="demo-urgent">
      <p><strong>If a child is in danger right now, ring 999.</strong></p>
    </div>
  </main>
  <footer class="demo-footer">
    <p class="demo-wrap">Example Council is made up for this demonstration.</p>
  </footer>
  <script src="/embed.js" data-title="Clearsight chat" data-colour="#1d70b8" data-text-colour="#ffffff" data-position="right" data-language="en-GB" async></script>
</body>
</html>`;
}
