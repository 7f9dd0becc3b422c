import { html, type Html, type HtmlValue } from '../../http/html';
import type { QueueItem } from '../queueItem';
import { durationWords, timeTag } from './timeText';

/** A problem to show in an error summary; `field` is the id of the control it is about, if any. */
export interface PageError {
  text: string;
  field?: string;
}

/** GOV.UK error summary: first on the page, each problem linking to its control. */
export function errorSummary(errors: readonly PageError[]): Html {
  if (errors.length === 0) return html``;
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary" tabindex="-1" autofocus>
  <div role="alert">
    <h2 class="govuk-error-summary__title">There is a problem</h2>
    <div class="govuk-error-summary__body">
      <ul class="govuk-list govuk-error-summary__list">
        ${errors.map((e) => html`<li>${e.field ? html`<a href="#${e.field}">${e.text}</a>` : e.text}</li>`)}
      </ul>
    </div>
  </div>
</div>`;
}

/** The error message above a control, when the summary names it. */
export function fieldError(errors: readonly PageError[], field: string): Html {
  const error = errors.find((e) => e.field === field);
  return error
    ? html`<p id="${field}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error.text}</p>`
    : html``;
}

export function hasFieldError(errors: readonly PageError[], field: string): boolean {
  return errors.some((e) => e.field === field);
}

/** A green banner confirming what was just done. */
export function successBanner(text: string): Html {
  return html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="banner-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header">
    <h2 class="govuk-notification-banner__title" id="banner-title">Success</h2>
  </div>
  <div class="govuk-notification-banner__content">
    <p class="govuk-notification-banner__heading">${text}</p>
  </div>
</div>`;
}

export function tag(text: string, colour: string): Html {
  return html`<strong class="govuk-tag ${colour}">${text}</strong>`;
}

/** A summary list row: the key, then the value. */
export type SummaryRow = readonly [key: HtmlValue, value: HtmlValue];

export function summaryList(rows: readonly SummaryRow[]): Html {
  return html`<dl class="govuk-summary-list">
  ${rows.map(([key, value]) => html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${key}</dt><dd class="govuk-summary-list__value">${value}</dd></div>`)}
</dl>`;
}

/** The hidden field every form that changes something carries. */
export function csrfField(token: string): Html {
  return html`<input type="hidden" name="csrf" value="${token}">`;
}

/** Someone's text, line breaks kept; every line escaped. */
export function multiline(text: string): Html {
  return html`${text.split(/\r?\n/).map((line, i) => html`${i > 0 ? html`<br>` : ''}${line}`)}`;
}

/** Shown where a reporter skipped a question. */
export function notAnswered(): Html {
  return html`<span class="govuk-hint govuk-!-margin-bottom-0">Not answered</span>`;
}

/**
 * The due clock: when a decision is due and how long is left, or a red OVERDUE tag and how late it is.
 * Closed concerns and those with a decision just show the time.
 */
export function dueClock(item: QueueItem, now: Date): Html {
  const left = Date.parse(item.dueAt) - now.getTime();
  if (item.overdue) {
    return html`${tag('Overdue', 'govuk-tag--red')} <span class="govuk-!-display-block">was due ${timeTag(item.dueAt)} (${durationWords(left)} ago)</span>`;
  }
  if (item.status === 'closed' || item.outcome !== null) return html`${timeTag(item.dueAt)}`;
  return html`${timeTag(item.dueAt)} <span class="govuk-!-display-block">in ${durationWords(left)}</span>`;
}
