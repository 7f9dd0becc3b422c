import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a built script (`dist/scripts/<name>.js`) with only the given environment (no REDIS_URL unless
 * given). `npm test` builds before jest runs; run `npm run build` first when running one file alone.
 */
export async function runScript(name: string, args: string[], env: Record<string, string>): Promise<CliResult> {
  const script = scriptPath(name);
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env },
      timeout: 15_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Where the built script is. */
export function scriptPath(name: string): string {
  return join(__dirname, '..', '..', 'dist', 'scripts', `${name}.js`);
}
