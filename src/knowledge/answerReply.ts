import type { Choice, Reply } from '../channels/reply';
import { fitsSms, packPages, paragraphUnits, type TextUnit } from '../channels/textPages';
import type { Audience } from '../shell/audience';
import type { ServiceDirectory } from '../signposting/serviceDirectory';
import type { KnowledgeBase } from './knowledgeBase';
import type { KnowledgeEntry } from './knowledgeEntry';
import { LOCAL_FRONT_DOOR } from './loadKnowledge';
import type { QuestionContent } from './questionContent';

/**
 * Choice values: "more:<id>" shows an answer's longer text (on a text channel, its next page), "topic:<id>"
 * shows another answer, "source:<id>" an answer's sources (text channels).
 */
export const MORE = 'more:';
export const TOPIC = 'topic:';
export const SOURCE = 'source:';
export const NONE = 'none';

/** Sources listed for SOURCE on a text channel: a few links, not a bibliography. */
const MAX_TEXT_SOURCES = 3;

export interface AnswerWords {
  kb: KnowledgeBase;
  services: ServiceDirectory;
  content: QuestionContent;
}

/** What to offer after an answer: its longer text if it has one, then up to three related topics. */
export function followUps(entry: KnowledgeEntry, words: AnswerWords, showedLong: boolean): Choice[] {
  const choices: Choice[] = [];
  if (entry.long && !showedLong) choices.push({ value: `${MORE}${entry.id}`, label: words.content.tellMeMore, synonyms: ['more', 'tell me more'] });
  for (const id of entry.related.slice(0, 3)) choices.push({ value: `${TOPIC}${id}`, label: words.kb.get(id).title });
  return choices;
}

/**
 * An answer as the user sees it: the short answer (or the longer one), who to contact (the local
 * front door line is worked out by the caller, for the area and the time), a source link and next topics.
 */
export function answerReply(entry: KnowledgeEntry, words: AnswerWords, localHelp: string | undefined, long = false): Reply {
  const parts = [long && entry.long ? entry.long : entry.short];
  if (!long) {
    if (entry.signpost.includes(LOCAL_FRONT_DOOR) && localHelp) parts.push(localHelp);
    const ids = entry.signpost.filter((id) => id !== LOCAL_FRONT_DOOR);
    if (ids.length) parts.push(words.services.describe(ids));
  }
  const [source] = entry.sources;
  return {
    text: parts.join('\n\n'),
    links: source ? [{ title: words.content.sourceTitle, url: source }] : [],
    choices: followUps(entry, words, long),
  };
}

/** The honest "no answer": says so, points to a helpline that suits the user, and never guesses. */
export function noMatchReply(words: AnswerWords, audience: Audience | undefined): Reply {
  const ids = words.content.noMatch.services[audience ?? 'anyone'];
  return { text: `${words.content.noMatch.text}\n\n${words.services.describe(ids)}` };
}

/** "Did you mean": up to three answers to choose from, and a way to say none of them. */
export function didYouMeanReply(options: readonly KnowledgeEntry[], words: AnswerWords): Reply {
  return {
    text: words.content.didYouMean,
    choices: [
      ...options.map((e) => ({ value: `${TOPIC}${e.id}`, label: e.title })),
      { value: NONE, label: words.content.noneOfThese, synonyms: ['none', 'no', 'neither', 'not these'] },
    ],
  };
}


/**
 * An answer on a text channel (SMS, WhatsApp), as pages that each cost at most three SMS segments. Page 0, the
 * answer turn: as much of the short answer as fits, whole sentences, then who to ring (the local front door
 * line, or the answer's first helpline), then "Reply MORE" if there is more and "Reply SOURCE" if it has
 * sources. MORE gives the next page: the rest of the short answer, the longer one, the other helplines, and
 * last the related topics by number. A `page` past the last says there is no more, and what is still on offer.
 */
export function textAnswerReply(entry: KnowledgeEntry, words: AnswerWords, localHelp: string | undefined, page: number): Reply {
  return pageReply(entry, words, textAnswerPages(entry, words, localHelp), page);
}

/** Page `page` of an answer already cut into pages (textAnswerReply). */
function pageReply(entry: KnowledgeEntry, words: AnswerWords, pages: readonly TextPage[], page: number): Reply {
  const at = Math.min(Math.max(page, 0), pages.length - 1);
  const hasMore = at < pages.length - 1;
  const related = at === pages.length - 1 && at > 0 ? entry.related.slice(0, 3) : [];
  const choices = textChoices(entry, words, related);
  if (page > at) {
    const reminder = withFooter(related.length ? topicList(related, words) : '', words, false, entry.sources.length > 0).trim();
    return { text: [words.content.text.noMore, reminder].filter(Boolean).join('\n\n'), choices, choicesInText: true };
  }
  const { text, source } = pages[at]!;
  return { text: withFooter(text, words, hasMore, source && entry.sources.length > 0), choices, choicesInText: true };
}

/**
 * What is still on offer after a text-channel answer page, without the answer again (after a safety reply
 * interrupted it): its topics if that page listed them, and how to get more or the sources.
 */
export function textReminderReply(entry: KnowledgeEntry, words: AnswerWords, localHelp: string | undefined, page: number, fallback: string): Reply {
  const pages = textAnswerPages(entry, words, localHelp);
  const shown = pageReply(entry, words, pages, page);
  const related = (shown.choices ?? []).filter((c) => c.value.startsWith(TOPIC)).map((c) => c.value.slice(TOPIC.length));
  const hasMore = page < pages.length - 1;
  const text = withFooter(related.length ? topicList(related, words) : '', words, hasMore, entry.sources.length > 0).trim();
  return { ...shown, text: text || fallback };
}

