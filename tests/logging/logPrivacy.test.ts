import { randomUUID } from 'node:crypto';
import { createIdHasher } from '../../src/logging/idHasher';
import { joinActivity, messageActivity } from '../helpers/activities';
import { freePort } from '../helpers/freePort';
import { startTestApp, type RunningApp } from '../helpers/testApp';

const CANARY = `canary-${randomUUID()}`;
const PHONE = '+447700900456';
const NAME = 'Jordan Canaryname';
const IP = '203.0.113.77';

/** Everything the process wrote anywhere a log could go: the logger, the console, stdout and stderr. */
function captureConsole() {
  const seen: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
    jest.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      seen.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' '));
    }),
  );
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    seen.push(String(chunk));
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    seen.push(String(chunk));
    return true;
  });
  return {
    seen,
    restore: () => [...spies, out, err].forEach((s) => s.mockRestore()),
  };
}

async function converse(t: RunningApp, conversationId: string) {
  const personal = { conversationId, channelId: 'sms', userId: PHONE, from: { id: PHONE, name: NAME } };
  const headers = { 'x-forwarded-for': IP, 'x-real-ip': IP };
  await t.post(joinActivity(personal), headers);
  await t.post(messageActivity(`my son ${CANARY} gets calls from ${PHONE}, I'm ${NAME}`, personal), headers);
  await t.post(messageActivity('Tell me who you are', personal), headers);
  await t.post(messageActivity(`${CANARY} not a choice`, personal), headers);
  await t.post(messageActivity(`${CANARY} `.repeat(600), personal), headers); // too long: 400
  await t.post(`{"text":"${CANARY}"`, headers); // not JSON: 400
}

function expectNothingPersonal(text: string, conversationId: string) {
  for (const secret of [CANARY, PHONE, '7700900456', NAME, 'Canaryname', IP, conversationId]) {
    expect(text).not.toContain(secret);
  }
}

describe('logs never contain message text, names, phone numbers, IPs or raw conversation ids', () => {
  it('on the normal path', async () => {
    const capture = captureConsole();
    const conversationId = `conv-${randomUUID()}`;
    const t = await startTestApp({ LOG_LEVEL: 'trace', LOG_HASH_KEY: 'test-hash-key-0123456789' });
    try {
      await converse(t, conversationId);
    } finally {
      await t.stop();
      capture.restore();
    }
    expect(t.logs.lines.length).toBeGreaterThan(5); // the test looked at real log output
    expectNothingPersonal(t.logs.text + capture.seen.join('\n'), conversationId);
  });

  it('on the error path, where the conversation is logged only as a keyed hash', async () => {
    const port = await freePort(); // nothing listens there: Redis is down
    const capture = captureConsole();
    const conversationId = `conv-${randomUUID()}`;
    const key = 'test-hash-key-0123456789';
    const t = await startTestApp({ LOG_LEVEL: 'trace', LOG_HASH_KEY: key, REDIS_URL: `redis://127.0.0.1:${port}` });
    try {
      await converse(t, conversationId);
    } finally {
      await t.stop();
      capture.restore();
    }
    const failures = t.logs.lines.filter((l) => l.includes('TURN_FAILED'));
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0]).toContain(`"conversation":"${createIdHasher(key)(conversationId)}"`);
    expectNothingPersonal(t.logs.text + capture.seen.join('\n'), conversationId);
  });
});

describe('createIdHasher', () => {
  it('is stable for one key, differs between keys, and is not the id', () => {
    const a = createIdHasher('key-one-0123456789');
    const b = createIdHasher('key-two-0123456789');
    expect(a('c1')).toBe(a('c1'));
    expect(a('c1')).not.toBe(a('c2'));
    expect(a('c1')).not.toBe(b('c1'));
    expect(a('c1')).not.toContain('c1');
  });
});
