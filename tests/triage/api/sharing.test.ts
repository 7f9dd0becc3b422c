import { messageActivity } from '../../helpers/activities';
import { textsOf } from '../../helpers/testApp';
import { startTriageApp, type StaffLogin, type TriageTestApp } from '../../helpers/triageApp';

interface Summary {
  ref: string;
  status: string;
  newToTeam: boolean;
  unread: number;
  alsoWith: Array<{ agency: string; status: string }>;
}

// Four accounts (a scrypt and a token each) and a server: slow on a busy machine.
jest.setTimeout(60_000);

describe('sharing a concern between agencies, and what changed, over the triage API (real server, real Redis)', () => {
  let t: TriageTestApp;
  let duty: StaffLogin;
  let manager: StaffLogin;
  let sheffield: StaffLogin;
  let police: StaffLogin;

  beforeAll(async () => {
    t = await startTriageApp();
    duty = await t.addStaff('barnsley-front-door', 'duty', 'Dana Duty');
    manager = await t.addStaff('barnsley-front-door', 'manager', 'Mo Manager');
    sheffield = await t.addStaff('sheffield-safeguarding-hub', 'duty', 'Sam Sheffield');
    police = await t.addStaff('south-yorkshire-police', 'duty', 'Pat Police');
  });
  afterAll(async () => {
    await t.stop();
  });

  const json = async (res: Response) => (await res.json()) as Record<string, unknown>;
  const post = (login: StaffLogin, ref: string, action: string, body?: unknown) =>
    t.api(login, `/api/triage/concerns/${ref}/${action}`, { method: 'POST', body: body ?? {} });
  const queue = async (login: StaffLogin, query = '') => (await json(await t.api(login, `/api/triage/concerns${query}`))).concerns as Summary[];
  const lineFor = async (login: StaffLogin, ref: string, query = '') => (await queue(login, query)).find((c) => c.ref === ref);
  const open = async (login: StaffLogin, ref: string) => json(await t.api(login, `/api/triage/concerns/${ref}`));

  it('lets a manager share a concern: the other agency gets its own part, new to that team, and each sees who else has it', async () => {
    const concern = await t.seedConcern();
    const body = { to: 'sheffield-safeguarding-hub', reason: 'The boy goes to school in Sheffield' };
    expect((await post(duty, concern.ref, 'share', body)).status).toBe(403);
    expect((await post(manager, concern.ref, 'share', { ...body, to: 'barnsley-front-door' })).status).toBe(400);
    expect((await post(manager, concern.ref, 'share', { ...body, to: 'no-such-agency' })).status).toBe(400);
    // Before sharing, Sheffield cannot see it at all.
    expect((await t.api(sheffield, `/api/triage/concerns/${concern.ref}`)).status).toBe(404);

    const shared = await post(manager, concern.ref, 'share', body);
    expect(shared.status).toBe(200);
    expect(((await json(shared)).summary as Summary).alsoWith).toEqual([{ agency: 'sheffield-safeguarding-hub', status: 'received' }]);
    const again = await post(manager, concern.ref, 'share', body);
    expect(again.status).toBe(400);
    expect((await json(again)).error).toBe('already_has');

    // In Sheffield's queue, under the "New" filter, marked new to the team, with Barnsley beside it (sharing
    // was Barnsley acting on it: being looked at there).
    const theirs = await lineFor(sheffield, concern.ref, '?status=received');
    expect(theirs).toMatchObject({ status: 'received', newToTeam: true, alsoWith: [{ agency: 'barnsley-front-door', status: 'being-looked-at' }] });
    // Opening it clears "new to this team".
    const opened = await open(sheffield, concern.ref);
    expect((opened.concern as { agency: string }).agency).toBe('sheffield-safeguarding-hub');
    expect(await lineFor(sheffield, concern.ref)).toMatchObject({ newToTeam: false });
    // Barnsley's own part: routed there first, never "new to this team".
    expect(await lineFor(duty, concern.ref)).toMatchObject({ newToTeam: false, alsoWith: [{ agency: 'sheffield-safeguarding-hub', status: 'received' }] });
  });

  it('keeps each agency\u2019s claim, notes and decision apart; the reporter sees closed only when both have closed', async () => {
    const concern = await t.seedConcern();
    await post(manager, concern.ref, 'share', { to: 'sheffield-safeguarding-hub', reason: 'School in Sheffield' });
    // Both can claim at once: each claims its own part.
    expect((await post(duty, concern.ref, 'claim')).status).toBe(200);
    expect((await post(sheffield, concern.ref, 'claim')).status).toBe(200);
    await post(sheffield, concern.ref, 'notes', { text: 'SHEFFIELD PRIVATE NOTE' });
    await post(sheffield, concern.ref, 'outcome', { category: 'early-help', rag: 'amber', rationale: 'Early help offered' });
    expect((await post(sheffield, concern.ref, 'close')).status).toBe(200);

    // Barnsley: its own part still open and claimed by Dana; it sees Sheffield's part closed, never its notes.
    const barnsley = await open(duty, concern.ref);
    expect(barnsley.summary).toMatchObject({ status: 'being-looked-at', claimedBy: duty.id, alsoWith: [{ agency: 'sheffield-safeguarding-hub', status: 'closed' }] });
    expect(JSON.stringify(barnsley)).not.toContain('SHEFFIELD PRIVATE NOTE');
    expect((await t.store.get(concern.ref))?.status).not.toBe('closed');
    // Sheffield's closed part is in its closed queue, and its audit trail holds only its own actions.
    expect(await lineFor(sheffield, concern.ref, '?status=closed')).toMatchObject({ status: 'closed' });
    const trail = (await json(await t.api(sheffield, `/api/triage/concerns/${concern.ref}/audit`))).entries as Array<{ agency: string; action: string }>;
    // Sheffield's own actions, and the share that brought it there; none of Barnsley's claims or views.
    expect(trail.map((e) => `${e.agency} ${e.action}`)).toEqual([
      'barnsley-front-door share',
      ...['claim', 'note', 'outcome', 'close'].map((a) => `sheffield-safeguarding-hub ${a}`),
    ]);

    await post(duty, concern.ref, 'outcome', { category: 'childrens-social-care', rag: 'red', rationale: 'Referral made' });
    await post(duty, concern.ref, 'close');
    expect((await t.store.get(concern.ref))?.status).toBe('closed');
  });

  it('refuses to transfer a concern to an agency that already has it, and moves only the transferring agency\u2019s part', async () => {
    const concern = await t.seedConcern();
    await post(manager, concern.ref, 'share', { to: 'sheffield-safeguarding-hub', reason: 'School in Sheffield' });
    const clash = await post(manager, concern.ref, 'transfer', { to: 'sheffield-safeguarding-hub', reason: 'Wrong area' });
    expect(clash.status).toBe(400);
    expect((await json(clash)).error).toBe('already_has');
    expect((await post(manager, concern.ref, 'transfer', { to: 'south-yorkshire-police', reason: 'A flat, not a child' })).status).toBe(200);
    // The police's line: a transfer in is "received" (so "New" finds it) and new to the team.
    expect(await lineFor(police, concern.ref, '?status=received')).toMatchObject({ newToTeam: true, alsoWith: [{ agency: 'sheffield-safeguarding-hub' }] });
    expect(await lineFor(sheffield, concern.ref)).toMatchObject({ alsoWith: [{ agency: 'south-yorkshire-police' }] });
    expect((await t.api(duty, `/api/triage/concerns/${concern.ref}`)).status).toBe(404);
    // The reporter is told it was passed to the right team.
    expect((await t.store.get(concern.ref))?.status).toBe('passed-on');
  });

  it('marks what the reporter added or answered since the team last opened it, for every agency that has it, until opened', async () => {
    const concern = await t.seedConcern();
    await post(manager, concern.ref, 'share', { to: 'sheffield-safeguarding-hub', reason: 'School in Sheffield' });
    await open(duty, concern.ref);
    await open(sheffield, concern.ref);
    await post(duty, concern.ref, 'question', { text: 'Which school is it?' });
    expect(await lineFor(duty, concern.ref)).toMatchObject({ unread: 0 });

    // The reporter comes back through the bot, answers, and adds something.
    const conversationId = `reporter-${concern.ref}`;
    const send = async (text: string) =>
      textsOf(
        (
          await fetch(`${t.url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(messageActivity(text, { conversationId })),
          }).then((r) => r.json() as Promise<{ activities: Array<Record<string, unknown>> }>)
        ).activities,
      );
    await send('hi');
    const said = await send(`my reference is ${concern.ref}`);
    expect(said).toContain('Which school is it?');
    await send('the academy on the hill');
    const stored = await t.store.get(concern.ref);
    expect(stored?.questions[0]?.answer).toBe('the academy on the hill');

    expect(await lineFor(duty, concern.ref)).toMatchObject({ unread: 1 });
    expect(await lineFor(sheffield, concern.ref)).toMatchObject({ unread: 1 });
    await open(duty, concern.ref);
    expect(await lineFor(duty, concern.ref)).toMatchObject({ unread: 0 });
    // Sheffield has not opened it since: still marked for them.
    expect(await lineFor(sheffield, concern.ref)).toMatchObject({ unread: 1 });
  });
});
