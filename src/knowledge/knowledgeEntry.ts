import { z } from 'zod';

/** Longest short answer: one SMS-friendly message. */
export const MAX_SHORT_ANSWER = 600;

export const AUDIENCE_VALUES = ['parent', 'young-person', 'anyone'] as const;

/**
 * Where an answer is meant to be read: any channel, web chat only, texts only (SMS, WhatsApp and any other
 * text channel), or one messaging channel only. On SMS an 'sms' answer comes before a 'text' one.
 */
export const CHANNEL_KINDS = ['any', 'web', 'text', 'sms', 'whatsapp'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** One authored answer, as a content owner writes it in content/knowledge/*.yaml. */
export const knowledgeEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  title: z.string().min(1).max(40),
  audience: z.enum(AUDIENCE_VALUES),
  /**
   * Answers with the same topic are versions of one answer, for different people (audience) or channels:
   * the picker finds the topic, then gives the version for the person asking. Defaults to the id.
   */
  topic: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case').optional(),
  channel: z.enum(CHANNEL_KINDS).default('any'),
  /**
   * How people ask for it; the question model is trained on these. A version of a topic may have none
   * (found through the topic's other versions): loadKnowledge checks that every topic has some.
   */
  questions: z
    .array(z.string().min(3))
    .default([])
    .refine((q) => q.length === 0 || q.length >= 3, 'needs at least 3 phrasings (or none, for a version of a topic that has them)'),
  short: z.string().min(20).max(MAX_SHORT_ANSWER, `must fit one message (${MAX_SHORT_ANSWER} characters)`),
  long: z.string().max(2000).optional(),
  related: z.array(z.string()).max(4).default([]),
  signpost: z.array(z.string()).max(3).default([]),
  /**
   * When the answer signposts the local front door and the user's area is unknown: 'ask-area' adds a
   * line asking for it; 'all-areas' lists all four councils (for answers about who to ring).
   */
  local_help: z.enum(['ask-area', 'all-areas']).default('ask-area'),
  sources: z.array(z.url()).min(1, 'every answer needs a source'),
  owner: z.string().min(1),
  reviewed: z.iso.date(),
  review_notes: z.string().optional(),
});

export const knowledgeFileSchema = z.array(knowledgeEntrySchema).min(1);

export type KnowledgeEntry = z.infer<typeof knowledgeEntrySchema>;
