import { html, type Html } from '../../http/html';
import { csrfField } from './govukParts';

/** Where the console's stylesheet is served (see consoleAssets.ts). */
export const STYLESHEET_PATH = '/triage/assets/govuk-frontend.min.css';
export const SERVICE_NAME = 'Clearsight triage';

/** A link in the console's navigation; `current` marks the page being shown. */
export interface NavLink {
  href: string;
  text: string;
  current?: boolean;
}

/** The navigation every page shows unless it says otherwise. */
export const DEFAULT_NAV: readonly NavLink[] = [{ href: '/triage', text: 'Queue' }];

/** Who is signed in, as the header shows them. */
export interface SignedIn {
  name: string;
  agencyName: string;
  csrfToken: string;
  /** The navigation this person's role has (the queue; the indicators for managers and the partnership). */
  nav?: readonly NavLink[];
}

export interface LayoutOptions {
  /** The page's own title; the service name is added. Starts "Error: " when the page shows an error. */
  title: string;
  signedIn?: SignedIn;
  /** Wider pages (the queue table) use the full width of a laptop screen. */
  wide?: boolean;
  /** The console's navigation (default: the queue); none when empty. */
  nav?: readonly NavLink[];
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
    ${options.signedIn ? accountBar(options.signedIn, options.wide ?? false, options.nav ?? options.signedIn.nav ?? DEFAULT_NAV) : ''}
  </header>
  <div class="${options.wide ? 'govuk-width-container console-wide' : 'govuk-width-container'}">
    <main class="govuk-main-wrapper" id="main-content" tabindex="-1">
${content}
    </main>
  </div>
</body>
</html>`;
}

function accountBar(signedIn: SignedIn, wide: boolean, nav: readonly NavLink[]): Html {
  return html`<section aria-label="Your account" class="govuk-service-navigation">
      <div class="govuk-width-container govuk-service-navigation__inlining-container${wide ? ' console-wide' : ''}">
        <div class="govuk-service-navigation__container">
          <span class="govuk-service-navigation__service-name">
            <span class="govuk-service-navigation__text">${signedIn.name}, ${signedIn.agencyName}</span>
          </span>
          ${nav.length > 0 ? navigation(nav) : ''}
        </div>
        <form method="post" action="/triage/sign-out" class="govuk-!-margin-top-2 govuk-!-margin-bottom-2">
          ${csrfField(signedIn.csrfToken)}
          <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Sign out</button>
        </form>
      </div>
    </section>`;
}

function navigation(nav: readonly NavLink[]): Html {
  return html`<nav aria-label="Console" class="govuk-service-navigation__wrapper">
            <ul class="govuk-service-navigation__list">
              ${nav.map((link) =>
                link.current
                  ? html`<li class="govuk-service-navigation__item govuk-service-navigation__item--active"><a class="govuk-service-navigation__link" href="${link.href}" aria-current="page"><strong class="govuk-service-navigation__active-fallback">${link.text}</strong></a></li>`
                  : html`<li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="${link.href}">${link.text}</a></li>`,
              )}
            </ul>
          </nav>`;
}

/** The whole page as the response body. */
export function pageText(page: Html): string {
  return page.toString();
}
