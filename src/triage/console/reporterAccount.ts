import type { Concern } from '../../concerns/concern';
import { html, type Html } from '../../http/html';
import { multiline, notAnswered, summaryList, type SummaryRow } from './govukParts';
import { ANSWER_LABELS, DANGER_NOW_LABELS, languageName, PARENTS_KNOW_LABELS, REPORTER_ROLE_LABELS } from './labels';
import { timeTag } from './timeText';

/**
 * Everything the reporter said, every piece shown as text: the earlier concern it follows, the answers,
 * what they added, their replies.
 */
export function reporterAccount(concern: Concern): Html {
  return html`<h2 class="govuk-heading-m" id="account">What the reporter told us</h2>
${follows(concern.follows)}
${summaryList(answerRows(concern.answers))}
${additions(concern)}
${questions(concern)}
<h2 class="govuk-heading-m">About the reporter</h2>
${summaryList(aboutRows(concern))}`;
}

function answerRows(answers: Concern['answers']): SummaryRow[] {
  return (Object.keys(ANSWER_LABELS) as Array<keyof Concern['answers']>).map((key) => {
    if (key === 'dangerNow') return [ANSWER_LABELS[key], answers.dangerNow ? DANGER_NOW_LABELS[answers.dangerNow] : notAnswered()];
    if (key === 'childrenInvolved') return [ANSWER_LABELS[key], answers.childrenInvolved ? DANGER_NOW_LABELS[answers.childrenInvolved] : notAnswered()];
    if (key === 'parentsKnow') return [ANSWER_LABELS[key], answers.parentsKnow ? PARENTS_KNOW_LABELS[answers.parentsKnow] : notAnswered()];
    const text = answers[key];
    return [ANSWER_LABELS[key], text === null ? notAnswered() : multiline(text)];
  });
}

/** A report the reporter started from their closed concern names it (the link may be another agency's: then 404). */
function follows(ref: string | null): Html {
  if (ref === null) return html``;
  return html`<p class="govuk-body" id="follows">Follows earlier concern <a class="govuk-link" href="/triage/concerns/${ref}">${ref}</a></p>`;
}

function additions(concern: Concern): Html {
  if (concern.additions.length === 0) return html``;
  return html`<h3 class="govuk-heading-s">Added later by the reporter</h3>
${summaryList(concern.additions.map((a) => [html`Added ${timeTag(a.at)}`, multiline(a.text)] as const))}`;
}

function questions(concern: Concern): Html {
  if (concern.questions.length === 0) return html``;
  return html`<h3 class="govuk-heading-s">Questions for the reporter</h3>
${concern.questions.map(
  (q) => html`<div class="govuk-summary-card"><div class="govuk-summary-card__title-wrapper"><h4 class="govuk-summary-card__title">Asked ${timeTag(q.askedAt)}</h4></div>
<div class="govuk-summary-card__content">${summaryList([
    ['Question', multiline(q.text)],
    ['Answer', q.answer === null ? html`<span class="govuk-hint govuk-!-margin-bottom-0">Not answered yet</span>` : multiline(q.answer)],
    ['Answered', q.answeredAt ? timeTag(q.answeredAt) : '\u2014'],
  ])}</div></div>`,
)}`;
}

function aboutRows(concern: Concern): SummaryRow[] {
  const r = concern.reporter;
  const contact: SummaryRow[] =
    r.mode === 'anonymous'
      ? [['Contact', 'Anonymous: they did not give a way to reach them']]
      : [
          ['Contact', html`They agreed to be contacted: ${multiline(r.how)}`],
          ['Consent', html`${multiline(r.consent.wording)} <span class="govuk-!-display-block">Agreed ${timeTag(r.consent.at)}</span>`],
        ];
  const lang = concern.language;
  const confidence = lang.confidence === null ? '' : ` (${Math.round(lang.confidence * 100)}% sure, ${lang.detectedBy === 'azure' ? 'Azure' : 'local'} detection)`;
  return [
    ...contact,
    ['Who they are', concern.reporterRole ? REPORTER_ROLE_LABELS[concern.reporterRole] : 'Not said'],
    ['Language', `${languageName(lang.code)}${confidence}`],
    ['Channel', concern.channel],
    ['Own details removed', `${concern.ownDetailsRemoved} (details about themselves they asked us to take out before sending)`],
  ];
}

