import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadYaml } from '../../src/content/loadYaml';
import { readCachedYaml, writeCachedYaml, yamlCacheDir } from '../../src/content/yamlCache';
import { defaultContentDir } from '../../src/content/contentDir';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'clearsight-yaml-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const schema = z.strictObject({ answer: z.string(), count: z.number() });

describe('YAML parsed once by the build', () => {
  it('gives back the parse of exactly the text it was made from, and nothing for any other text', () => {
    const text = 'answer: ring 0114 273 4855\ncount: 3\n';
    expect(writeCachedYaml(text, parse(text), dir)).toBe(true);
    expect(readCachedYaml(text, dir)).toEqual({ answer: 'ring 0114 273 4855', count: 3 });
    expect(readCachedYaml(`${text}# edited\n`, dir)).toBeUndefined();
  });

  it('is what loadYaml reads when it has the file’s text, and the YAML is parsed when it has not', () => {
    const text = 'answer: from the YAML\ncount: 1\n';
    const file = join(dir, 'content.yaml');
    writeFileSync(file, text);
    const cache = join(dir, 'cache');
    expect(loadYaml(file, schema, cache)).toEqual({ answer: 'from the YAML', count: 1 });
    // A copy filed under this text's hash is used instead of parsing (here a different value, to show which was read).
    writeCachedYaml(text, { answer: 'from the copy', count: 2 }, cache);
    expect(loadYaml(file, schema, cache)).toEqual({ answer: 'from the copy', count: 2 });
    // Still validated: a copy that does not fit the schema stops start-up like a bad file.
    writeCachedYaml(text, { answer: 7 }, cache);
    expect(() => loadYaml(file, schema, cache)).toThrow(/content\.yaml: answer/);
  });

  it('keeps no copy of YAML that JSON cannot hold exactly', () => {
    const text = 'answer: forever\ncount: .inf\n';
    expect(writeCachedYaml(text, parse(text), dir)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('ignores a copy it cannot read, and parses the YAML', () => {
    const text = 'answer: fine\ncount: 4\n';
    const file = join(dir, 'content.yaml');
    writeFileSync(file, text);
    writeCachedYaml(text, { answer: 'x', count: 0 }, dir);
    const [copy] = readdirSync(dir).filter((f) => f.endsWith('.json'));
    writeFileSync(join(dir, copy!), '{"answer": "cut sh');
    expect(loadYaml(file, schema, dir)).toEqual({ answer: 'fine', count: 4 });
  });

  it('has, after npm run build, a copy of every YAML file in content/ that reads back as the YAML does', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (e.name.endsWith('.yaml')) files.push(join(d, e.name));
      }
    };
    walk(defaultContentDir());
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect({ file, copy: readCachedYaml(text, yamlCacheDir()) }).toEqual({ file, copy: parse(text) as unknown });
    }
  });
});
