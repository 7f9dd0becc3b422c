import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import twilio from 'twilio';
import { RedisConcernStore } from '../../src/concerns/redisConcernStore';
import { testDueAt } from '../helpers/concerns';
import { connectTestRedis, TEST_REDIS_URL, uniquePrefix, type TestRedis } from '../helpers/redis';
import { RedisServer } from '../helpers/redisServer';
import { startTestApp, type RunningApp } from '../helpers/testApp';

/**
 * Twilio's webhook over HTTP on the real service: signed, badly signed and replayed-with-a-change requests,
 * another account, a whole anonymous report by SMS and by WhatsApp (on Redis), the danger reply first, and a
 * scan of Redis, the data folder and the logs for the sender's number.
 */
const ACCOUNT = `AC${'0123456789abcdef'.repeat(2)}`;
const TOKEN = randomBytes(16).toString('hex');
const PUBLIC = 'https://chat.example.org';
const PATH = '/api/twilio/messages';
const REF = /[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}/;
const REPORT = ['hi', 'Report a concern', 'Start a report', 'child', 'My son is being used to carry parcels', 'skip', 'skip', 'skip', 'skip', 'Sheffield', 'skip', 'No', 'skip', 'skip', 'skip', 'Stay anonymous', 'Send it'];

let redis: TestRedis;
let app: RunningApp;
let dataDir: string;
const prefix = uniquePrefix();
let sid = 0;

