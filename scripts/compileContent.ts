import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compileModelFile } from '../src/classifier/compiledModel';
import { defaultContentDir } from '../src/content/contentDir';
import { compiledFrom, compiledModelDir, compiledModelPath, modelSource } from '../src/content/modelFile';
import { readCachedYaml, writeCachedYaml } from '../src/content/yamlCache';

/**
 * Part of npm run build: prepares content/ for a fast start. Each trained model (*-model.json) is compiled
 * into dist/models/ (see src/classifier/compiledModel.ts), and each YAML file is parsed once into
 * dist/content-cache/ (see src/content/yamlCache.ts). What is already there for the same content is kept.
 * Prints nothing: commands such as npm run staff build first and their output must stay theirs. A model
 * that does not compile stops the build, naming the file; a YAML file that does not parse is left for
 * start-up to report, as it always has.
 */
const contentDir = defaultContentDir();
const outDir = compiledModelDir();
mkdirSync(outDir, { recursive: true });
for (const name of readdirSync(contentDir).filter((n) => n.endsWith('-model.json')).sort()) {
  const source = join(contentDir, name);
  const target = compiledModelPath(outDir, source);
  let current: Buffer | undefined;
  try {
    current = readFileSync(target);
  } catch {
    current = undefined;
  }
  if (current && compiledFrom(current, source)) continue;
  const bytes = readFileSync(source);
  let compiled: Buffer;
  try {
    compiled = compileModelFile(JSON.parse(bytes.toString('utf8')), modelSource(source, bytes));
  } catch (err) {
    console.error(`compileModels: ${source}: ${(err as Error).message}`);
    process.exit(1);
  }
  // Written beside and renamed, so that a service starting meanwhile never reads half a file.
  writeFileSync(`${target}.tmp`, compiled);
  renameSync(`${target}.tmp`, target);
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

for (const file of yamlFiles(contentDir)) {
  const text = readFileSync(file, 'utf8');
  if (readCachedYaml(text) !== undefined) continue;
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch {
    continue;
  }
  writeCachedYaml(text, parsed);
}
