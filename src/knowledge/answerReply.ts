import type { Choice, Reply } from '../channels/reply';
import type { Audience } from '../shell/audience';
import type { ServiceDirectory } from '../signposting/serviceDirectory';
import type { KnowledgeBase } from './knowledgeBase';
import type { KnowledgeEntry } from './knowledgeEntry';
import { LOCAL_FRONT_DOOR } from './loadKnowledge';
import type { QuestionContent } from './questionContent';

/** Choice values: "more:<id>" shows an answer's longer text, "topic:<id>" shows another answer. */
export const MORE = 'more:';
export const TOPIC = 'topic:';
export const NONE = 'none';

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
