import type { BotContent } from '../../src/content/botContent';
import type { ConcernStore } from '../../src/concerns/concernStore';
import { BLOCK_LANGUAGES } from '../../src/safety/safetyLanguages';
import { toGsm7 } from '../../src/channels/gsm7';
import type { MessageLanguage } from '../../src/safety/messageLanguage';
import { BotDriver, type Conversation } from './botDriver';
import type { CorpusMessage } from './corpus';

/*
 * What a person is actually sent when they type a message, in the channel they use and at the point of
 * the conversation they typed it (as a first message, as an answer in the middle of a report, or as news
 * added to a report with its reference). The evaluation counts these, not the classifier's scores.
 */

export type EmergencyReply = 'danger' | 'hurt-nearby' | 'self-harm' | 'overdose';

export interface Seen {
  /** The emergency reply sent, if any (each carries 999). */
  emergency?: EmergencyReply;
  /** The check-in question "Is someone in danger right now?" was asked. */
  checkIn: boolean;
  disclosure: boolean;
  /** The other-language block shown, if any ('other' is the English block for any other language). */
  block?: MessageLanguage;
  /** How the check-in was answered (truthfully, from the label), if it was asked. */
  answered?: 'yes' | 'no';
}

const firstLine = (text: string) => text.trim().split('\n')[0]!.slice(0, 60);

/**
 * Whether the reply shows this line, as written or as a text channel renders it (GSM-7: a Romanian, Slovak
 * or Czech block arrives by SMS without the accents GSM-7 lacks, and that is what the person reads).
 */
const shows = (text: string, line: string) => text.includes(line) || text.includes(toGsm7(line));

export class UserSees {
  private readonly driver: BotDriver;
  private readonly markers: Array<[EmergencyReply, string]>;

  /** `followUpRef`: a stored concern's reference, for messages typed as news added to a report. */
  constructor(
    private readonly content: BotContent,
    store: ConcernStore,
    private readonly followUpRef: string,
    now: Date,
  ) {
    this.driver = new BotDriver(content, store, now);
    const { replies } = content.safety.rules;
    // Most specific first: the variants share no first line with the general replies.
    this.markers = [
      ['overdose', firstLine(replies.overdose.text)],
      ['hurt-nearby', firstLine(replies.hurtNearby.text)],
      ['self-harm', firstLine(replies['self-harm'].text)],
      ['danger', firstLine(replies.danger.text)],
    ];
  }

  /**
   * What the person is sent for this message. When the check-in question is asked, it is answered as
   * the writer would (Yes for danger and self-harm, No otherwise), and the reply to that counts too.
   */
  async seen(message: Pick<CorpusMessage, 'text' | 'context' | 'label'>, channel: string): Promise<Seen> {
    const chat = this.driver.conversation(channel);
    await this.reachContext(chat, message.context);
    const { text } = await chat.say(message.text);
    const first = this.classify(text);
    if (!first.checkIn) return first;
    const answered = message.label === 'danger' || message.label === 'self-harm' ? 'yes' : 'no';
    const after = this.classify((await chat.say(answered === 'yes' ? 'Yes' : 'No')).text);
    const emergency = first.emergency ?? after.emergency;
    return { ...first, ...(emergency ? { emergency } : {}), disclosure: first.disclosure || after.disclosure, answered };
  }

  classify(text: string): Seen {
    const { replies } = this.content.safety.rules;
    const { languages } = this.content.safety;
    const emergency = this.markers.find(([, marker]) => shows(text, marker))?.[0];
    const block = BLOCK_LANGUAGES.find((code) => shows(text, firstLine(languages.translations[code].block)));
    return {
      ...(emergency ? { emergency } : {}),
      checkIn: shows(text, replies.checkIn.text),
      disclosure: shows(text, firstLine(replies.disclosure.text)),
      ...(block ? { block } : shows(text, firstLine(languages.english)) ? { block: 'other' as const } : {}),
    };
  }

  private async reachContext(chat: Conversation, context: CorpusMessage['context']): Promise<void> {
    const { report, shell } = this.content;
    if (context === 'first-message') return;
    await chat.say('hi');
    if (context === 'mid-report') {
      const start = report.intro.choices.find((c) => c.value === 'start')!;
      await chat.say(shell.menu.options.find((o) => o.value === 'report')!.label);
      await chat.say(start.label);
      const asked = await chat.say(report.questions.subject.choices[0]!.label);
      if (!asked.text.includes(report.questions.worry.text)) throw new Error('the evaluation could not reach the report\'s first free-text question');
      return;
    }
    const said = await chat.say(this.followUpRef);
    if (!said.text.includes(report.reference.addPrompt.trim().slice(0, 30))) throw new Error(`the evaluation could not reach "add information" with its reference: ${said.text.slice(0, 300)}`);
  }
}
