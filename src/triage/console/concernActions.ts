import type { Agency } from '../../concerns/agencies';
import { hasRole } from '../../staff/staffAccount';
import type { Caller } from '../caller';
import type { ConcernDetail } from '../triageService';
import { NOTE_LIMIT, OUTCOME_CATEGORIES, QUESTION_LIMIT, RATIONALE_LIMIT, REASON_LIMIT, RISK_RATINGS } from '../triageRecord';
import { csrfField, fieldError, hasFieldError, type PageError } from './govukParts';
import { html, type Html } from './html';
import { OUTCOME_LABELS, RISK_LABELS } from './labels';
import { timeTag } from './timeText';

export interface ActionsOptions {
  detail: ConcernDetail;
  caller: Caller;
  csrfToken: string;
  transferTargets: readonly Agency[];
  errors: readonly PageError[];
  /** What was typed into a form that was refused, to show it again, by control id (see FIELD_IDS). */
  values: Readonly<Record<string, string>>;
}

/** The longest question for the reporter (the concern's question schema allows 1000 characters). */

/** The id of the control each form field is entered in: error summaries link to it. */
export const FIELD_IDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  notes: { text: 'note-text' },
  question: { text: 'question-text' },
  outcome: { category: 'outcome-category', rag: 'outcome-rag', rationale: 'outcome-rationale' },
  transfer: { to: 'transfer-to', reason: 'transfer-reason' },
};

/** The forms for everything staff can do to an open concern; each posts, then comes back here. */
export function concernActions(o: ActionsOptions): Html {
  if (o.detail.item.status === 'closed') {
    return html`<h2 class="govuk-heading-m" id="actions">Actions</h2><p class="govuk-body">This concern is closed.</p>`;
  }
  const path = `/triage/concerns/${encodeURIComponent(o.detail.item.ref)}`;
  const form = (action: string, body: Html) => html`<form method="post" action="${path}/${action}" novalidate>${csrfField(o.csrfToken)}${body}</form>`;
  return html`<h2 class="govuk-heading-m" id="actions">Actions</h2>
${claimSection(o, form)}
<h3 class="govuk-heading-s">Add a note</h3>
${form('notes', html`${textarea(o, 'note-text', 'text', 'Note', `Only other staff see notes. Up to ${NOTE_LIMIT} characters.`)}
  <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Add note</button>`)}
<h3 class="govuk-heading-s">Ask the reporter a question</h3>
${form('question', html`${textarea(o, 'question-text', 'text', 'Question for the reporter', `They see it when they next check their reference. Up to ${QUESTION_LIMIT} characters.`)}
  <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Send question</button>`)}
<h3 class="govuk-heading-s">Record an outcome</h3>
${form('outcome', outcomeFields(o))}
${hasRole(o.caller.role, 'manager') ? transferSection(o, form) : ''}
<h3 class="govuk-heading-s">Close the concern</h3>
${form('close', html`<p class="govuk-body">Record an outcome before closing. A closed concern leaves the queue.</p>
  <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">Close concern</button>`)}`;
}

type FormFn = (action: string, body: Html) => Html;

function claimSection(o: ActionsOptions, form: FormFn): Html {
  const holder = o.detail.item.claimedBy;
  const until = o.detail.concern.triage.claim?.until;
  const release = html`<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Release</button>`;
  if (holder === o.caller.staffId) {
    return html`<p class="govuk-body">You are working on this${until ? html` until ${timeTag(until)}` : ''}.</p>${form('release', release)}`;
  }
  const claim = form('claim', html`<button type="submit" class="govuk-button" data-module="govuk-button">Claim</button>`);
  if (holder === null) return html`<p class="govuk-body">Nobody is working on this.</p>${claim}`;
  return html`<div class="govuk-inset-text">${holder} is working on this${until ? html` until ${timeTag(until)}` : ''}.</div>
${claim}${hasRole(o.caller.role, 'manager') ? form('release', release) : ''}`;
}

function outcomeFields(o: ActionsOptions): Html {
  return html`${radios(o, 'outcome-category', 'category', 'Category', OUTCOME_CATEGORIES.map((c) => [c, OUTCOME_LABELS[c]] as const))}
${radios(o, 'outcome-rag', 'rag', 'Risk rating', RISK_RATINGS.map((r) => [r, RISK_LABELS[r].text] as const))}
${textarea(o, 'outcome-rationale', 'rationale', 'Rationale', `Why, in short. Up to ${RATIONALE_LIMIT} characters.`)}
<button type="submit" class="govuk-button" data-module="govuk-button">Record outcome</button>`;
}

function transferSection(o: ActionsOptions, form: FormFn): Html {
  const invalid = hasFieldError(o.errors, 'transfer-to');
  const chosen = o.values['transfer-to'] ?? '';
  return html`<h3 class="govuk-heading-s">Transfer to another agency</h3>
${form('transfer', html`<div class="govuk-form-group${invalid ? ' govuk-form-group--error' : ''}">
    <label class="govuk-label" for="transfer-to">Agency</label>
    ${fieldError(o.errors, 'transfer-to')}
    <select class="govuk-select" id="transfer-to" name="to"${invalid ? html` aria-describedby="transfer-to-error"` : ''}>
      <option value="">Choose an agency</option>
      ${o.transferTargets.map((a) => html`<option value="${a.id}"${a.id === chosen ? html` selected` : ''}>${a.name}</option>`)}
    </select>
  </div>
  ${textarea(o, 'transfer-reason', 'reason', 'Reason', `Up to ${REASON_LIMIT} characters.`)}
  <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Transfer</button>`)}`;
}

function textarea(o: ActionsOptions, id: string, name: string, label: string, hint: string): Html {
  const invalid = hasFieldError(o.errors, id);
  const describedBy = [`${id}-hint`, invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="govuk-form-group${invalid ? ' govuk-form-group--error' : ''}">
    <label class="govuk-label" for="${id}">${label}</label>
    <div id="${id}-hint" class="govuk-hint">${hint}</div>
    ${fieldError(o.errors, id)}
    <textarea class="govuk-textarea${invalid ? ' govuk-textarea--error' : ''}" id="${id}" name="${name}" rows="4" aria-describedby="${describedBy}">${o.values[id] ?? ''}</textarea>
  </div>`;
}

function radios(o: ActionsOptions, id: string, name: string, legend: string, options: ReadonlyArray<readonly [string, string]>): Html {
  const invalid = hasFieldError(o.errors, id);
  return html`<div class="govuk-form-group${invalid ? ' govuk-form-group--error' : ''}">
  <fieldset class="govuk-fieldset"${invalid ? html` aria-describedby="${id}-error"` : ''}>
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${legend}</legend>
    ${fieldError(o.errors, id)}
    <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
      ${options.map(([value, text], i) => {
        const inputId = i === 0 ? id : `${id}-${value}`;
        return html`<div class="govuk-radios__item">
        <input class="govuk-radios__input" id="${inputId}" name="${name}" type="radio" value="${value}"${o.values[id] === value ? html` checked` : ''}>
        <label class="govuk-label govuk-radios__label" for="${inputId}">${text}</label>
      </div>`;
      })}
    </div>
  </fieldset>
</div>`;
}
