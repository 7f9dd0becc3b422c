import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built entry point (npm test builds it before jest runs). */
export const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');

/** How long a test waits for a readiness signal (start-up is slow on a busy machine). */
export const READY_WAIT_MS = 30_000;

export interface ServiceProcess {
  child: ChildProcess;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  out(): string;
  err(): string;
}

/** Every process a test file started and its DATA_DIR: killServices() ends them and removes the folders (call it in afterAll). */
const started: ChildProcess[] = [];
const dataDirs: string[] = [];

/** Runs the service with only the given environment (and PATH), on a fresh DATA_DIR unless one is given. */
export function runService(env: Record<string, string>): ServiceProcess {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build (npm test does)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'clearsight-main-'));
  dataDirs.push(dataDir);
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, ...env } });
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, exited, out: () => stdout, err: () => stderr };
}

/** Kills every started process that is still running, and removes their data folders. */
export function killServices(): void {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Waits for `ready` to hold, checking every 20 ms, for at most `ms`; says whether it held. */
export async function waitUntil(ready: () => boolean, ms = READY_WAIT_MS): Promise<boolean> {
  const until = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

/** Waits (up to 30 s) for the "listening" log line; returns the port. Throws with the process's stderr if it never comes. */
export async function waitForListening(p: ServiceProcess): Promise<number> {
  const port = () => /"url":"http:\/\/localhost:(\d+)"/.exec(p.out())?.[1];
  if (!(await waitUntil(() => port() !== undefined || p.child.exitCode !== null))) {
    throw new Error(`the service did not log "listening" within ${READY_WAIT_MS / 1000} s: ${p.err().slice(-500)}`);
  }
  const found = port();
  if (found === undefined) throw new Error(`the service exited before listening: ${p.err().slice(-500)}`);
  return Number(found);
}
