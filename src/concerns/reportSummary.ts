import { fillTemplate } from '../content/template';
import type { AgencyDirectory, Route } from './agencies';
import { answerText, asksQuestion, childrenInvolved, QUESTION_IDS, subjectOf, type ReportDraft } from './reportDraft';
import type { ReportWords } from './reportPrompts';

/**
 * The report as the reporter checks it before sending: each answer it asked for (or "skipped"), how they
 * can be contacted, where it will go and the earlier report it follows, with a word first when they said
 * someone is in danger now.
 */
export function reportSummary(draft: ReportDraft, words: ReportWords): string {
  const { content } = words;
  const w = content.summary;
  const lines = QUESTION_IDS.filter((q) => asksQuestion(q, draft)).map((q) => {
    const value = draft.answers[q];
    let shown = value ? answerText(q, value, content) : w.skipped;
    // The area the place was matched to, unless the answer already says it ("Barnsley", not "Barnsley (Barnsley)").
    if (q === 'place' && draft.area && !shown.toLowerCase().includes(words.areaName(draft.area).toLowerCase())) shown = `${shown} (${words.areaName(draft.area)})`;
    return `${w.labels[q]}: ${shown}`;
  });
  lines.push(`${w.labels.contact}: ${draft.contact ? fillTemplate(w.contact, { how: draft.contact.how }) : w.anonymous}`);
  const route = reportRoute(draft, words.agencies);
  const notes = [fillTemplate(w.goesTo, { agency: [route.agency, ...route.alsoTo].map((a) => a.name).join(words.content.summary.and) })];
  if (draft.follows) notes.push(fillTemplate(w.follows, { ref: draft.follows }));
  if (draft.urgentAnswer) notes.unshift(w.urgent);
  return [w.intro, lines.join('\n'), notes.join('\n')].join('\n\n');
}

/** Where the report will go, and who gets it as well, as the summary says and the submit does. */
export function reportRoute(draft: ReportDraft, agencies: AgencyDirectory): Route {
  return agencies.routesFor(subjectOf(draft), draft.area ?? null, childrenInvolved(draft) === 'yes');
}
