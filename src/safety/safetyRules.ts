import { join } from 'node:path';
import { z } from 'zod';
import { ContentError, loadYaml } from '../content/loadYaml';

export const SAFETY_KINDS = ['self-harm', 'danger', 'disclosure'] as const;
export type SafetyKind = (typeof SAFETY_KINDS)[number];

const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  kind: z.enum(SAFETY_KINDS),
  /** Regular expressions over the normalised message; {name} inserts a term list. Any one matching fires the rule. */
  match: z.array(z.string().min(1)).min(1),
  /** Whether a past-tense or hypothetical message may still fire it (false for "happening now" rules). */
  timeless: z.boolean().default(false),
});

const replySchema = z.strictObject({
  text: z.string().min(1),
  /** Where the facts in the reply come from (../shared/facts/cce-facts.md keeps the same sources). */
  sources: z.array(z.url()).min(1),
});

const answerSchema = z.strictObject({ label: z.string().min(1).max(20), synonyms: z.array(z.string().min(1)).min(1) });

const safetyFileSchema = z.strictObject({
  owner: z.string().min(1),
  reviewed: z.iso.date(),
  /** Misspellings and text-speak, word for word, applied before matching. */
  respell: z.record(z.string(), z.string()),
  /** Emoji that stand for words. */
  emoji: z.record(z.string(), z.string()),
  /** Named alternatives used inside patterns as {name}. */
  terms: z.record(z.string().regex(/^[a-z]+$/), z.array(z.string().min(1)).min(1)),
  rules: z.array(ruleSchema).min(3),
  /** The message is about the past or is a general question, unless a "now" cue is present too. */
  past: z.array(z.string().min(1)).min(1),
  general: z.array(z.string().min(1)).min(1),
  now: z.array(z.string().min(1)).min(1),
  replies: z.strictObject({
    danger: replySchema,
    'self-harm': replySchema,
    disclosure: replySchema,
    past: replySchema,
    /** Danger where someone is being hurt nearby (heard through a wall, seen from a window). */
    hurtNearby: replySchema,
    /** An overdose already taken, by the writer or someone else. */
    overdose: replySchema,
    /** The unsure band: asked once before the reply, Yes gives the emergency reply, No carries on. */
    checkIn: z.strictObject({
      text: z.string().min(1),
      again: z.string().min(1),
      yes: answerSchema,
      no: answerSchema,
      /** "I don't know" and the like: treated as yes (the reply is the safe side). */
      unsure: z.array(z.string().min(1)).min(1),
    }),
    resume: z.string().min(1),
  }),
});

export type SafetyFile = z.infer<typeof safetyFileSchema>;

export interface CompiledRule {
  id: string;
  kind: SafetyKind;
  patterns: RegExp[];
  timeless: boolean;
}

export interface SafetyRules {
  respell: ReadonlyMap<string, string>;
  emoji: ReadonlyArray<[string, string]>;
  rules: CompiledRule[];
  past: RegExp[];
  general: RegExp[];
  now: RegExp[];
  replies: SafetyFile['replies'];
}

/** Turns the file's patterns into regular expressions, expanding {term} lists; a bad pattern names itself. */
export function compileSafetyRules(file: SafetyFile, where = 'safety rules'): SafetyRules {
  const compile = (source: string): RegExp => {
    const expanded = source.replace(/\{([a-z]+)\}/g, (_, name: string) => {
      const list = file.terms[name];
      if (!list) throw new ContentError(`${where}: pattern "${source}" uses unknown term list {${name}}`);
      return `(?:${list.join('|')})`;
    });
    try {
      return new RegExp(`(?:^| )(?:${expanded})(?= |$)`);
    } catch (err) {
      throw new ContentError(`${where}: pattern "${source}" is not a valid regular expression (${(err as Error).message})`);
    }
  };
  const ids = new Set<string>();
  for (const r of file.rules) {
    if (ids.has(r.id)) throw new ContentError(`${where}: rule id ${r.id} is used twice`);
    ids.add(r.id);
  }
  return {
    respell: new Map(Object.entries(file.respell)),
    emoji: Object.entries(file.emoji),
    rules: file.rules.map((r) => ({ id: r.id, kind: r.kind, timeless: r.timeless, patterns: r.match.map(compile) })),
    past: file.past.map(compile),
    general: file.general.map(compile),
    now: file.now.map(compile),
    replies: file.replies,
  };
}

/** Loads content/safety.yaml. */
export function loadSafetyRules(contentDir: string): SafetyRules {
  const file = join(contentDir, 'safety.yaml');
  return compileSafetyRules(loadYaml(file, safetyFileSchema), file);
}
