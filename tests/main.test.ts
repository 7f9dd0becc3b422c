import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = join(__dirname, '..', 'dist', 'src', 'main.js');

/** Every process a test started: ended in afterAll even when a test fails, so none outlives jest. */
const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Waits for `ready` to hold, checking every 50 ms, for at most 30 s (start-up is slow on a busy machine). */
async function waitUntil(ready: () => boolean): Promise<void> {
  const until = Date.now() + 30_000;
  while (!ready() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
}

/** Runs the built entry point (npm test builds it first) with only the given environment. */
function run(env: Record<string, string>) {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build (npm test does)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'clearsight-main-'));
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, ...env } });
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('the service process', () => {
  it('refuses to start in production without an app id, saying why', async () => {
    const p = run({ NODE_ENV: 'production', LOG_HASH_KEY: 'k'.repeat(32) });
    expect(await p.exited).toBe(1);
    expect(p.err()).toMatch(/cannot start[\s\S]*MicrosoftAppId is required in production/);
  });

  it('refuses a bad value, naming the variable', async () => {
    const p = run({ CONVERSATION_TTL_HOURS: 'lots' });
    expect(await p.exited).toBe(1);
    expect(p.err()).toMatch(/CONVERSATION_TTL_HOURS/);
  });

  it('starts on the embedded default, logs a redacted config, and stops cleanly on SIGTERM', async () => {
    const p = run({ PORT: '0', HOST: '127.0.0.1', MicrosoftAppPassword: 'should-not-appear' });
    await waitUntil(() => p.out().includes('"listening"'));
    const port = /"url":"http:\/\/localhost:(\d+)"/.exec(p.out())?.[1];
    expect(port).toBeDefined();
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(p.out()).toMatch(/"storage":"embedded \(chats in memory\)"/);
    expect(p.out()).toMatch(/"concerns":"append-only file in /);
    expect(p.out()).not.toContain('should-not-appear');
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.out()).toMatch(/"msg":"stopped"/);
  }, 60_000);
});
