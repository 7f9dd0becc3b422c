import { join } from 'node:path';
import { runScript } from '../helpers/cli';
import { contentDir } from '../helpers/transcript';

describe('npm run content:check', () => {
  it('lists the translations and lexicon languages still awaiting a native speaker, and finds every safety source in the fact base', async () => {
    const r = await runScript('contentCheck', [], { FACTS_FILE: join(contentDir, '..', '..', 'shared', 'facts', 'cce-facts.md') });
    expect(r.stdout).toMatch(/safety language blocks awaiting a native speaker's check: pl, ro, sk, cs, uk, ur, ar, pa/);
    expect(r.stdout).toMatch(/safety lexicon languages awaiting a native speaker's check: pl, ro, sk, cs, uk, ur, ar, pa/);
    expect(r.stdout).toMatch(/safety replies and language blocks: all \d+ sources are in the fact base/);
    expect(r.code).toBe(0);
  }, 30_000);
});
