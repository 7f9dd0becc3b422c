import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killServices, runService as run, waitForListening } from './helpers/serviceProcess';

// Every process a test started is ended here even when a test fails, so none outlives jest.
afterAll(killServices);

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
    const p = run({ PORT: '0', HOST: '127.0.0.1', MicrosoftAppPassword: 'should-not-appear', SHUTDOWN_GRACE_SECONDS: '1' });
    const port = await waitForListening(p);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(p.out()).toMatch(/"storage":"embedded \(SQLite in [^"]+\)"/);
    expect(p.out()).toMatch(/"concerns":"append-only file in /);
    expect(p.out()).not.toContain('should-not-appear');
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.out()).toMatch(/"msg":"stopped"/);
  }, 60_000);

  it('keeps a compile cache in DATA_DIR on a Node that has one (22), written once it is listening, and none on Node 20', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clearsight-compile-cache-'));
    try {
      const p = run({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
      await waitForListening(p);
      const cache = join(dataDir, 'compile-cache');
      const hasCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
      if (hasCache) {
        // Written just after "listening" (a crash later would otherwise lose it): wait for it, up to 30 s.
        for (let i = 0; i < 300 && !(existsSync(cache) && readdirSync(cache).length > 0); i++) await new Promise((r) => setTimeout(r, 100));
        expect(readdirSync(cache).length).toBeGreaterThan(0);
      } else {
        expect(existsSync(cache)).toBe(false);
      }
      p.child.kill('SIGKILL');
      await p.exited;
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
