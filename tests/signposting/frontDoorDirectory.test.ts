import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultContentDir } from '../../src/content/contentDir';
import { FrontDoorDirectory } from '../../src/signposting/frontDoorDirectory';

const contentDir = defaultContentDir();
const dir = FrontDoorDirectory.load(contentDir);

describe('content/front-doors.yaml against the fact base', () => {
  const facts = readFileSync(join(dirname(contentDir), '..', 'shared', 'facts', 'cce-facts.md'), 'utf8');

  it('uses only numbers that appear verbatim in shared/facts/cce-facts.md', () => {
    const numbers = dir.areas().flatMap(({ frontDoor: d }) => [
      ...(d.number ? [d.number] : []),
      ...(d.outOfHours ? [d.outOfHours.number] : []),
      ...(d.insteadOfNumber ?? []).map((c) => c.number),
    ]);
    expect(numbers.length).toBeGreaterThan(5);
    for (const n of numbers) expect([n, facts.includes(n)]).toEqual([n, true]);
  });

  it('has no phone number hidden anywhere else in the file', () => {
    const raw = readFileSync(join(contentDir, 'front-doors.yaml'), 'utf8');
    const runs = raw.match(/(?<![\d:-])\d[\d ]{2,}\d(?![\d:-])/g) ?? [];
    expect(runs).toContain('0114 273 4855');
    for (const run of runs) expect([run, facts.includes(run)]).toEqual([run, true]);
  });

  it('cites only sources listed in the fact base', () => {
    for (const { id, frontDoor } of dir.areas()) {
      for (const url of frontDoor.sources) expect([id, url, facts.includes(url)]).toEqual([id, url, true]);
    }
  });

  it('stores no number for Rotherham', () => {
    const door = dir.get('rotherham').frontDoor;
    expect(door.number).toBeUndefined();
    expect(door.outOfHours).toBeUndefined();
  });
});
