import { toGsm7 } from '../../src/channels/gsm7';
import type { SqliteConcernStore } from '../../src/concerns/sqliteConcernStore';
import { openScratchStore } from '../../scripts/safety/botDriver';
import { Chat } from '../helpers/chat';
import { OFFICE_HOURS, safety, transcriptAdapter } from '../helpers/transcript';

/**
 * The words the bot itself tells people to type (MORE, SOURCE, menu, help, stop...) are commands, judged by
 * the safety rules alone wherever they are typed, never by the classifier: "more" reads like "I don't want to
 * be here any more" to it, and texting MORE mid-report got the self-harm reply.
 */
let scratch: ReturnType<typeof openScratchStore>;
let store: SqliteConcernStore;
beforeEach(() => {
  scratch = openScratchStore();
  store = scratch.store;
});
afterEach(() => scratch.close());

const { replies } = safety.rules;
/** The start of each emergency reply, as web chat and (in GSM-7) SMS show it, and the check-in question. */
const ALARMS = [replies.danger, replies['self-harm'], replies.overdose, replies.hurtNearby].flatMap((r) => [r.text.trim().slice(0, 50), toGsm7(r.text.trim()).slice(0, 50)]);
const alarmed = (text: string) => ALARMS.some((start) => text.includes(start)) || /Is someone in danger right now\?/.test(text);

describe('the bot’s own words', () => {
  it.each(['sms', 'webchat'])('are never taken for an alarm, in a report or at the menu (%s)', async (channel) => {
    const chat = new Chat(transcriptAdapter(channel, OFFICE_HOURS, { store }));
    await chat.say('hi');
    for (const word of ['more', 'MORE', 'tell me more', 'Source', 'menu', 'help', 'stop']) expect({ word, alarmed: alarmed((await chat.say(word)).text) }).toEqual({ word, alarmed: false });
    await chat.say('Report a concern');
    await chat.say('Start a report');
    for (const word of ['more', 'source']) expect({ word, alarmed: alarmed((await chat.say(word)).text) }).toEqual({ word, alarmed: false });
  });

  it('still raise the alarm when the words around them do', async () => {
    const chat = new Chat(transcriptAdapter('sms', OFFICE_HOURS, { store }));
    await chat.say('hi');
    expect(alarmed((await chat.say("i dont want to be here any more, i've got the tablets ready")).text)).toBe(true);
    expect(alarmed((await chat.say('help theres a man with a knife at the door')).text)).toBe(true);
  });
});
