import { html, type Html } from '../../http/html';
import { csrfField } from './govukParts';

/** Where the console's stylesheet is served (see consoleAssets.ts). */
export const STYLESHEET_PATH = '/triage/assets/govuk-frontend.min.css';
export const SERVICE_NAME = 'Clearsight triage';

/** Who is signed in, as the header shows them. */
export interface SignedIn {
  name: string;
  agencyName: string;
  csrfToken: string;
}

export interface LayoutOptions {
  /** The page's own title; the service name is added. Starts "Error: " when the page shows an error. */
  title: string;
  signedIn?: SignedIn;
  /** Wider pages (the queue table) use the full width of a laptop screen. */
  wide?: boolean;
}

/** The GOV.UK page template, without GOV.UK's own logo, font or scripts (this is a council tool). */
export function layout(options: LayoutOptions, content: Html): Html {
  return html`<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
  <meta charset="utf-8">
  <title>${options.title} \u2013 ${SERVICE_NAME}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body class="govuk-template__body">
  <a href="#main-content" class="govuk-skip-link">Skip to main content</a>
  <header class="govuk-template__header">
    <div class="govuk-generic-header">
      <div class="govuk-generic-header__container govuk-width-container${options.wide ? ' console-wide' : ''}">
        <div class="govuk-generic-header__logo">
          <a href="/triage" class="govuk-generic-header__homepage-link">${SERVICE_NAME}</a>
        </div>
      </div>
    </div>
    ${options.signedIn ? accountBar(options.signedIn, options.wide ?? false) : ''}
  </header>
  <div class="${options.wide ? 'govuk-width-container console-wide' : 'govuk-width-container'}">
    <main class="govuk-main-wrapper" id="main-content" tabindex="-1">
${content}
    </main>
  </div>
</body>
</html>`;
}

function accountBar(signedIn: SignedIn, wide: boolean): Html {
  return html`<section aria-label="Your account" class="govuk-service-navigation">
      <div class="govuk-width-container govuk-service-navigation__inlining-container${wide ? ' console-wide' : ''}">
        <div class="govuk-service-navigation__container">
          <span class="govuk-service-navigation__service-name">
            <span class="govuk-service-navigation__text">${signedIn.name}, ${signedIn.agencyName}</span>
          </span>
          <nav aria-label="Console" class="govuk-service-navigation__wrapper">
            <ul class="govuk-service-navigation__list">
              <li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/triage">Queue</a></li>
            </ul>
          </nav>
        </div>
        <form method="post" action="/triage/sign-out" class="govuk-!-margin-top-2 govuk-!-margin-bottom-2">
          ${csrfField(signedIn.csrfToken)}
          <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Sign out</button>
        </form>
      </div>
    </section>`;
}

/** The whole page as the response body. */
export function pageText(page: Html): string {
  return page.toString();
}
