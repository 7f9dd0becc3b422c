import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteAuditLog } from '../../src/audit/sqliteAuditLog';
import { SqliteConcernStore } from '../../src/concerns/sqliteConcernStore';
import { issueApiToken } from '../../src/staff/apiTokenAdmin';
import { SqliteApiTokenStore } from '../../src/staff/sqliteApiTokenStore';
import { SqliteStaffStore } from '../../src/staff/sqliteStaffStore';
import { addStaffAccount } from '../../src/staff/staffAdmin';
import { openDatabase } from '../../src/storage/sqliteDatabase';
import { sampleConcern, testDueAt } from '../helpers/concerns';
import { startTestApp } from '../helpers/testApp';

describe('triage on the embedded default (no Redis): the database in DATA_DIR', () => {
  it('takes staff made by the CLI while it runs, and keeps claims, decisions and the audit trail across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clearsight-triage-'));
    try {
      const concern = sampleConcern({ agency: 'doncaster-front-door', area: 'doncaster' });
      const seed = openDatabase(dataDir);
      await new SqliteConcernStore(seed, testDueAt).submit(concern);
      seed.close();

      const first = await startTestApp({ DATA_DIR: dataDir });
      // As `npm run staff -- add` and `token issue` do, through a connection of their own, while the service runs.
      const cli = openDatabase(dataDir);
      const admin = { staff: new SqliteStaffStore(cli), tokens: new SqliteApiTokenStore(cli), audit: new SqliteAuditLog(cli) };
      const { account } = await addStaffAccount(admin, { agency: 'doncaster-front-door', name: 'Di Duty', role: 'duty' }, null, new Date());
      const issued = await issueApiToken(admin, { staffId: account.id, label: 'case system', days: 90 }, null, new Date());
      cli.close();
      if ('refused' in issued) throw new Error(issued.refused);
      const api = (url: string, path: string, body?: unknown) =>
        fetch(`${url}${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { authorization: `Bearer ${issued.bearer}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      expect((await api(first.url, `/api/triage/concerns/${concern.ref}/claim`, {})).status).toBe(200);
      const outcome = { category: 'early-help', rag: 'amber', rationale: 'Family open to support' };
      expect((await api(first.url, `/api/triage/concerns/${concern.ref}/outcome`, outcome)).status).toBe(200);
      await first.stop();

      const second = await startTestApp({ DATA_DIR: dataDir });
      try {
        const detail = (await (await api(second.url, `/api/triage/concerns/${concern.ref}`)).json()) as {
          summary: { status: string; claimedBy: string | null };
          concern: { triage: { outcome: { category: string; rag: string } } };
        };
        expect(detail.summary).toMatchObject({ status: 'passed-on', claimedBy: account.id });
        expect(detail.concern.triage.outcome).toMatchObject({ category: 'early-help', rag: 'amber' });
        const audit = (await (await api(second.url, `/api/triage/concerns/${concern.ref}/audit`)).json()) as { entries: Array<{ action: string }> };
        expect(audit.entries.map((e) => e.action)).toEqual(['claim', 'outcome', 'view']);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
