import { AUDIT_ACTIONS } from '../../src/audit/auditEntry';
import { STAFF_COMMANDS, staffCommands } from '../../src/triage/staffCommands';

/** The catalogue is data both surfaces are built from: these are the promises they rely on. */
describe('the staff command catalogue', () => {
  const commands = staffCommands();

  it('gives every field a control id of its own (all the forms share one page)', () => {
    const ids = commands.flatMap(([, c]) => Object.values(c.fields).map((f) => f.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every command its own audit action and confirmation, and the audit trail accepts each action', () => {
    const audited = commands.map(([, c]) => c.audit.action);
    const done = commands.map(([, c]) => c.done.code);
    expect(new Set(audited).size).toBe(commands.length);
    expect(new Set(done).size).toBe(commands.length);
    for (const action of audited) expect(AUDIT_ACTIONS).toContain(action);
    expect(AUDIT_ACTIONS).toEqual(expect.arrayContaining(['sign-in', 'sign-in-failed', 'sign-out', 'view', 'staff-add', 'staff-disable']));
  });

  it('points refusals only at fields the command has', () => {
    for (const [name, c] of commands) {
      for (const field of Object.values(c.refusalFields ?? {})) expect([name, Object.keys(c.fields)]).toEqual([name, expect.arrayContaining([field])]);
    }
  });

  it('builds strict JSON bodies from the fields: text trimmed and bounded, choices closed, unknown fields refused', () => {
    expect(STAFF_COMMANDS.notes.body.parse({ text: '  hello ' })).toEqual({ text: 'hello' });
    expect(STAFF_COMMANDS.notes.body.safeParse({ text: 'x'.repeat(4001) }).success).toBe(false);
    expect(STAFF_COMMANDS.outcome.body.safeParse({ category: 'early-help', rag: 'purple', rationale: 'r' }).success).toBe(false);
    expect(STAFF_COMMANDS.transfer.body.safeParse({ to: 'Not An Id', reason: 'r' }).success).toBe(false);
    expect(STAFF_COMMANDS.claim.body.safeParse({ by: 'someone' }).success).toBe(false);
    expect(STAFF_COMMANDS.claim.body.parse({})).toEqual({});
  });
});
