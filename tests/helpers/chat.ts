import type { Activity, TestAdapter } from 'botbuilder';
import { buttonsOf, textOf } from './transcript';

/** What the bot said back to one message. */
export interface Said {
  activities: Partial<Activity>[];
  /** Every reply's text, joined with blank lines. */
  text: string;
  /** The last reply's text (usually the question now being asked). */
  last: string;
  /** The buttons offered on the last reply. */
  buttons: string[];
}

/**
 * A conversation with the real bot through a TestAdapter, one message at a time, so that long
 * transcripts (a whole report) read as a script: `const r = await chat.say('skip')`.
 */
export class Chat {
  constructor(readonly adapter: TestAdapter) {}

  async say(text: string): Promise<Said> {
    await this.adapter.receiveActivity(text);
    const activities: Partial<Activity>[] = [];
    for (let a = this.adapter.getNextReply(); a; a = this.adapter.getNextReply()) activities.push(a);
    const last = activities[activities.length - 1] ?? {};
    return { activities, text: activities.map(textOf).join('\n\n'), last: textOf(last), buttons: buttonsOf(last) };
  }
}
