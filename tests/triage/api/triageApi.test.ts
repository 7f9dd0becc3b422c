import { messageActivity } from '../../helpers/activities';
import { startTriageApp, type StaffLogin, type TriageTestApp } from '../../helpers/triageApp';
import { textsOf } from '../../helpers/testApp';
import { newTriageRecord } from '../../../src/concerns/triageRecord';

const HOUR = 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

interface Summary {
  ref: string;
  status: string;
  urgent: boolean;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  area: string | null;
  category: string;
  claimedBy: string | null;
}

describe('triage API on the real server and real Redis', () => {
  let t: TriageTestApp;
  let duty: StaffLogin;
  let colleague: StaffLogin;
  let manager: StaffLogin;
  let sheffield: StaffLogin;

  beforeAll(async () => {
    t = await startTriageApp();
    duty = await t.addStaff('barnsley-front-door', 'duty', 'Dana Duty');
    colleague = await t.addStaff('barnsley-front-door', 'duty', 'Cal Colleague');
    manager = await t.addStaff('barnsley-front-door', 'manager', 'Mo Manager');
    sheffield = await t.addStaff('sheffield-safeguarding-hub', 'duty', 'Sam Sheffield');
  });
  afterAll(async () => {
    await t.stop();
  });

  const json = async (res: Response) => (await res.json()) as Record<string, unknown>;
  const post = (login: StaffLogin, ref: string, action: string, body?: unknown) =>
    t.api(login, `/api/triage/concerns/${ref}/${action}`, { method: 'POST', body: body ?? {} });

  describe('authentication', () => {
    it('refuses a request with no credentials, a password instead of a token, a wrong or made-up token, with 401 and WWW-Authenticate', async () => {
      const none = await fetch(`${t.url}/api/triage/concerns`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const password = await t.api({ ...duty, token: `${duty.id}.${duty.password}` }, '/api/triage/concerns');
      expect(password.status).toBe(401);
      const wrong = await t.api({ ...duty, token: `${duty.token.slice(0, -4)}AAAA` }, '/api/triage/concerns');
      expect(wrong.status).toBe(401);
      const unknown = await t.api({ ...duty, token: `cs_000000000000${duty.token.slice(15)}` }, '/api/triage/concerns');
      expect(unknown.status).toBe(401);
      const garbage = await fetch(`${t.url}/api/triage/concerns`, { headers: { authorization: 'Basic Zm9vOmJhcg==' } });
      expect(garbage.status).toBe(401);
      expect((await t.api(duty, '/api/triage/concerns')).status).toBe(200);
    });

    it('slows and then refuses wrong secrets for a token from one address, audits each failure without the secret, and leaves the console sign-in alone', async () => {
      const target = await t.addStaff('barnsley-front-door', 'duty', 'Tia Target');
      const before = (await t.audit.recent(500)).filter((e) => e.action === 'sign-in-failed' && e.detail.via === 'bearer').length;
      const guess = (i: number) => `${target.token.slice(0, -4)}GUE${i}`;
      for (let i = 0; i < 5; i++) expect((await t.api({ ...target, token: guess(i) }, '/api/triage/concerns')).status).toBe(401);
      // Locked: the right token is refused too (from this address, for 15 minutes); the password is another credential.
      expect((await t.api(target, '/api/triage/concerns')).status).toBe(401);
      const form = await fetch(`${t.url}/triage/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ name: target.id, password: target.password }).toString(),
      });
      expect(form.status).toBe(303);
      const failures = (await t.audit.recent(500)).filter((e) => e.action === 'sign-in-failed' && e.detail.via === 'bearer');
      expect(failures.length - before).toBe(5);
      expect(JSON.stringify(failures)).not.toContain(target.token.slice(16, -4));
      expect(JSON.stringify(failures)).not.toContain(target.id);
    });

    it('refuses a disabled account at once, even one whose token was just used', async () => {
      const leaver = await t.addStaff('barnsley-front-door', 'duty', 'Lee Leaver');
      expect((await t.api(leaver, '/api/triage/concerns')).status).toBe(200);
      await t.disableStaff(leaver.id);
      expect((await t.api(leaver, '/api/triage/concerns')).status).toBe(401);
    });
  });

  describe('the queue', () => {
    it("lists only the caller's agency, urgent first then oldest, with the due clock and filters", async () => {
      const old = await t.seedConcern({ receivedAt: ago(9 * 24 * HOUR), statusChangedAt: ago(9 * 24 * HOUR) });
      const fresh = await t.seedConcern({ receivedAt: ago(60_000), statusChangedAt: ago(60_000) });
      const urgent = await t.seedConcern({ urgent: true, urgentReasons: ['danger-now-answer'], receivedAt: ago(5 * 60_000) });
      const elsewhere = await t.seedConcern({ agency: 'sheffield-safeguarding-hub', area: 'sheffield' });

      const body = await json(await t.api(duty, '/api/triage/concerns'));
      const list = body.concerns as Summary[];
      const refs = list.map((c) => c.ref);
      expect(refs).not.toContain(elsewhere.ref);
      const ours = refs.filter((r) => [old.ref, fresh.ref, urgent.ref].includes(r));
      expect(ours).toEqual([urgent.ref, old.ref, fresh.ref]);
      const oldItem = list.find((c) => c.ref === old.ref)!;
      expect(oldItem).toMatchObject({ status: 'received', urgent: false, overdue: true, area: 'barnsley', category: 'child', claimedBy: null });
      const urgentItem = list.find((c) => c.ref === urgent.ref)!;
      expect(Date.parse(urgentItem.dueAt) - Date.parse(urgentItem.receivedAt)).toBe(HOUR);
      expect(urgentItem.overdue).toBe(false);
      expect(list.find((c) => c.ref === fresh.ref)!.overdue).toBe(false);

      const overdue = (await json(await t.api(duty, '/api/triage/concerns?overdue=true'))).concerns as Summary[];
      expect(overdue.map((c) => c.ref)).toContain(old.ref);
      expect(overdue.every((c) => c.overdue)).toBe(true);
      const urgentOnly = (await json(await t.api(duty, '/api/triage/concerns?urgent=true'))).concerns as Summary[];
      expect(urgentOnly.map((c) => c.ref)).toEqual([urgent.ref]);
      expect((await t.api(duty, '/api/triage/concerns?status=closed')).status).toBe(200);
      expect((await t.api(duty, '/api/triage/concerns?colour=red')).status).toBe(400);
      expect((await t.api(duty, '/api/triage/concerns?urgent=maybe')).status).toBe(400);
    });

    it('pages the queue: limit lines a page, `next` until the last, the same order as one long page, filters kept', async () => {
      const rotherham = await t.addStaff('rotherham-mash');
      const seeded = [];
      for (let i = 0; i < 7; i++) {
        const urgent = i % 3 === 0;
        const receivedAt = ago((20 - i) * 24 * HOUR);
        seeded.push(await t.seedConcern({ agency: 'rotherham-mash', area: 'rotherham', receivedAt, statusChangedAt: receivedAt, ...(urgent ? { urgent, urgentReasons: ['danger-now-answer'] as const } : {}) }));
      }
      const pages = async (query: string, limit: number) => {
        const refs: string[] = [];
        let cursor: string | undefined;
        for (let n = 0; n < 20; n++) {
          const body = await json(await t.api(rotherham, `/api/triage/concerns?${query}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
          const list = body.concerns as Summary[];
          expect(list.length).toBeLessThanOrEqual(limit);
          refs.push(...list.map((c) => c.ref));
          if (body.next === undefined) return refs;
          cursor = body.next as string;
        }
        throw new Error('the pages never ended');
      };
      const whole = ((await json(await t.api(rotherham, '/api/triage/concerns'))).concerns as Summary[]).map((c) => c.ref);
      expect(whole).toHaveLength(7);
      expect(whole.slice(0, 3).sort()).toEqual(seeded.filter((c) => c.urgent).map((c) => c.ref).sort());
      for (const limit of [1, 2, 3, 7]) expect(await pages('', limit)).toEqual(whole);
      expect(await pages('urgent=false&', 2)).toEqual(whole.slice(3));
      expect(await pages('overdue=true&', 2)).toEqual(whole);
      expect((await json(await t.api(rotherham, '/api/triage/concerns?limit=7'))).next).toBeUndefined();
      for (const bad of ['limit=0', 'limit=201', 'limit=ten', 'cursor=nonsense', 'cursor=1.ABCD']) {
        expect((await t.api(rotherham, `/api/triage/concerns?${bad}`)).status).toBe(400);
      }
    });

    it('never shows what the reporter wrote in the queue', async () => {
      const concern = await t.seedConcern();
      const text = await (await t.api(duty, '/api/triage/concerns')).text();
      expect(text).toContain(concern.ref);
      expect(text).not.toContain(concern.answers.worry!);
    });
  });

  describe('another agency', () => {
    it('gets 404 on every route, exactly as for a reference that does not exist, and the attempt is audited', async () => {
      const concern = await t.seedConcern();
      const missing = 'ZZZZ-ZZZZ-ZZZZ-ZZZ0';
      const routes: Array<[string, string, unknown]> = [
        ['GET', '', undefined],
        ['GET', '/audit', undefined],
        ['POST', '/claim', {}],
        ['POST', '/release', {}],
        ['POST', '/notes', { text: 'a note' }],
        ['POST', '/question', { text: 'a question' }],
        ['POST', '/outcome', { category: 'early-help', rag: 'amber', rationale: 'why' }],
        ['POST', '/transfer', { to: 'south-yorkshire-police', reason: 'why' }],
        ['POST', '/close', {}],
      ];
      const otherManager = await t.addStaff('sheffield-safeguarding-hub', 'manager');
      for (const [method, suffix, body] of routes) {
        for (const login of [sheffield, otherManager]) {
          const theirs = await t.api(login, `/api/triage/concerns/${concern.ref}${suffix}`, { method, body });
          const none = await t.api(login, `/api/triage/concerns/${missing}${suffix}`, { method, body });
          expect([method, suffix, theirs.status]).toEqual([method, suffix, 404]);
          expect(await theirs.json()).toEqual(await none.json());
        }
      }
      const stored = await t.store.get(concern.ref);
      expect(stored?.triage.claim).toBeNull();
      expect(stored?.agency).toBe('barnsley-front-door');
      // Each attempt is on the concern's own audit trail, for its agency to see: who, from where, nothing more.
      const trail = await t.audit.forRef(concern.ref);
      expect(trail).toHaveLength(routes.length * 2);
      expect(new Set(trail.map((e) => `${e.action} ${e.agency} ${e.detail.reason}`))).toEqual(new Set(['refused sheffield-safeguarding-hub other-agency']));
      expect(new Set(trail.map((e) => e.staffId))).toEqual(new Set([sheffield.id, otherManager.id]));
      expect(await t.audit.forRef(missing)).toEqual([]);
      // Barnsley's staff see them in the concern's audit trail.
      const seen = (await (await t.api(duty, `/api/triage/concerns/${concern.ref}/audit`)).json()) as { entries: Array<{ action: string }> };
      expect(seen.entries.filter((e) => e.action === 'refused')).toHaveLength(routes.length * 2);
    });
  });

  describe('claims', () => {
    it('lets exactly one of two staff claiming at once win; the other gets 409 until it is released', async () => {
      for (let round = 0; round < 8; round++) {
        const concern = await t.seedConcern();
        const [a, b] = await Promise.all([post(duty, concern.ref, 'claim'), post(colleague, concern.ref, 'claim')]);
        expect([a.status, b.status].sort()).toEqual([200, 409]);
        const winner = a.status === 200 ? duty : colleague;
        const loser = winner === duty ? colleague : duty;
        expect((await t.store.get(concern.ref))?.triage.claim?.by).toBe(winner.id);
        const refused = await json(a.status === 409 ? a : b);
        expect(refused.error).toBe('claimed');
        expect((await post(loser, concern.ref, 'notes', { text: 'me too' })).status).toBe(409);
        expect((await post(winner, concern.ref, 'release')).status).toBe(200);
        expect((await post(loser, concern.ref, 'claim')).status).toBe(200);
      }
    });

    it('returns an abandoned claim to the queue once its time has run out', async () => {
      const concern = await t.seedConcern({
        triage: {
          ...newTriageRecord(),
          claim: { by: colleague.id, at: ago(3 * HOUR), until: ago(2 * HOUR) },
          acknowledgedAt: ago(3 * HOUR),
        },
      });
      const list = (await json(await t.api(duty, '/api/triage/concerns'))).concerns as Summary[];
      expect(list.find((c) => c.ref === concern.ref)?.claimedBy).toBeNull();
      expect((await post(duty, concern.ref, 'claim')).status).toBe(200);
    });

    it('lets a manager release a colleague\u2019s claim, and not a duty worker', async () => {
      const concern = await t.seedConcern();
      expect((await post(colleague, concern.ref, 'claim')).status).toBe(200);
      expect((await post(duty, concern.ref, 'release')).status).toBe(409);
      expect((await post(manager, concern.ref, 'release')).status).toBe(200);
      expect((await t.store.get(concern.ref))?.triage.claim).toBeNull();
    });
  });

  describe('working a concern from claim to close', () => {
    it('records each step, moves the reporter\u2019s status along, and audits every action without any text', async () => {
      const concern = await t.seedConcern({ additions: [{ at: ago(HOUR), text: 'He came home with a new phone too.' }] });
      const detail = await json(await t.api(duty, `/api/triage/concerns/${concern.ref.toLowerCase().replace(/-/g, ' ')}`));
      expect((detail.concern as { answers: { worry: string } }).answers.worry).toBe(concern.answers.worry);
      expect(JSON.stringify(detail)).toContain('He came home with a new phone too.');

      expect((await post(duty, concern.ref, 'close')).status).toBe(409); // no outcome yet
      const claimed = await json(await post(duty, concern.ref, 'claim'));
      expect((claimed.summary as Summary).status).toBe('being-looked-at');
      expect((await post(duty, concern.ref, 'notes', { text: 'Rang the school: PRIVATE NOTE TEXT' })).status).toBe(200);
      expect((await post(duty, concern.ref, 'question', { text: 'Which park is it, please?' })).status).toBe(200);
      const decided = await post(duty, concern.ref, 'outcome', { category: 'childrens-social-care', rag: 'red', rationale: 'SECRET RATIONALE words' });
      expect(decided.status).toBe(200);
      const decidedBody = await json(decided);
      expect((decidedBody.summary as Summary).status).toBe('passed-on');
      expect((decidedBody.summary as Summary).overdue).toBe(false);
      expect((await post(duty, concern.ref, 'close')).status).toBe(200);

      const stored = await t.store.get(concern.ref);
      expect(stored).toMatchObject({ status: 'closed', triage: { claim: null, outcome: { category: 'childrens-social-care', rag: 'red', by: duty.id } } });
      expect(stored?.triage.notes.map((n) => n.text)).toEqual(['Rang the school: PRIVATE NOTE TEXT']);
      expect(stored?.questions.map((q) => q.text)).toEqual(['Which park is it, please?']);
      expect((await post(duty, concern.ref, 'notes', { text: 'after close' })).status).toBe(409);

      const audit = await json(await t.api(duty, `/api/triage/concerns/${concern.ref}/audit`));
      const entries = audit.entries as Array<{ action: string; staffId: string; ref: string; at: string; detail: Record<string, string> }>;
      expect(entries.map((e) => e.action)).toEqual(['view', 'claim', 'note', 'question', 'outcome', 'close']);
      expect(entries.every((e) => e.staffId === duty.id && e.ref === concern.ref && !Number.isNaN(Date.parse(e.at)))).toBe(true);
      expect(entries.find((e) => e.action === 'outcome')?.detail).toEqual({ category: 'childrens-social-care', rag: 'red' });
      // The audit trail, read straight from Redis, holds no text anyone wrote.
      const raw = JSON.stringify(await t.redis.xRange(`${t.prefix}audit`, '-', '+'));
      for (const text of ['PRIVATE NOTE TEXT', 'Which park', 'SECRET RATIONALE', concern.answers.worry!, 'new phone']) {
        expect(raw).not.toContain(text);
      }
      // The refused close (no outcome) and the refused note (closed) changed nothing, so they are not in the trail.
      expect(entries).toHaveLength(6);
    });

    it('shows the returning reporter the status and the team\u2019s question', async () => {
      const concern = await t.seedConcern();
      await post(duty, concern.ref, 'claim');
      await post(duty, concern.ref, 'question', { text: 'Was it this week or last week?' });
      await post(duty, concern.ref, 'release');
      const conversationId = `reporter-${concern.ref}`;
      const send = async (text: string) => textsOf(await (await fetch(`${t.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(messageActivity(text, { conversationId })),
      }).then((r) => r.json() as Promise<{ activities: Array<Record<string, unknown>> }>)).activities);
      await send('hi');
      const said = await send(`my reference is ${concern.ref}`);
      expect(said).toContain(`Your report ${concern.ref}: being looked at.`);
      expect(said).toContain('Was it this week or last week?');
      await send('Last week, on Tuesday');
      const stored = await t.store.get(concern.ref);
      expect(stored?.questions[0]?.answer).toBe('Last week, on Tuesday');
    });
  });

  describe('transfer', () => {
    it('is for managers; it moves the concern to the other queue, restarts the clock and hides it from the first agency', async () => {
      const concern = await t.seedConcern({ receivedAt: ago(9 * 24 * HOUR) });
      const body = { to: 'south-yorkshire-police', reason: 'About a flat used for dealing' };
      const refused = await post(duty, concern.ref, 'transfer', body);
      expect(refused.status).toBe(403);
      expect((await post(manager, concern.ref, 'transfer', { ...body, to: 'barnsley-front-door' })).status).toBe(400);
      expect((await post(manager, concern.ref, 'transfer', { ...body, to: 'no-such-agency' })).status).toBe(400);
      const moved = await post(manager, concern.ref, 'transfer', body);
      expect(moved.status).toBe(200);
      const summary = (await json(moved)).summary as Summary;
      expect(summary.overdue).toBe(false);
      // New to the police (so their "New" filter shows it); the reporter is told it was passed to the right team.
      expect(summary.status).toBe('received');
      expect((await t.store.get(concern.ref))?.status).toBe('passed-on');
      expect((await t.api(duty, `/api/triage/concerns/${concern.ref}`)).status).toBe(404);
      const police = await t.addStaff('south-yorkshire-police', 'duty');
      const theirs = (await json(await t.api(police, '/api/triage/concerns'))).concerns as Summary[];
      expect(theirs.map((c) => c.ref)).toContain(concern.ref);
      const entries = (await json(await t.api(police, `/api/triage/concerns/${concern.ref}/audit`))).entries as Array<{ action: string; detail: Record<string, string> }>;
      expect(entries.find((e) => e.action === 'transfer')?.detail).toEqual({ from: 'barnsley-front-door', to: 'south-yorkshire-police' });
      expect(JSON.stringify(entries)).not.toContain('flat used for dealing');
      // It sits in the new agency's queue index, and no longer in the first one's.
      expect(await t.redis.zRange(`${t.prefix}queue:south-yorkshire-police:open`, 0, -1)).toContain(concern.ref);
      expect(await t.redis.zRange(`${t.prefix}queue:${concern.agency}:open`, 0, -1)).not.toContain(concern.ref);
    });
  });

  describe('bodies are parsed strictly', () => {
    it('answers 400 for unknown or missing fields, bad values and bad JSON, and 413 for a huge body', async () => {
      const concern = await t.seedConcern();
      expect((await post(duty, concern.ref, 'notes', { text: 'ok', extra: 1 })).status).toBe(400);
      expect((await post(duty, concern.ref, 'notes', {})).status).toBe(400);
      expect((await post(duty, concern.ref, 'notes', { text: '   ' })).status).toBe(400);
      expect((await post(duty, concern.ref, 'outcome', { category: 'lock-them-up', rag: 'red', rationale: 'x' })).status).toBe(400);
      expect((await post(duty, concern.ref, 'outcome', { category: 'early-help', rag: 'purple', rationale: 'x' })).status).toBe(400);
      expect((await post(duty, concern.ref, 'claim', { force: true })).status).toBe(400);
      expect((await post(duty, concern.ref, 'notes', '{"text": ')).status).toBe(400);
      expect((await post(duty, concern.ref, 'notes', { text: 'x'.repeat(40_000) })).status).toBe(413);
      expect((await post(duty, concern.ref, 'notes', { text: 'x'.repeat(4001) })).status).toBe(400);
      const refusal = await json(await post(duty, concern.ref, 'notes', { text: 'ok', extra: 'SECRET' }));
      expect(refusal.error).toBe('bad_request');
      expect(JSON.stringify(refusal)).not.toContain('SECRET');
      expect((await t.store.get(concern.ref))?.triage.notes).toEqual([]);
    });
  });

  describe('responses', () => {
    it('carry no-store and the security headers', async () => {
      for (const res of [await t.api(duty, '/api/triage/concerns'), await fetch(`${t.url}/api/triage/concerns`)]) {
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      }
    });

    it('never log what staff or reporters wrote', async () => {
      const concern = await t.seedConcern();
      await post(duty, concern.ref, 'notes', { text: 'LOGCHECK note words' });
      expect(t.logs.text).not.toContain('LOGCHECK');
      expect(t.logs.text).not.toContain(concern.answers.worry!);
      expect(t.logs.text).not.toContain(duty.password);
    });
  });
});
