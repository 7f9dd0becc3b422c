import { CONCERN_STATUSES } from '../../concerns/concern';
import { html, type Html } from '../../http/html';
import type { QueueItem } from '../queueItem';
import type { DoneCode } from '../staffCommands';
import type { QueueFilter } from '../triageService';
import { dueClock, successBanner, tag } from './govukParts';
import { areaName, doneMessage, OUTCOME_LABELS, STATUS_LABELS, SUBJECT_LABELS } from './labels';
import { layout, type SignedIn } from './layout';
import { timeTag } from './timeText';

export interface QueuePageOptions {
  signedIn: SignedIn;
  staffId: string;
  items: readonly QueueItem[];
  filter: QueueFilter;
  now: Date;
  /** Set after a command that takes the concern out of this queue (a transfer). */
  done?: DoneCode;
  /** The cursor of the next page, when there may be more. */
  next?: string;
  /** True on any page but the first. */
  notFirst?: boolean;
  /** An agency's name from its id (for "also with"). */
  agencyName: (id: string) => string;
}

/** The agency's queue: urgent first (the service's order), each with its due clock and who has it. */
export function queuePage(o: QueuePageOptions): Html {
  return layout(
    { title: 'Queue', signedIn: o.signedIn, wide: true },
    html`${o.done ? successBanner(doneMessage(o.done)) : ''}
<h1 class="govuk-heading-l"><span class="govuk-caption-l">${o.signedIn.agencyName}</span>Queue</h1>
${filterForm(o.filter)}
${o.items.length === 0 ? html`<p class="govuk-body">No concerns match.</p>` : queueTable(o)}
${pagination(o)}`,
  );
}

/** "Next page" (with the same filters) when there may be more, and "First page" on any page but the first. */
function pagination(o: QueuePageOptions): Html | string {
  if (!o.next && !o.notFirst) return '';
  const href = (cursor?: string) => `/triage?${queueParams(o.filter, cursor)}`;
  return html`<nav class="govuk-pagination govuk-pagination--block" aria-label="Pages of the queue">
  ${o.notFirst ? html`<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="${href()}" rel="prev"><span class="govuk-pagination__link-title">First page</span></a></div>` : ''}
  ${o.next ? html`<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="${href(o.next)}" rel="next"><span class="govuk-pagination__link-title">Next page</span></a></div>` : ''}
</nav>`;
}

/** The queue's query string for these filters (and a cursor), as the filter form would send it. */
function queueParams(filter: QueueFilter, cursor?: string): string {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.urgent !== undefined) params.set('urgent', filter.urgent ? 'yes' : 'no');
  if (filter.overdue !== undefined) params.set('overdue', filter.overdue ? 'yes' : 'no');
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

function queueTable(o: QueuePageOptions): Html {
  const count = o.items.length;
  return html`<table class="govuk-table">
  <caption class="govuk-table__caption govuk-table__caption--m">${count} concern${count === 1 ? '' : 's'}, urgent first</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">Reference</th>
      <th scope="col" class="govuk-table__header">Urgent</th>
      <th scope="col" class="govuk-table__header">Status</th>
      <th scope="col" class="govuk-table__header">Received</th>
      <th scope="col" class="govuk-table__header">Decision due</th>
      <th scope="col" class="govuk-table__header">Area</th>
      <th scope="col" class="govuk-table__header">About</th>
      <th scope="col" class="govuk-table__header">Claimed by</th>
    </tr>
  </thead>
  <tbody class="govuk-table__body">
    ${o.items.map((item) => queueRow(item, o))}
  </tbody>
</table>`;
}

function queueRow(item: QueueItem, o: QueuePageOptions): Html {
  const status = STATUS_LABELS[item.status];
  return html`<tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header"><a class="govuk-link console-nowrap" href="/triage/concerns/${encodeURIComponent(item.ref)}">${item.ref}</a></th>
      <td class="govuk-table__cell">${item.urgent ? tag('Urgent', 'govuk-tag--red') : html`<span class="govuk-visually-hidden">Not urgent</span>`}</td>
      <td class="govuk-table__cell">${tag(status.text, status.tag)}${item.outcome ? html` <span class="govuk-!-display-block">${OUTCOME_LABELS[item.outcome]}</span>` : ''}${changeMarkers(item, o.agencyName)}</td>
      <td class="govuk-table__cell">${timeTag(item.receivedAt)}</td>
      <td class="govuk-table__cell">${dueClock(item, o.now)}</td>
      <td class="govuk-table__cell">${areaName(item.area)}</td>
      <td class="govuk-table__cell">${SUBJECT_LABELS[item.category]}</td>
      <td class="govuk-table__cell">${claimedBy(item.claimedBy, o.staffId)}</td>
    </tr>`;
}

/**
 * What changed that the team has not seen: a concern transferred or shared here that nobody has opened, and
 * what the reporter added or answered since it was last opened; and which other agencies have it too.
 */
export function changeMarkers(item: QueueItem, agencyName: (id: string) => string): Html {
  const unread = item.unread === 1 ? '1 new from the reporter' : `${item.unread} new from the reporter`;
  return html`${item.newToTeam ? html` ${tag('New to this team', 'govuk-tag--light-blue')}` : ''}${item.unread > 0 ? html` ${tag(unread, 'govuk-tag--yellow')}` : ''}${
    item.alsoWith.length > 0 ? html`<span class="govuk-!-display-block govuk-body-s">Also with ${item.alsoWith.map((o) => agencyName(o.agency)).join(', ')}</span>` : ''
  }`;
}

/** Who holds a claim: "You", a colleague's sign-in name, or nobody. */
export function claimedBy(holder: string | null, staffId: string): string {
  if (holder === null) return 'Nobody';
  return holder === staffId ? 'You' : holder;
}

const TRI_STATE = [
  ['', 'Any'],
  ['yes', 'Yes'],
  ['no', 'No'],
] as const;

function filterForm(filter: QueueFilter): Html {
  const statusOptions: Array<readonly [string, string]> = [['', 'All not closed'], ...CONCERN_STATUSES.map((s) => [s, STATUS_LABELS[s].text] as const)];
  const yesNo = (v: boolean | undefined) => (v === undefined ? '' : v ? 'yes' : 'no');
  return html`<form method="get" action="/triage" class="govuk-!-margin-bottom-6">
  <fieldset class="govuk-fieldset">
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Show concerns</legend>
    <div class="govuk-grid-row">
      ${select('status', 'Status', statusOptions, filter.status ?? '')}
      ${select('urgent', 'Urgent', TRI_STATE, yesNo(filter.urgent))}
      ${select('overdue', 'Overdue', TRI_STATE, yesNo(filter.overdue))}
      <div class="govuk-grid-column-one-quarter"><button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-top-6" data-module="govuk-button">Show</button></div>
    </div>
  </fieldset>
</form>`;
}

function select(id: string, label: string, options: ReadonlyArray<readonly [string, string]>, chosen: string): Html {
  return html`<div class="govuk-grid-column-one-quarter"><div class="govuk-form-group">
        <label class="govuk-label" for="${id}">${label}</label>
        <select class="govuk-select" id="${id}" name="${id}">
          ${options.map(([value, text]) => html`<option value="${value}"${value === chosen ? html` selected` : ''}>${text}</option>`)}
        </select>
      </div></div>`;
}
