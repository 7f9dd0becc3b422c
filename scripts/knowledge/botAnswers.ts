import type { Activity } from 'botbuilder';
import type { BotContent } from '../../src/content/botContent';
import type { ConcernStore } from '../../src/concerns/concernStore';
import { LocalHelp } from '../../src/signposting/localHelp';
import { AREA_IDS, type AreaId } from '../../src/signposting/areas';
import { BotDriver, type Conversation } from '../safety/botDriver';
import type { CorpusQuestion } from './questionCorpus';

/*
 * What a person is actually sent when they ask a corpus question: in their channel (web chat, SMS or
 * WhatsApp), after telling the bot who they are if the writer said they did. `npm run eval:kb` counts
 * these, not the picker's scores.
 */

export type Shown =
  | { kind: 'answer'; id: string }
  | { kind: 'didYouMean'; ids: string[] }
  | { kind: 'noAnswer' }
  | { kind: 'safety' }
  | { kind: 'localNumber' }
  | { kind: 'other'; text: string };

export interface Seen {
  shown: Shown;
  text: string;
  /** The bot asked "Is someone in danger right now?" first; the person answered No, as someone asking a question would. */
  checkedIn: boolean;
  /** A safety reply came before whatever else was shown (a disclosure's kind word, say). */
  safetyFirst: boolean;
  /** For a place in the four areas: whether the reply gave that area's number, another's, or asked. */
  localNumber?: 'right' | 'wrong' | 'asked' | 'none';
}

/** Letters and digits only, single spaces: survives line breaks, quotes and channel rendering. */
export const flat = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const CHANNEL_IDS: Record<CorpusQuestion['channel'], string> = { webchat: 'webchat', sms: 'sms', whatsapp: 'whatsapp' };

export class BotAnswers {
  private readonly driver: BotDriver;
  private readonly markers: Array<{ id: string; marker: string }>;
  private readonly localHelp: LocalHelp;

  constructor(
    private readonly content: BotContent,
    store: ConcernStore,
    now: Date,
  ) {
    this.driver = new BotDriver(content, store, now);
    this.localHelp = new LocalHelp(content.frontDoors, content.holidays, () => now);
    // An answer is known by the start of its short text (long enough that no two answers share it).
    this.markers = content.knowledge.entries.map((e) => ({ id: e.id, marker: flat(e.short).split(' ').slice(0, 12).join(' ') }));
    const distinct = new Set(this.markers.map((m) => m.marker));
    if (distinct.size !== this.markers.length) throw new Error('two answers start with the same twelve words: the evaluation could not tell them apart');
  }

  async seen(q: Pick<CorpusQuestion, 'text' | 'chose' | 'channel' | 'area'>): Promise<Seen> {
    const chat = this.driver.conversation(CHANNEL_IDS[q.channel]);
    if (q.chose !== 'none') await this.tellWhoIAm(chat, q.chose);
    let said = await chat.say(q.text);
    const checkedIn = flat(said.text).includes(flat(this.content.safety.rules.replies.checkIn.text));
    if (checkedIn) said = await chat.say(this.content.safety.rules.replies.checkIn.no.label);
    const text = textWithChoices(said.activities);
    const safetyFirst = this.isSafetyReply(text);
    const shown = this.classify(text);
    const seen: Seen = { shown, text, checkedIn, safetyFirst };
    if ((AREA_IDS as readonly string[]).includes(q.area)) seen.localNumber = this.localNumber(text, q.area as AreaId);
    return seen;
  }

  private async tellWhoIAm(chat: Conversation, who: 'parent' | 'young-person' | 'other'): Promise<void> {
    const { menu, aboutYou } = this.content.shell;
    await chat.say('hi');
    await chat.say(menu.options.find((o) => o.value === 'about-you')!.label);
    const said = await chat.say(aboutYou.options.find((o) => o.value === who)!.label);
    if (!flat(said.text).includes(flat(this.content.shell.aboutYou.thanks[who]).slice(0, 30))) {
      throw new Error(`the evaluation could not tell the bot who it is (${who}): ${said.text.slice(0, 200)}`);
    }
  }

  private isSafetyReply(text: string): boolean {
    const { replies } = this.content.safety.rules;
    const markers = [replies.danger.text, replies['self-harm'].text, replies.overdose.text, replies.hurtNearby.text, replies.disclosure.text, replies.checkIn.text];
    const f = flat(text);
    return markers.some((m) => f.includes(flat(m).split(' ').slice(0, 10).join(' ')));
  }

  /** What the person was given: an answer, a choice, "I don't know"; a safety reply only if nothing else came with it. */
  classify(text: string): Shown {
    const f = flat(text);
    const { questions } = this.content;
    if (f.includes(flat(questions.didYouMean))) {
      const ids = this.content.knowledge.entries.filter((e) => f.includes(flat(e.title))).map((e) => e.id);
      return { kind: 'didYouMean', ids };
    }
    const answer = this.markers.find((m) => f.includes(m.marker));
    if (answer) return { kind: 'answer', id: answer.id };
    if (f.includes(flat(questions.noMatch.text).slice(0, 40))) return { kind: 'noAnswer' };
    if (AREA_IDS.some((a) => f.includes(flat(this.localHelp.forArea(a)).slice(0, 60)))) return { kind: 'localNumber' };
    if (this.isSafetyReply(text)) return { kind: 'safety' };
    return { kind: 'other', text };
  }

  private localNumber(text: string, area: AreaId): Seen['localNumber'] {
    const f = flat(text);
    if (f.includes(flat(this.localHelp.forArea(area)))) return 'right';
    if (AREA_IDS.some((a) => a !== area && f.includes(flat(this.localHelp.forArea(a))))) return 'wrong';
    if (f.includes(flat(this.content.questions.localHelp.askArea).slice(0, 40)) || f.includes(flat(this.localHelp.forAllAreas()).slice(0, 40))) return 'asked';
    return 'none';
  }
}

/** The text of every reply, with the labels of any buttons (rich channels keep choices out of the text). */
function textWithChoices(activities: readonly Partial<Activity>[]): string {
  return activities
    .map((a) => [a.text ?? '', ...(a.suggestedActions?.actions ?? []).map((x) => String(x.title ?? ''))].join('\n'))
    .join('\n\n');
}
