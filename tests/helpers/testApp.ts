import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type App, type AppOptions } from '../../src/app';
import { loadConfig, type Config } from '../../src/config/config';
import { createLogger } from '../../src/logging/logger';

/** Every log line a test app wrote, as raw JSON text. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

export interface RunningApp {
  app: App;
  url: string;
  logs: LogCapture;
  config: Config;
  /** POSTs a JSON body (or a raw string) to /api/messages. */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** POSTs an activity and returns the bot's replies (the activity must ask for expectReplies). */
  send(activity: Record<string, unknown>): Promise<Array<Record<string, unknown>>>;
  stop(): Promise<void>;
}

/** Starts the real service on a free port with the given environment (as strings, like process.env). */
export async function startTestApp(env: Record<string, string> = {}, options: AppOptions = {}): Promise<RunningApp> {
  // Concerns go to a fresh temporary directory unless the test says otherwise (or uses Redis).
  const dataDir = mkdtempSync(join(tmpdir(), 'clearsight-app-'));
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'debug', DATA_DIR: dataDir, ...env });
  const logs = new LogCapture();
  const app = await createApp(config, createLogger(config.LOG_LEVEL, logs), options);
  const url = await app.listen();
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    app,
    url,
    logs,
    config,
    post,
    async send(activity) {
      const res = await post(activity);
      if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${await res.text()}`);
      const body = (await res.json()) as { activities?: Array<Record<string, unknown>> };
      return body.activities ?? [];
    },
    stop: async () => {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The texts of a list of reply activities, joined, for assertions. */
export function textsOf(activities: Array<Record<string, unknown>>): string {
  return activities.map((a) => String(a.text ?? '')).join('\n---\n');
}
