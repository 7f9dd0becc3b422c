import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { percentile } from './percentile';

/**
 * npm run bench:startup — how long `node dist/src/main.js` takes to start on the embedded default (no
 * Redis, no Azure): from spawn to the "listening" log line, and to the first 200 from /readyz. The first
 * run starts on an empty DATA_DIR (a first install); the others restart on the same one, as a deploy or a
 * crash does (on Node 22 the compile cache there is then warm). Prints every run, and the median and the
 * worst of the restarts. The target: under 1 s on a quiet machine.
 * Settings: BENCH_STARTUP_RUNS (5), BENCH_STARTUP_MAIN (the entry point, for timing another build).
 */
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
const MAIN = process.env.BENCH_STARTUP_MAIN ?? join(__dirname, '..', 'src', 'main.js');
const GIVE_UP_MS = 30_000;

interface Run {
  listening: number;
  ready: number;
}

async function readyzOk(port: string): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200;
  } catch {
    return false;
  }
}

async function once(dataDir: string): Promise<Run> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let out = '';
    const port = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no "listening" line within 30 s')), GIVE_UP_MS);
      child.on('exit', (code) => reject(new Error(`the service exited (${code}) before listening`)));
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const found = /"url":"http:\/\/localhost:(\d+)"/.exec(out)?.[1];
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      });
    });
    const listening = performance.now() - t0;
    while (!(await readyzOk(port))) {
      if (performance.now() - t0 > GIVE_UP_MS) throw new Error('/readyz did not answer 200 within 30 s');
      await new Promise((r) => setTimeout(r, 5));
    }
    return { listening, ready: performance.now() - t0 };
  } finally {
    child.kill('SIGKILL');
    await new Promise((r) => (child.exitCode === null && child.signalCode === null ? child.once('exit', r) : r(undefined)));
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clearsight-startup-'));
  const runs: Run[] = [];
  try {
    for (let i = 0; i <= RUNS; i++) {
      const run = await once(dataDir);
      if (i > 0) runs.push(run);
      console.log(`${i === 0 ? 'first start (empty DATA_DIR)' : `restart ${i}`}: listening ${run.listening.toFixed(0)} ms, /readyz 200 ${run.ready.toFixed(0)} ms`);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const summary = (pick: (r: Run) => number) => {
    const sorted = runs.map(pick).sort((a, b) => a - b);
    return `p50 ${percentile(sorted, 50).toFixed(0)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(0)} ms`;
  };
  console.log(`restarts, over ${runs.length} runs (node ${process.version}): listening ${summary((r) => r.listening)}; ready ${summary((r) => r.ready)}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
