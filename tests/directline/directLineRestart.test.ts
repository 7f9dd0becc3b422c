import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromBot, pollChat, pollUntil, say, startChat } from '../helpers/directLineHttp';
import { connectTestRedis, TEST_REDIS_URL, uniquePrefix, type TestRedis } from '../helpers/redis';
import { startTestApp, type RunningApp } from '../helpers/testApp';

/**
 * A web chat continued across a restart of the service: the token still opens the conversation and what
 * the bot said is still there to collect, on the embedded default (same DATA_DIR) and on Redis (same
 * prefix and DIRECTLINE_TOKEN_SECRET, nothing shared on disk).
 */
describe('built-in Direct Line across a restart', () => {
  const running = new Set<RunningApp>();
  const dirs: string[] = [];
  let redis: TestRedis;
  const prefix = uniquePrefix();

  const start = async (env: Record<string, string>) => {
    const app = await startTestApp(env);
    running.add(app);
    return app;
  };
  const stop = async (app: RunningApp) => {
    running.delete(app);
    await app.stop();
  };
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'clearsight-restart-'));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    redis = await connectTestRedis();
  });
  afterAll(async () => {
    await Promise.allSettled([...running].map((app) => app.stop()));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await redis.clean(prefix);
    await redis.close();
  });

  async function continuesAcrossRestart(env: () => Record<string, string>): Promise<void> {
    const first = await start(env());
    const grant = await startChat(first.url);
    const welcome = await pollUntil(first.url, grant, fromBot);
    // Said just before the restart, collected after it.
    expect((await say(first.url, grant, 'what are the signs of county lines', 'before')).status).toBe(200);
    await stop(first);

    const second = await start(env());
    const after = await pollUntil(second.url, grant, (a) => fromBot(a) && typeof a.replyToId === 'string', welcome.watermark);
    expect(after.activities.map((a) => (a.channelData as { clientActivityID?: string } | undefined)?.clientActivityID)).toContain('before');
    const posted = await say(second.url, grant, 'who do I ring', 'after');
    expect(posted.status).toBe(200);
    const { id } = (await posted.json()) as { id: string };
    const answer = await pollUntil(second.url, grant, (a) => fromBot(a) && a.replyToId === id, after.watermark);
    expect(answer.activities.find((a) => a.id === id)).toBeDefined();

    // A fresh token for the same chat, from the restarted server.
    const refreshed = await fetch(`${second.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: { Authorization: `Bearer ${grant.token}` } });
    expect(refreshed.status).toBe(200);
    // A chat that really ended answers 404 after a restart too.
    await fetch(`${second.url}/v3/directline/conversations/${grant.conversationId}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${grant.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'endOfConversation' }),
    });
    await stop(second);
    const third = await start(env());
    expect((await pollChat(third.url, grant)).status).toBe(404);
    await stop(third);
  }

  it('continues a chat on the embedded default (same DATA_DIR, key generated there)', async () => {
    const dir = dataDir();
    await continuesAcrossRestart(() => ({ DATA_DIR: dir }));
  }, 120_000);

  it('continues a chat on Redis (same prefix and DIRECTLINE_TOKEN_SECRET, a fresh DATA_DIR each start)', async () => {
    const secret = randomBytes(32).toString('base64url');
    await continuesAcrossRestart(() => ({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, DIRECTLINE_TOKEN_SECRET: secret, DATA_DIR: dataDir() }));
  }, 120_000);

  it('refuses the old tokens (403) when the secret changed', async () => {
    const first = await start({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, DIRECTLINE_TOKEN_SECRET: randomBytes(32).toString('base64url') });
    const grant = await startChat(first.url);
    await stop(first);
    const second = await start({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, DIRECTLINE_TOKEN_SECRET: randomBytes(32).toString('base64url') });
    expect((await pollChat(second.url, grant)).status).toBe(403);
    await stop(second);
  }, 120_000);
});
