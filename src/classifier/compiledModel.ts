import { endianness } from 'node:os';
import { FeatureTable } from './featureTable';
import { keyOfName } from './featureHash';
import { rowsProblem, type FeatureRow } from './linearModel';

/*
 * A trained model file (content/*-model.json) compiled into the form the service reads in milliseconds:
 * the JSON holds every feature by name, 200,000 rows in all, and parsing it took most of start-up. The
 * build (npm run build, scripts/compileModels.ts) writes one of these beside the code for each model file;
 * the JSON stays the source of truth, and a compiled file is used only for the exact JSON it was made from
 * (its SHA-256 is inside, with the JSON file's size and modification time, which let a reader skip hashing
 * 20 MB when neither has changed).
 *
 * Layout, little-endian, every section starting on 8 bytes:
 *   "CSMODEL1" | u32 header bytes | u32 tables | 32 bytes: SHA-256 of the JSON it was made from
 *   | f64 that file's size | f64 its modification time (ms)
 *   header: the model file as JSON with each model's rows replaced by {"$table": i}, padded with spaces
 *   each table: u32 features | u32 classes | i32 keys[2 × features] | f64 weights[features × classes]
 */

const MAGIC = Buffer.from('CSMODEL1', 'latin1');
const SHA_AT = MAGIC.length + 8;
const STAT_AT = SHA_AT + 32;
const PREFIX = STAT_AT + 16;

/** The JSON file a compiled model was made from. */
export interface ModelSource {
  sha256: Buffer;
  size: number;
  mtimeMs: number;
}

/** Raised for a compiled file that is not what it says it is (cut short, or not one of ours). */
export class CompiledModelError extends Error {
  override readonly name = 'CompiledModelError';
}

const pad8 = (n: number) => (n + 7) & ~7;

function isRows(value: unknown, parent: Record<string, unknown>): value is FeatureRow[] {
  return Array.isArray(value) && Array.isArray(parent.classes);
}

/**
 * Compiles a model file (already parsed from the JSON `source`). Every model's rows are checked as the
 * loader checks them, so a compiled file holds only valid models.
 */
export function compileModelFile(raw: unknown, source: ModelSource): Buffer {
  if (source.sha256.length !== 32) throw new Error('the source hash must be 32 bytes');
  const tables: Buffer[] = [];
  const header = JSON.stringify(raw, function (this: Record<string, unknown>, key, value: unknown) {
    if (key !== 'rows' || !isRows(value, this)) return value;
    const classes = (this.classes as unknown[]).length;
    const problem = rowsProblem(value, classes);
    if (problem) throw new Error(`model ${tables.length + 1}: ${problem}`);
    FeatureTable.fromRows(value, classes); // refuses two names with the same hashes, as loading would
    const keys = new Int32Array(value.length * 2);
    const weights = new Float64Array(value.length * classes);
    value.forEach((row, i) => {
      const { h1, h2 } = keyOfName(row[0]);
      keys[2 * i] = h1;
      keys[2 * i + 1] = h2;
      for (let c = 0; c < classes; c++) weights[i * classes + c] = row[c + 1] as number;
    });
    const sizes = Buffer.alloc(8);
    sizes.writeUInt32LE(value.length, 0);
    sizes.writeUInt32LE(classes, 4);
    tables.push(Buffer.concat([sizes, Buffer.from(keys.buffer), Buffer.from(weights.buffer)]));
    return { $table: tables.length - 1 };
  });
  const headerBytes = Buffer.from(header, 'utf8');
  const prefix = Buffer.alloc(PREFIX);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length);
  prefix.writeUInt32LE(tables.length, MAGIC.length + 4);
  source.sha256.copy(prefix, SHA_AT);
  prefix.writeDoubleLE(source.size, STAT_AT);
  prefix.writeDoubleLE(source.mtimeMs, STAT_AT + 8);
  const padding = Buffer.alloc(pad8(headerBytes.length) - headerBytes.length, ' ');
  return Buffer.concat([prefix, headerBytes, padding, ...tables]);
}

/** The JSON file a compiled file was made from, or undefined when it is not a compiled model. */
export function compiledSource(compiled: Buffer): ModelSource | undefined {
  if (compiled.length < PREFIX || !compiled.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  return { sha256: compiled.subarray(SHA_AT, STAT_AT), size: compiled.readDoubleLE(STAT_AT), mtimeMs: compiled.readDoubleLE(STAT_AT + 8) };
}

/**
 * The model file a compiled file holds, with each model's rows as the FeatureTable built from them, ready
 * for the model's schema. Checks the layout to the last byte and every weight; throws CompiledModelError.
 */
export function readCompiledModelFile(compiled: Buffer): unknown {
  if (endianness() !== 'LE') throw new CompiledModelError('compiled models are little-endian, and this machine is not');
  if (!compiledSource(compiled)) throw new CompiledModelError('not a compiled model');
  // The typed arrays below are views on the file's memory, which must start on 8 bytes.
  const bytes = compiled.byteOffset % 8 === 0 ? compiled : Buffer.from(new Uint8Array(compiled));
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const tableCount = bytes.readUInt32LE(MAGIC.length + 4);
  let at = PREFIX + pad8(headerLength);
  if (at > bytes.length) throw new CompiledModelError('cut short in its header');
  const tables: FeatureTable[] = [];
  for (let t = 0; t < tableCount; t++) {
    if (at + 8 > bytes.length) throw new CompiledModelError(`cut short before table ${t + 1}`);
    const features = bytes.readUInt32LE(at);
    const classes = bytes.readUInt32LE(at + 4);
    at += 8;
    const end = at + features * 8 + features * classes * 8;
    if (classes < 2 || end > bytes.length) throw new CompiledModelError(`table ${t + 1} is cut short or malformed`);
    const keys = new Int32Array(bytes.buffer, bytes.byteOffset + at, features * 2);
    const weights = new Float64Array(bytes.buffer, bytes.byteOffset + at + features * 8, features * classes);
    for (let i = 0; i < weights.length; i++) if (!Number.isFinite(weights[i])) throw new CompiledModelError(`table ${t + 1} has a weight that is not a finite number`);
    try {
      tables.push(FeatureTable.fromKeys(keys, weights, classes));
    } catch (err) {
      throw new CompiledModelError(`table ${t + 1}: ${(err as Error).message}`);
    }
    at = end;
  }
  if (at !== bytes.length) throw new CompiledModelError('has bytes after its last table');
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString('utf8', PREFIX, PREFIX + headerLength));
  } catch (err) {
    throw new CompiledModelError(`its header is not JSON (${(err as Error).message})`);
  }
  const used = new Set<number>();
  const restored = restoreTables(header, (i) => {
    const table = tables[i];
    if (!table || used.has(i)) throw new CompiledModelError(`its header names table ${i + 1}, which it does not hold or names twice`);
    used.add(i);
    return table;
  });
  if (used.size !== tables.length) throw new CompiledModelError('holds a table its header never names');
  return restored;
}

/** Puts the tables back where the header has {"$table": i}. */
function restoreTables(value: unknown, table: (i: number) => FeatureTable): unknown {
  if (Array.isArray(value)) return value.map((v) => restoreTables(v, table));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1 && entries[0]![0] === '$table' && Number.isInteger(entries[0]![1])) return table(entries[0]![1] as number);
  return Object.fromEntries(entries.map(([k, v]) => [k, restoreTables(v, table)]));
}
