import type { AuditEntry } from '../../audit/auditEntry';
import type { Agency } from '../../concerns/agencies';
import { html, type Html } from '../../http/html';
import type { Caller } from '../caller';
import type { DoneCode } from '../staffCommands';
import type { ConcernDetail } from '../triageService';
import { auditTable } from './auditTable';
import { concernActions } from './concernActions';
import { dueClock, errorSummary, successBanner, summaryList, tag, type PageError } from './govukParts';
import { areaName, doneMessage, STATUS_LABELS, SUBJECT_LABELS, URGENT_REASON_LABELS } from './labels';
import { layout, type SignedIn } from './layout';
import { changeMarkers, claimedBy } from './queuePage';
import { reporterAccount } from './reporterAccount';
import { timeTag } from './timeText';
import { triageHistory } from './triageHistory';

export interface ConcernPageOptions {
  signedIn: SignedIn;
  caller: Caller;
  detail: ConcernDetail;
  audit: readonly AuditEntry[];
  transferTargets: readonly Agency[];
  agencyName: (id: string) => string;
  now: Date;
  done?: DoneCode;
  errors?: readonly PageError[];
  values?: Readonly<Record<string, string>>;
}

/** One concern: its clock, everything the reporter said, what staff have done, the actions, the audit trail. */
export function concernPage(o: ConcernPageOptions): Html {
  const { item, concern } = o.detail;
  const errors = o.errors ?? [];
  const status = STATUS_LABELS[item.status];
  return layout(
    { title: `${errors.length ? 'Error: ' : ''}Concern ${item.ref}`, signedIn: o.signedIn },
    html`<a href="/triage" class="govuk-back-link">Back to the queue</a>
${o.done ? successBanner(doneMessage(o.done)) : ''}
${errorSummary(errors)}
<h1 class="govuk-heading-l"><span class="govuk-caption-l">Concern</span>${item.ref}</h1>
<p class="govuk-body">${item.urgent ? html`${tag('Urgent', 'govuk-tag--red')} ` : ''}${tag(status.text, status.tag)}${changeMarkers(o.detail.before, o.agencyName)}</p>
${summaryList([
  ['Decision due', dueClock(item, o.now)],
  ['Received', timeTag(item.receivedAt)],
  ...(item.urgent ? [['Why urgent', concern.urgentReasons.map((r) => URGENT_REASON_LABELS[r]).join('. ') || 'Marked urgent'] as const] : []),
  ['Area', areaName(item.area)],
  ['About', SUBJECT_LABELS[item.category]],
  ['Claimed by', claimedBy(item.claimedBy, o.caller.staffId)],
  ...(item.alsoWith.length > 0 ? [['Also with', item.alsoWith.map((a) => `${o.agencyName(a.agency)} (${STATUS_LABELS[a.status].text.toLowerCase()})`).join('; ')] as const] : []),
])}
${reporterAccount(concern)}
${triageHistory(concern, o.agencyName)}
${concernActions({
  detail: o.detail,
  caller: o.caller,
  csrfToken: o.signedIn.csrfToken,
  transferTargets: o.transferTargets,
  errors,
  values: o.values ?? {},
})}
${auditTable(o.audit, o.agencyName)}`,
  );
}
