import { randomUUID } from 'node:crypto';
import { monthOf, type StoredCount } from '../../src/indicators/indicatorStore';
import { SqliteIndicatorStore } from '../../src/indicators/sqliteIndicatorStore';
import { openDatabase } from '../../src/storage/sqliteDatabase';
import { messageActivity } from '../helpers/activities';
import { startTestApp, textsOf, type RunningApp } from '../helpers/testApp';

jest.setTimeout(60_000);

/**
 * The whole path on the embedded default: what people do in the chat reaches the partnership's counters
 * in DATA_DIR, with nothing of what they wrote.
 */
describe('indicators counted by the running service', () => {
  let t: RunningApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.stop();
  });

  const counted = async (): Promise<StoredCount[]> => {
    const db = openDatabase(t.config.DATA_DIR, { readOnly: true });
    try {
      return await new SqliteIndicatorStore(db).read(monthOf(new Date()), monthOf(new Date()));
    } catch {
      return []; // the table is made by the service at start-up: a read-only connection cannot make it
    } finally {
      db.close();
    }
  };
  const value = (counts: StoredCount[], area: string, measure: string) => counts.find((c) => c.area === area && c.measure === measure)?.value ?? 0;

  it('counts a report sent through the bot under its area, with its subject and how the reporter knew', async () => {
    const conversationId = randomUUID();
    const report = ['hi', 'Report a concern', 'Start a report', 'child', 'Older lads keep giving my nephew money to carry bags', 'skip', 'skip', 'skip', 'skip', 'Doncaster', 'skip', 'No', 'skip', 'I saw it myself', 'skip', 'Stay anonymous', 'Send it'];
    let last = '';
    for (const said of report) last = textsOf(await t.send(messageActivity(said, { conversationId })));
    expect(last).toMatch(/[0-9A-HJKMNP-TV-Z]{4}-/);
    const counts = await counted();
    expect(value(counts, 'doncaster', 'concerns')).toBe(1);
    expect(value(counts, 'doncaster', 'subject_child')).toBe(1);
    expect(value(counts, 'doncaster', 'knew_saw')).toBe(1);
    expect(value(counts, 'doncaster', 'urgent')).toBe(0);
    expect(JSON.stringify(counts)).not.toMatch(/nephew|Older lads/);
  });

  it('counts a safety reply and a question answered, under the area the person named (or unknown)', async () => {
    const before = await counted();
    const conversationId = randomUUID();
    for (const said of ['hi', 'my mate has taken loads of pills and wont wake up', 'what is county lines']) await t.send(messageActivity(said, { conversationId }));
    const after = await counted();
    const safety = after.filter((c) => c.measure.startsWith('safety:')).reduce((n, c) => n + c.value, 0) - before.filter((c) => c.measure.startsWith('safety:')).reduce((n, c) => n + c.value, 0);
    expect(safety).toBe(1);
    const answers = (list: StoredCount[]) => list.filter((c) => c.measure.startsWith('answer:') && c.area === 'unknown').reduce((n, c) => n + c.value, 0);
    // The listener does not hold the turn up: give its write a moment to land.
    for (let i = 0; i < 100 && answers(await counted()) === answers(before); i++) await new Promise((r) => setTimeout(r, 50));
    expect(answers(await counted()) - answers(before)).toBe(1);
  });
});
