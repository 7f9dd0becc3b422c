import type { Agency } from '../../concerns/agencies';
import { html, type Html } from '../../http/html';
import { hasRole } from '../../staff/staffAccount';
import type { Caller } from '../caller';
import { STAFF_COMMANDS, staffCommands } from '../staffCommands';
import type { ConcernDetail } from '../triageService';
import { commandButton, commandFormBody, type FormState } from './commandForm';
import { csrfField, type PageError } from './govukParts';
import { timeTag } from './timeText';

export interface ActionsOptions {
  detail: ConcernDetail;
  caller: Caller;
  csrfToken: string;
  transferTargets: readonly Agency[];
  errors: readonly PageError[];
  /** What was typed into a form that was refused, to show it again, by control id (the catalogue's field ids). */
  values: Readonly<Record<string, string>>;
}

type FormFn = (command: string, body: Html) => Html;

/**
 * The forms for every staff command on an open concern, in catalogue order (staffCommands.ts): the claim
 * line, then one section per command; each posts, then comes back here.
 */
export function concernActions(o: ActionsOptions): Html {
  if (o.detail.item.status === 'closed') {
    return html`<h2 class="govuk-heading-m" id="actions">Actions</h2><p class="govuk-body">This concern is closed.</p>`;
  }
  const path = `/triage/concerns/${encodeURIComponent(o.detail.item.ref)}`;
  const form: FormFn = (command, body) => html`<form method="post" action="${path}/${command}" novalidate>${csrfField(o.csrfToken)}${body}</form>`;
  const state: FormState = { errors: o.errors, values: o.values, agencies: o.transferTargets };
  const manager = hasRole(o.caller.role, 'manager');
  // Claim and release have no section: the claim line shows whichever applies. A section hidden from this
  // caller leaves its line empty.
  const sections = staffCommands()
    .filter(([, command]) => command.form.heading !== null)
    .map(([name, command]) =>
      command.form.managersOnly && !manager ? html`` : html`<h3 class="govuk-heading-s">${command.form.heading}</h3>
${form(name, commandFormBody(command, state))}`,
    );
  return html`<h2 class="govuk-heading-m" id="actions">Actions</h2>
${claimLine(o, form)}${sections.map((section) => html`\n${section}`)}`;
}

/** Who is working on it, and the claim or release button that applies (a manager may release a colleague's claim). */
function claimLine(o: ActionsOptions, form: FormFn): Html {
  const holder = o.detail.item.claimedBy;
  const until = o.detail.concern.triage.claim?.until;
  const release = commandButton(STAFF_COMMANDS.release.form);
  if (holder === o.caller.staffId) {
    return html`<p class="govuk-body">You are working on this${until ? html` until ${timeTag(until)}` : ''}.</p>${form('release', release)}`;
  }
  const claim = form('claim', commandButton(STAFF_COMMANDS.claim.form));
  if (holder === null) return html`<p class="govuk-body">Nobody is working on this.</p>${claim}`;
  return html`<div class="govuk-inset-text">${holder} is working on this${until ? html` until ${timeTag(until)}` : ''}.</div>
${claim}${hasRole(o.caller.role, 'manager') ? form('release', release) : ''}`;
}
