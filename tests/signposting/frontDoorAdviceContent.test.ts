import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultContentDir } from '../../src/content/contentDir';
import { ContentError } from '../../src/content/loadYaml';
import { loadFrontDoorAdviceContent } from '../../src/signposting/frontDoorAdviceContent';

describe('content/front-door-advice.yaml', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clearsight-advice-'));
    cpSync(join(defaultContentDir(), 'front-door-advice.yaml'), join(dir, 'front-door-advice.yaml'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads as shipped', () => {
    expect(loadFrontDoorAdviceContent(dir).danger).toBe('If you think a child is in danger right now, ring 999.');
  });

  it('stops start-up, naming the file and the sentence, when a number is left out of a sentence', () => {
    const file = join(dir, 'front-door-advice.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Ring {outOfHours} on {outOfHoursNumber}.', 'Ring {outOfHours}.'));
    expect(() => loadFrontDoorAdviceContent(dir)).toThrow(ContentError);
    expect(() => loadFrontDoorAdviceContent(dir)).toThrow(/front-door-advice\.yaml: closed\.otherNumber: must include \{outOfHoursNumber\}/);
  });
});
