import type { AuditEntry } from '../../audit/auditEntry';
import { html, type Html } from '../../http/html';
import { AUDIT_ACTION_LABELS, OUTCOME_LABELS, RISK_LABELS } from './labels';
import { timeTag } from './timeText';

/** The concern's audit trail, oldest first: who did what, when. Details hold closed values only. */
export function auditTable(entries: readonly AuditEntry[], agencyName: (id: string) => string): Html {
  return html`<table class="govuk-table" id="audit">
  <caption class="govuk-table__caption govuk-table__caption--m">Audit trail</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row">
    <th scope="col" class="govuk-table__header">When</th>
    <th scope="col" class="govuk-table__header">Who</th>
    <th scope="col" class="govuk-table__header">What</th>
    <th scope="col" class="govuk-table__header">Detail</th>
  </tr></thead>
  <tbody class="govuk-table__body">
    ${entries.map(
      (e) => html`<tr class="govuk-table__row">
      <td class="govuk-table__cell">${timeTag(e.at)}</td>
      <td class="govuk-table__cell">${e.staffId ?? 'Unknown'}</td>
      <td class="govuk-table__cell">${AUDIT_ACTION_LABELS[e.action]}</td>
      <td class="govuk-table__cell">${detailText(e.detail, agencyName)}</td>
    </tr>`,
    )}
  </tbody>
</table>`;
}

/** An entry's detail in words: "Outcome: Early help; Risk: Amber", "From: … To: …". */
export function detailText(detail: Record<string, string>, agencyName: (id: string) => string): string {
  return Object.entries(detail)
    .map(([key, value]) => {
      if (key === 'category') return `Outcome: ${OUTCOME_LABELS[value as keyof typeof OUTCOME_LABELS] ?? value}`;
      if (key === 'rag') return `Risk: ${RISK_LABELS[value as keyof typeof RISK_LABELS]?.text ?? value}`;
      if (key === 'from' || key === 'to') return `${key === 'from' ? 'From' : 'To'}: ${agencyName(value)}`;
      return `${key}: ${value}`;
    })
    .join('; ');
}