/** How many pages an answer has on a text channel (see textAnswerReply). */
export function textAnswerPageCount(entry: KnowledgeEntry, words: AnswerWords, localHelp: string | undefined): number {
  return textAnswerPages(entry, words, localHelp).length;
}

/** SOURCE on a text channel: where the answer comes from, as links; what was offered stays offered. */
export function textSourceReply(entry: KnowledgeEntry, words: AnswerWords, localHelp: string | undefined, page: number): Reply {
  const shown = textAnswerReply(entry, words, localHelp, page);
  const links = entry.sources.slice(0, MAX_TEXT_SOURCES);
  return { ...shown, text: [words.content.text.sources, ...links].join('\n') };
}

interface TextPage {
  text: string;
  /** Whether its footer says "Reply SOURCE" (the answer turn leaves it out when that is what makes room). */
  source: boolean;
}

function textAnswerPages(entry: KnowledgeEntry, words: AnswerWords, localHelp: string | undefined): TextPage[] {
  const local = entry.signpost.includes(LOCAL_FRONT_DOOR) ? localHelp : undefined;
  const helplines = entry.signpost.filter((id) => id !== LOCAL_FRONT_DOOR);
  // Who to ring comes with the answer: the local line, or failing that the answer's first helpline.
  const first = local ? undefined : helplines[0];
  const others = local ? helplines : helplines.slice(1);
  const contact = local ?? (first ? words.services.describe([first]) : undefined);
  const withContact = (text: string) => (contact ? `${text}\n\n${contact}` : text);
  const sources = entry.sources.length > 0;

  // The answer turn: whole sentences beside the contact and the full footer. If not even the first sentence
  // fits (a long local line), the footer leaves out SOURCE (it still works); failing that, the sentence is cut
  // between words and marked "...", to go on on the next page.
  const answer = paragraphUnits(entry.short);
  let source = sources;
  let lead = leadingUnits(answer, (t) => fitsSms(withFooter(withContact(t), words, true, source)));
  if (!lead.taken && sources) {
    source = false;
    lead = leadingUnits(answer, (t) => fitsSms(withFooter(withContact(t), words, true, false)));
  }
  if (!lead.taken) lead = cutFirstUnit(answer, (t) => fitsSms(withFooter(withContact(t), words, true, false)));

  const rest: TextUnit[] = [
    ...lead.rest,
    ...paragraphUnits(entry.long ?? ''),
    ...others.map((id, i) => ({ text: words.services.describe([id]), joiner: i === 0 ? '\n\n' : '\n' })),
  ];
  const related = entry.related.slice(0, 3);
  if (related.length) rest.push({ text: topicList(related, words), joiner: '\n\n' });
  const fitsPage = (text: string) => fitsSms(withFooter(text, words, true, sources));
  const answerTurn: TextPage = { text: withContact(lead.taken), source };
  return [answerTurn, ...packPages(rest, fitsPage).map((text) => ({ text, source: sources }))];
}

/** The units from the start that fit together, joined, and the units left over. */
function leadingUnits(units: readonly TextUnit[], fits: (text: string) => boolean): { taken: string; rest: TextUnit[] } {
  let taken = '';
  let count = 0;
  for (const unit of units) {
    const joined = taken ? `${taken}${unit.joiner}${unit.text}` : unit.text;
    if (!fits(joined)) break;
    taken = joined;
    count += 1;
  }
  return { taken, rest: units.slice(count) };
}

/** The first unit cut between words where it stops fitting, marked "..." at the cut on both sides. */
function cutFirstUnit(units: readonly TextUnit[], fits: (text: string) => boolean): { taken: string; rest: TextUnit[] } {
  const [head, ...tail] = units;
  if (!head) return { taken: '', rest: [] };
  const wordsOf = head.text.split(/\s+/);
  let n = 0;
  while (n < wordsOf.length - 1 && fits(`${wordsOf.slice(0, n + 1).join(' ')}...`)) n += 1;
  // At least one word, so the answer turn never goes without its answer.
  n = Math.max(n, 1);
  return { taken: `${wordsOf.slice(0, n).join(' ')}...`, rest: [{ text: `...${wordsOf.slice(n).join(' ')}`, joiner: head.joiner }, ...tail] };
}

function topicList(ids: readonly string[], words: AnswerWords): string {
  return [words.content.text.topics, ...ids.map((id, i) => `${i + 1}. ${words.kb.get(id).title}`)].join('\n');
}

function withFooter(text: string, words: AnswerWords, hasMore: boolean, source: boolean): string {
  const footer = [hasMore ? words.content.text.more : '', source ? words.content.text.source : ''].filter(Boolean).join(' ');
  return footer ? `${text}\n\n${footer}` : text;
}

/**
 * What a text-channel answer page offers: its topics by number first (so "1" is the first topic), MORE, SOURCE.
 * MORE stays on offer after the last page (it says there is no more): a "more" the bot asked for is then judged
 * as a picked option, by the safety rules alone, whatever the classifier makes of the word on its own.
 */
function textChoices(entry: KnowledgeEntry, words: AnswerWords, related: readonly string[]): Choice[] {
  const { text } = words.content;
  const choices: Choice[] = related.map((id) => ({ value: `${TOPIC}${id}`, label: words.kb.get(id).title }));
  choices.push({ value: `${MORE}${entry.id}`, label: text.moreLabel, synonyms: ['more', 'tell me more', 'more please'] });
  if (entry.sources.length) choices.push({ value: `${SOURCE}${entry.id}`, label: text.sourceLabel, synonyms: ['source', 'sources', 'where is this from'] });
  return choices;
}
