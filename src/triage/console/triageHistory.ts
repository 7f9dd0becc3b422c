import type { Concern } from '../../concerns/concern';
import type { Outcome } from '../../concerns/triageRecord';
import { html, type Html } from '../../http/html';
import { multiline, summaryList, tag } from './govukParts';
import { OUTCOME_LABELS, RISK_LABELS } from './labels';
import { timeTag } from './timeText';

/** The staff's side of the record: the decision, decisions set aside, transfers and notes. */
export function triageHistory(concern: Concern, agencyName: (id: string) => string): Html {
  const t = concern.triage;
  return html`<h2 class="govuk-heading-m" id="triage">Triage</h2>
<h3 class="govuk-heading-s">Outcome</h3>
${t.outcome ? outcomeList(t.outcome) : html`<p class="govuk-body">No outcome recorded yet.</p>`}
${t.previousOutcomes.length
  ? html`<h3 class="govuk-heading-s">Previous outcomes</h3>${t.previousOutcomes.map((o) => outcomeList(o))}`
  : ''}
${t.transfers.length
  ? html`<h3 class="govuk-heading-s">Transfers</h3>${t.transfers.map((x) =>
      summaryList([
        ['From', agencyName(x.from)],
        ['To', agencyName(x.to)],
        ['Reason', multiline(x.reason)],
        ['By', html`${x.by}, ${timeTag(x.at)}`],
      ]),
    )}`
  : ''}
<h3 class="govuk-heading-s">Notes</h3>
${t.notes.length
  ? html`<ul class="govuk-list">${t.notes.map(
      (n) => html`<li class="govuk-!-margin-bottom-4"><p class="govuk-body govuk-!-margin-bottom-1">${multiline(n.text)}</p><p class="govuk-body-s govuk-!-margin-bottom-0">${n.by}, ${timeTag(n.at)}</p></li>`,
    )}</ul>`
  : html`<p class="govuk-body">No notes yet.</p>`}`;
}

function outcomeList(o: Outcome): Html {
  const risk = RISK_LABELS[o.rag];
  return summaryList([
    ['Category', OUTCOME_LABELS[o.category]],
    ['Risk rating', tag(risk.text, `${risk.tag} console-tag-wide`)],
    ['Rationale', multiline(o.rationale)],
    ['Recorded by', html`${o.by}, ${timeTag(o.at)}`],
  ]);
}
