import type { AuditEntry, AuditLog } from '../../src/audit/auditEntry';
import { InvalidAuditEntryError } from '../../src/audit/auditErrors';

const T0 = Date.parse('2025-03-01T09:00:00.000Z');

export function entry(minutes: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: new Date(T0 + minutes * 60_000).toISOString(),
    staffId: 'jo-bloggs-7k2p',
    agency: 'sheffield-safeguarding-hub',
    action: 'view',
    ref: 'K7PM-3XQ9-RT4W-HN2C',
    detail: {},
    ...overrides,
  };
}

/** The behaviour every AuditLog must have; run against SQLite and the real Redis. */
export function describeAuditLogContract(name: string, make: () => Promise<AuditLog>, teardown: () => Promise<void>) {
  describe(`${name} (AuditLog contract)`, () => {
    let log: AuditLog;
    beforeEach(async () => {
      log = await make();
    });
    afterEach(teardown);

    it('gives back a concern\'s entries oldest first, and only that concern\'s', async () => {
      const mine = [entry(0, { action: 'claim' }), entry(2, { action: 'outcome', detail: { outcome: 'referred', risk: 'high' } })];
      await log.append(mine[0] as AuditEntry);
      await log.append(entry(1, { ref: 'AAAA-BBBB-CCCC-DDDD' }));
      await log.append(entry(1.5, { ref: null, action: 'sign-in' }));
      await log.append(mine[1] as AuditEntry);
      expect(await log.forRef('K7PM-3XQ9-RT4W-HN2C')).toEqual(mine);
      expect(await log.forRef('ZZZZ-ZZZZ-ZZZZ-ZZZZ')).toEqual([]);
    });

    it('gives back the most recent entries across everything, newest first, up to the limit', async () => {
      const entries = [entry(0), entry(1, { ref: null, staffId: null, agency: null, action: 'sign-in-failed' }), entry(2, { ref: 'AAAA-BBBB-CCCC-DDDD' })];
      for (const e of entries) await log.append(e);
      expect(await log.recent(2)).toEqual([entries[2], entries[1]]);
      expect(await log.recent(10)).toEqual([...entries].reverse());
      expect(await log.recent(0)).toEqual([]);
    });

    it('has nothing before the first append', async () => {
      expect(await log.recent(5)).toEqual([]);
      expect(await log.forRef('K7PM-3XQ9-RT4W-HN2C')).toEqual([]);
    });

    it('keeps entries appended concurrently, each once', async () => {
      const entries = Array.from({ length: 25 }, (_, i) => entry(i, { detail: { n: String(i) } }));
      await Promise.all(entries.map((e) => log.append(e)));
      const stored = await log.forRef('K7PM-3XQ9-RT4W-HN2C');
      expect(stored.map((e) => e.detail.n).sort()).toEqual(entries.map((e) => e.detail.n).sort());
    });

    it('refuses an entry that does not match the schema, naming the field, and stores nothing', async () => {
      const bad: unknown[] = [
        { ...entry(0), action: 'delete-everything' },
        { ...entry(0), detail: { note: 'x'.repeat(81) } },
        { ...entry(0), text: 'what someone wrote' },
        { ...entry(0), at: 'yesterday' },
      ];
      for (const b of bad) await expect(log.append(b as AuditEntry)).rejects.toBeInstanceOf(InvalidAuditEntryError);
      await expect(log.append(bad[0] as AuditEntry)).rejects.toThrow(/action/);
      expect(await log.recent(10)).toEqual([]);
    });
  });
}