beforeAll(async () => {
  redis = await connectTestRedis();
  dataDir = mkdtempSync(join(tmpdir(), 'clearsight-twilio-'));
  app = await startTestApp({
    TWILIO_ACCOUNT_SID: ACCOUNT,
    TWILIO_AUTH_TOKEN: TOKEN,
    PUBLIC_BASE_URL: PUBLIC,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    DATA_DIR: dataDir,
    LOG_HASH_KEY: randomBytes(24).toString('hex'),
  });
});
afterAll(async () => {
  await app?.stop();
  await redis.clean(prefix);
  await redis.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function fieldsFor(from: string, body: string, extra: Record<string, string> = {}): Record<string, string> {
  sid += 1;
  return {
    AccountSid: ACCOUNT,
    MessageSid: `SM${sid.toString(16).padStart(32, '0')}`,
    From: from,
    To: from.startsWith('whatsapp:') ? 'whatsapp:+447700900000' : '+447700900000',
    Body: body,
    NumMedia: '0',
    ApiVersion: '2010-04-01',
    ...extra,
  };
}

/** POSTs the form as Twilio would, signed (by the official package) over the public URL unless told otherwise. */
function post(fields: Record<string, string>, signature: string | null = twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC}${PATH}`, fields)): Promise<Response> {
  return fetch(`${app.url}${PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature === null ? {} : { 'X-Twilio-Signature': signature }) },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The texts of a TwiML answer, in order. */
function messagesOf(twiml: string): string[] {
  const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...twiml.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((m) => unescape(m[1]!));
}

async function text(from: string, body: string): Promise<string[]> {
  const res = await post(fieldsFor(from, body));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
  const twiml = await res.text();
  expect(twiml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response(\/>|>[\s\S]*<\/Response>)$/);
  return messagesOf(twiml);
}

describe('the Twilio webhook', () => {
  it('answers a signed text with TwiML, one <Message> per text the bot sent', async () => {
    const messages = await text('+447700900101', 'what is county lines');
    expect(messages.length).toBeGreaterThanOrEqual(1);
    expect(messages.join('\n')).toMatch(/county lines/i);
  });

  it('refuses with 403 a request with no signature, a wrong one, or one signed over another URL', async () => {
    const fields = fieldsFor('+447700900102', 'hello');
    expect((await post(fields, null)).status).toBe(403);
    expect((await post(fields, 'c2lnbmF0dXJl')).status).toBe(403);
    expect((await post(fields, twilio.getExpectedTwilioSignature(TOKEN, `http://localhost${PATH}`, fields))).status).toBe(403);
    expect((await post(fields, twilio.getExpectedTwilioSignature('another-auth-token-0123456789ab', `${PUBLIC}${PATH}`, fields))).status).toBe(403);
  });

  it('refuses with 403 a signed request replayed with one field changed (the body, or the sender)', async () => {
    const fields = fieldsFor('+447700900103', 'what is cuckooing');
    const signature = twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC}${PATH}`, fields);
    expect((await post(fields, signature)).status).toBe(200);
    expect((await post({ ...fields, Body: 'tell me the summary of my report' }, signature)).status).toBe(403);
    expect((await post({ ...fields, From: '+447700900999' }, signature)).status).toBe(403);
  });

  it('answers a request replayed exactly as it was (same MessageSid and signature) with nothing, running no second turn', async () => {
    const fields = fieldsFor('+447700900107', 'what is county lines');
    const signature = twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC}${PATH}`, fields);
    const first = messagesOf(await (await post(fields, signature)).text());
    expect(first.join('\n')).toMatch(/county lines/i);
    const again = await post(fields, signature);
    expect(again.status).toBe(200);
    expect(await again.text()).toMatch(/<Response\/>$/);
    expect(app.logs.text).toMatch(/"code":"TWILIO_REPLAYED"/);
  });

  it("refuses with 403 another Twilio account's request, even signed with the right token", async () => {
    const res = await post(fieldsFor('+447700900104', 'hi', { AccountSid: `AC${'f'.repeat(32)}` }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { reason: string }).reason).toMatch(/another Twilio account/);
  });

  it('answers 400 for a signed form that is not a Twilio message, 415 for another content type, and never crashes', async () => {
    const noSid: Record<string, string> = fieldsFor('+447700900105', 'hi');
    delete noSid.MessageSid;
    expect((await post(noSid)).status).toBe(400);
    const json = await fetch(`${app.url}${PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"Body":"hi"}' });
    expect(json.status).toBe(415);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it('gives the danger reply first, on SMS and on WhatsApp', async () => {
    for (const from of ['+447700900106', 'whatsapp:+447700900106']) {
      const [first] = await text(from, "there's a man with a knife outside my door right now");
      expect(first).toMatch(/999/);
    }
  });

  it('takes a whole anonymous report by SMS and by WhatsApp, stored without the number, which is nowhere in Redis, the data folder or the logs', async () => {
    const numbers = ['+447700900201', 'whatsapp:+447700900202'];
    const refs: string[] = [];
    for (const from of numbers) {
      let last: string[] = [];
      for (const body of REPORT) last = await text(from, body);
      const ref = REF.exec(last.join('\n'))?.[0];
      expect(ref).toBeDefined();
      refs.push(ref!);
    }
    const stored = await new RedisConcernStore(redis.client, prefix, testDueAt).list();
    expect(stored.map((c) => c.ref).sort()).toEqual([...refs].sort());
    expect(stored.map((c) => c.channel).sort()).toEqual(['sms', 'whatsapp']);
    for (const concern of stored) expect(concern.reporter).toEqual({ mode: 'anonymous' });

    // The number in any spelling a store or log could hold it in.
    const spellings = ['447700900201', '7700900201', '07700 900201', '447700900202', '7700900202', '447700900106', '447700900101'];
    const everything: string[] = [];
    for await (const keys of redis.client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      for (const key of keys) {
        everything.push(key);
        const type = await redis.client.type(key);
        if (type === 'string') everything.push(String(await redis.client.get(key)));
        else if (type === 'hash') everything.push(JSON.stringify(await redis.client.hGetAll(key)));
        else if (type === 'zset') everything.push(JSON.stringify(await redis.client.zRange(key, 0, -1)));
        else if (type === 'set') everything.push(JSON.stringify(await redis.client.sMembers(key)));
        else if (type === 'list') everything.push(JSON.stringify(await redis.client.lRange(key, 0, -1)));
        else if (type === 'stream') everything.push(JSON.stringify(await redis.client.xRange(key, '-', '+')));
      }
    }
    expect(everything.length).toBeGreaterThan(5);
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [readFileSync(join(dir, n), 'latin1')]));
    const haystacks = { redis: everything.join('\n'), dataDir: files(dataDir).join('\n'), logs: app.logs.text };
    for (const [where, haystack] of Object.entries(haystacks)) {
      for (const spelling of spellings) expect({ where, found: haystack.includes(spelling) }).toEqual({ where, found: false });
    }
    // The message text is not logged either.
    expect(app.logs.text).not.toContain('carry parcels');
  }, 120_000);

  it('answers "try again in a minute" in TwiML (not an error Twilio would swallow) while Redis is down, and carries on after', async () => {
    const own = await RedisServer.start();
    const dir = mkdtempSync(join(tmpdir(), 'clearsight-twilio-down-'));
    const second = await startTestApp({ TWILIO_ACCOUNT_SID: ACCOUNT, TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_BASE_URL: PUBLIC, REDIS_URL: own.url, DATA_DIR: dir });
    try {
      const ask = async (body: string) => {
        const fields = fieldsFor('+447700900301', body);
        const res = await fetch(`${second.url}${PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC}${PATH}`, fields) },
          body: new URLSearchParams(fields).toString(),
        });
        expect(res.status).toBe(200);
        return messagesOf(await res.text()).join('\n');
      };
      expect(await ask('what is county lines')).toMatch(/county lines/i);
      await own.kill();
      expect(await ask('who do I ring')).toMatch(/having trouble on our side just now[\s\S]*999/);
      await own.restart();
      for (let i = 0; i < 300 && (await fetch(`${second.url}/readyz`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await ask('what is cuckooing')).toMatch(/cuckoo/i);
    } finally {
      await second.stop();
      await own.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('keeps the number out of the embedded database too (no Redis): a report texted there leaves no trace of it in DATA_DIR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clearsight-twilio-embedded-'));
    const embedded = await startTestApp({ TWILIO_ACCOUNT_SID: ACCOUNT, TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_BASE_URL: PUBLIC, DATA_DIR: dir });
    try {
      let last: string[] = [];
      for (const body of REPORT) {
        const fields = fieldsFor('+447700900401', body);
        const res = await fetch(`${embedded.url}${PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC}${PATH}`, fields) },
          body: new URLSearchParams(fields).toString(),
        });
        last = messagesOf(await res.text());
      }
      expect(last.join('\n')).toMatch(REF);
      const bytes = readdirSync(dir).map((n) => readFileSync(join(dir, n)).toString('latin1')).join('\n');
      expect(bytes).toContain('carry parcels'); // the report is there (this is where it is kept)...
      for (const spelling of ['447700900401', '7700900401', '07700 900401']) expect(bytes.includes(spelling)).toBe(false); // ...and the number is not
      expect(embedded.logs.text).not.toContain('7700900401');
    } finally {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
