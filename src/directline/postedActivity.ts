import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '../config/config';

/** Activity types a browser may send. Anything else (invoke, installationUpdate…) is refused. */
export const POSTED_TYPES = ['message', 'event', 'typing', 'endOfConversation'] as const;

/** An event's `value`: at most this many bytes of JSON, nested at most this deep. */
export const MAX_VALUE_BYTES = 4096;
export const MAX_VALUE_DEPTH = 16;

/** How deep a JSON value nests (a scalar is 0), counted without recursion; stops once past `limit`. */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const inside = depth + 1;
    deepest = Math.max(deepest, inside);
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) stack.push([child, inside]);
  }
  return deepest;
}

/**
 * What the built-in Direct Line accepts from a browser. Only these fields are kept: the rest of what a
 * client sends (its capabilities, the user's name it claims, attachment sizes) is dropped, and the server
 * sets who it is from, the conversation, the channel and the time.
 */
export const postedActivitySchema = z.looseObject({
  type: z.enum(POSTED_TYPES, { error: `type must be one of ${POSTED_TYPES.join(', ')}` }),
  text: z.string().max(MAX_TEXT_LENGTH, `text is longer than ${MAX_TEXT_LENGTH} characters`).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, 'locale must be a language tag such as en-GB')
    .optional(),
  name: z.string().max(64).optional(),
  value: z.unknown().optional(),
  attachments: z.array(z.unknown()).max(0, 'attachments are not accepted here').optional(),
  channelData: z
    .looseObject({
      clientActivityID: z.string().max(128).optional(),
      clientTimestamp: z.string().max(64).optional(),
    })
    .optional(),
}).superRefine((activity, ctx) => {
  if (activity.value === undefined) return;
  if (activity.type !== 'event') {
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'value is accepted on events only' });
  } else if (nestingDepth(activity.value, MAX_VALUE_DEPTH) > MAX_VALUE_DEPTH) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: `value nests deeper than ${MAX_VALUE_DEPTH} levels` });
  } else if (Buffer.byteLength(JSON.stringify(activity.value) ?? '') > MAX_VALUE_BYTES) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: `value is larger than ${MAX_VALUE_BYTES} bytes` });
  }
});

export type PostedActivity = z.infer<typeof postedActivitySchema>;

/** The fields of a posted activity that go into the conversation, undefined ones left out. */
export function keptFields(posted: PostedActivity): Record<string, unknown> {
  const kept: Record<string, unknown> = {
    type: posted.type,
    text: posted.text,
    textFormat: posted.textFormat,
    locale: posted.locale,
    name: posted.name,
    value: posted.value,
  };
  const { clientActivityID, clientTimestamp } = posted.channelData ?? {};
  if (clientActivityID !== undefined || clientTimestamp !== undefined) kept.channelData = { clientActivityID, clientTimestamp };
  return JSON.parse(JSON.stringify(kept)) as Record<string, unknown>;
}
