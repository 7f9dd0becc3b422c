import { ConversationState, TestAdapter, type StoreItems } from 'botbuilder';
import { OUTCOME_TOLD } from '../../dialogs/turnFlags';
import { ClearsightBot } from '../../src/bot/clearsightBot';
import { TurnLockTimeoutError } from '../../src/bot/turnLock';
import { createTurnErrorHandler } from '../../src/bot/turnErrorHandler';
import { createIdHasher } from '../../src/logging/idHasher';
import { createLogger } from '../../src/logging/logger';
import { MemoryStorage } from '../../src/storage/memoryStorage';
import { FencedOutError } from '../../src/storage/writeFence';
import { LogCapture } from '../helpers/testApp';
import { botDeps, shellContent, textOf } from '../helpers/transcript';

/** A store that fails the next write when asked to: a turn that breaks half-way. */
class FlakyStorage extends MemoryStorage {
  failNextWrite = false;
  /** Storage unreachable: every read, write and delete fails until set back. */
  down = false;
  override async read(keys: string[]) {
    if (this.down) throw new Error('connection refused');
    return super.read(keys);
  }
  override async delete(keys: string[]): Promise<void> {
    if (this.down) throw new Error('connection refused');
    return super.delete(keys);
  }
  override async write(changes: StoreItems): Promise<void> {
    if (this.down) throw new Error('connection refused');
    if (this.failNextWrite) {
      this.failNextWrite = false;
      throw new Error('disk on fire: user said "my secret text"');
    }
    return super.write(changes);
  }
}

/** The real bot on flaky storage, with the real turn error handler logging to a capture. */
function botOnFlakyStorage() {
  const storage = new FlakyStorage(3600_000);
  const bot = new ClearsightBot({ conversationState: new ConversationState(storage), deps: botDeps(), ttlHours: 4 });
  const logs = new LogCapture();
  const adapter = new TestAdapter((c) => bot.run(c));
  adapter.onTurnError = createTurnErrorHandler({
    logger: createLogger('info', logs),
    hashId: createIdHasher('test-key-0123456789'),
    clearConversation: (c) => bot.clearConversation(c),
    apology: shellContent.turnError,
    unavailable: shellContent.unavailable,
  });
  return { storage, logs, adapter };
}

describe('onTurnError', () => {
  it('logs a code without the message, clears the dialog state, and apologises with a way forward', async () => {
    const { storage, logs, adapter } = botOnFlakyStorage();

    await adapter.send('hi').assertReply(() => undefined).assertReply(() => undefined).startTest();
    await adapter.send('Tell me who you are').assertReply(() => undefined).startTest();
    expect(storage.size()).toBe(1);

    storage.failNextWrite = true;
    await adapter
      .send('Young person')
      .assertReply(() => undefined) // the thanks, sent before the save failed
      .assertReply(() => undefined) // the menu
      .assertReply((a) => expect(textOf(a)).toMatch(/something went wrong on our side[\s\S]*menu[\s\S]*999/))
      .startTest();

    expect(storage.size()).toBe(0);
    expect(logs.text).toMatch(/"code":"TURN_FAILED"/);
    expect(logs.text).toMatch(/"type":"Error"/);
    expect(logs.text).not.toMatch(/secret text|disk on fire/);

    // The next message starts afresh, at the welcome, instead of failing again.
    await adapter.send('hi').assertReply((a) => expect(textOf(a)).toMatch(/automated helper/)).startTest();
  });

  it('does not claim to have cleared anything when storage is unreachable, and loses nothing', async () => {
    const { storage, logs, adapter } = botOnFlakyStorage();
    await adapter.send('hi').assertReply(() => undefined).assertReply(() => undefined).startTest();
    await adapter.send('Tell me who you are').assertReply(() => undefined).startTest();

    storage.down = true;
    await adapter
      .send('Young person')
      .assertReply((a) => {
        expect(textOf(a)).toBe(shellContent.unavailable);
        expect(textOf(a)).not.toMatch(/cleared/);
      })
      .startTest();
    expect(logs.text).toMatch(/"code":"STATE_CLEAR_FAILED"/);

    // Back up: the conversation carries on from where it was (the who-are-you question).
    storage.down = false;
    await adapter.send('Young person').assertReply((a) => expect(textOf(a)).toMatch(/not in trouble/)).startTest();
  });

  it('adds nothing to a turn that already told the reporter the outcome, and clears nothing (one message per outcome)', async () => {
    const logs = new LogCapture();
    let cleared = 0;
    const adapter = new TestAdapter(async (context) => {
      await context.sendActivity('Your report has been received. Your reference is K7PM-3XQ9-RT4W-HN2C');
      context.turnState.set(OUTCOME_TOLD, true);
      throw new Error('saving the conversation failed'); // what ConversationState.saveChanges throws with Redis gone
    });
    adapter.onTurnError = createTurnErrorHandler({
      logger: createLogger('info', logs),
      hashId: createIdHasher('test-key-0123456789'),
      clearConversation: async () => {
        cleared += 1;
      },
      apology: shellContent.turnError,
      unavailable: shellContent.unavailable,
    });
    await adapter
      .send('Send it')
      .assertReply((a) => expect(textOf(a)).toMatch(/received/))
      .startTest();
    // No second reply: the next one is the next turn's.
    await adapter.send('hi').assertReply((a) => expect(textOf(a)).toMatch(/received/)).startTest();
    expect(cleared).toBe(0);
    expect(logs.text).toMatch(/"code":"TURN_FAILED_AFTER_OUTCOME"/);
    expect(logs.text).not.toMatch(/K7PM|saving the conversation/);
  });

  it.each([
    ['its conversation stayed busy on another server (the turn never ran)', () => new TurnLockTimeoutError('the conversation stayed busy on another server')],
    ['its lock passed to a later turn while it ran (fenced out)', () => new FencedOutError()],
  ])('clears nothing when %s, and asks to try again', async (_why, error) => {
    const logs = new LogCapture();
    let cleared = 0;
    const adapter = new TestAdapter(async () => {
      throw error();
    });
    adapter.onTurnError = createTurnErrorHandler({
      logger: createLogger('info', logs),
      hashId: createIdHasher('test-key-0123456789'),
      clearConversation: async () => {
        cleared += 1;
      },
      apology: shellContent.turnError,
      unavailable: shellContent.unavailable,
    });
    await adapter
      .send('Try again')
      .assertReply((a) => expect(textOf(a)).toBe(shellContent.unavailable))
      .startTest();
    expect(cleared).toBe(0);
    expect(logs.text).toMatch(/"code":"TURN_FAILED"/);
  });
});
