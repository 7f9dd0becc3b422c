import { randomBytes, randomUUID } from 'node:crypto';
import { RedisConcernStore } from '../../src/concerns/redisConcernStore';
import { messageActivity } from '../helpers/activities';
import { sampleConcern, testDueAt } from '../helpers/concerns';
import { fromBot, pollUntil, say, startChat } from '../helpers/directLineHttp';
import { connectTestRedis, TEST_REDIS_URL, uniquePrefix, type TestRedis } from '../helpers/redis';
import { startTestApp, textsOf, type RunningApp } from '../helpers/testApp';
import { parsePrometheusText, PROMETHEUS_CONTENT_TYPE, registeredNames, valueOf } from './promText';

const TOKEN = randomBytes(32).toString('hex');
const scrape = (t: RunningApp, authorization?: string) => fetch(`${t.url}/metrics`, authorization ? { headers: { authorization } } : {});

async function metricsOf(t: RunningApp) {
  const res = await scrape(t, `Bearer ${TOKEN}`);
  expect(res.status).toBe(200);
  const text = await res.text();
  return { text, families: parsePrometheusText(text) };
}

describe('GET /metrics without METRICS_TOKEN', () => {
  const prefix = uniquePrefix();
  let t: RunningApp;
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await connectTestRedis();
    t = await startTestApp({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix });
  });
  afterAll(async () => {
    await t.stop();
    await redis.clean(prefix);
    await redis.close();
  });

  it('is not served (404), whatever the caller sends', async () => {
    expect((await scrape(t)).status).toBe(404);
    expect((await scrape(t, `Bearer ${TOKEN}`)).status).toBe(404);
  });
});

describe('GET /metrics with METRICS_TOKEN (real server, real Redis)', () => {
  const prefix = uniquePrefix();
  let t: RunningApp;
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await connectTestRedis();
    t = await startTestApp({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, METRICS_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await t.stop();
    await redis.clean(prefix);
    await redis.close();
  });

  it.each([
    ['no Authorization header', undefined],
    ['a wrong token of the same length', `Bearer ${randomBytes(32).toString('hex')}`],
    ['a wrong token of another length', 'Bearer short'],
    ['the token with another scheme', `Basic ${TOKEN}`],
    ['the token with something after it', `Bearer ${TOKEN}x`],
  ])('answers 401 with WWW-Authenticate: Bearer to %s, and no metrics', async (_case, authorization) => {
    const res = await scrape(t, authorization);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    expect(await res.text()).not.toMatch(/clearsight_|process_/);
  });

  it('answers 200 in Prometheus text format: every metric a fresh registry holds, and nothing else', async () => {
    const res = await scrape(t, `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(PROMETHEUS_CONTENT_TYPE);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const families = parsePrometheusText(await res.text());
    expect([...families.keys()].sort()).toEqual((await registeredNames()).sort());
    expect(families.get('clearsight_turn_duration_seconds')?.type).toBe('histogram');
    expect(families.get('process_resident_memory_bytes')?.type).toBe('gauge');
    expect(families.get('nodejs_eventloop_lag_p99_seconds')?.type).toBe('gauge');
  });

  it('counts a web chat turn with a safety reply and a question, by channel, kind and outcome; no message text in any label', async () => {
    const before = (await metricsOf(t)).families;
    const word = `zorblatt${randomBytes(4).toString('hex')}`;
    const grant = await startChat(t.url);
    expect((await say(t.url, grant, `${word} has a knife and is outside our door right now, help`)).status).toBe(200);
    const safety = await pollUntil(t.url, grant, (a) => fromBot(a) && /999/.test(String(a.text)));
    expect((await say(t.url, grant, 'what is county lines')).status).toBe(200);
    await pollUntil(t.url, grant, (a) => fromBot(a) && /county lines/i.test(String(a.text)), safety.watermark);

    const { text, families: after } = await metricsOf(t);
    const moved = (name: string, labels: Record<string, string> = {}) => (valueOf(after, name, labels) ?? 0) - (valueOf(before, name, labels) ?? 0);
    expect(moved('clearsight_turns_total', { channel: 'directline' })).toBeGreaterThanOrEqual(2);
    expect(moved('clearsight_turn_duration_seconds_count', { channel: 'directline' })).toBeGreaterThanOrEqual(2);
    expect(moved('clearsight_safety_replies_total', { kind: 'danger' })).toBe(1);
    expect(moved('clearsight_answers_total', { outcome: 'answered' })).toBe(1);
    expect(valueOf(after, 'clearsight_directline_conversations_open')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(word);
    expect(text).not.toMatch(/knife|county lines/i);
    expect(text).not.toContain(grant.conversationId);
  });

  it('labels an unknown channel "other", never as the caller named it', async () => {
    const channelId = `chan${randomBytes(4).toString('hex')}`;
    await t.send(messageActivity('hi', { channelId }));
    const { text, families } = await metricsOf(t);
    expect(text).not.toContain(channelId);
    expect(valueOf(families, 'clearsight_turns_total', { channel: 'other' })).toBeGreaterThanOrEqual(1);
  });

  it('counts a report stored, and open and overdue concerns by agency from the queue index', async () => {
    const store = new RedisConcernStore(redis.client, prefix, testDueAt);
    const agency = 'sheffield-safeguarding-hub'; // where a report about Sheffield goes, too
    const before = (await metricsOf(t)).families;
    const open = (families: typeof before) => valueOf(families, 'clearsight_concerns_open', { agency }) ?? 0;
    const overdue = (families: typeof before) => valueOf(families, 'clearsight_concerns_overdue', { agency }) ?? 0;
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    await store.submit(sampleConcern({ agency, receivedAt: daysAgo(10) })); // overdue
    await store.submit(sampleConcern({ agency, receivedAt: new Date().toISOString() })); // not yet due
    await store.submit(sampleConcern({ agency, receivedAt: daysAgo(10), status: 'closed' })); // closed: neither

    const conversationId = randomUUID();
    const report = ['hi', 'Report a concern', 'Start a report', 'child', 'My son is being used to carry parcels', 'skip', 'skip', 'skip', 'skip', 'Sheffield', 'skip', 'No', 'skip', 'skip', 'skip', 'Stay anonymous', 'Send it'];
    let last = '';
    for (const said of report) last = textsOf(await t.send(messageActivity(said, { conversationId })));
    expect(last).toMatch(/[0-9A-HJKMNP-TV-Z]{4}-/);

    const after = (await metricsOf(t)).families;
    expect((valueOf(after, 'clearsight_reports_stored_total') ?? 0) - (valueOf(before, 'clearsight_reports_stored_total') ?? 0)).toBe(1);
    expect(valueOf(after, 'clearsight_reports_failed_total')).toBe(valueOf(before, 'clearsight_reports_failed_total'));
    expect(open(after) - open(before)).toBe(3); // the two open ones stored here and the report
    expect(overdue(after) - overdue(before)).toBe(1);
    expect(valueOf(after, 'clearsight_concerns_count_capped', { agency })).toBe(0);
  });
});
