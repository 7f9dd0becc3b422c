import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '../config/config';

const account = z.looseObject({ id: z.string().min(1).max(256), name: z.string().max(256).optional() });

/**
 * The shape an inbound activity must have before the bot sees it. Unknown fields pass through (the
 * protocol has many); known fields must have the right types. Unknown activity types are allowed and
 * ignored politely by the bot.
 */
export const inboundActivitySchema = z.looseObject({
  type: z.string().regex(/^[A-Za-z]{1,64}$/, 'must be an activity type such as "message"'),
  id: z.string().max(256).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.looseObject({ id: z.string().min(1).max(512) }),
  from: account,
  recipient: account.optional(),
  text: z
    .string()
    .max(MAX_TEXT_LENGTH, `text is longer than ${MAX_TEXT_LENGTH} characters`)
    .optional(),
  locale: z.string().max(32).optional(),
  timestamp: z.string().max(64).optional(),
  deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).optional(),
  membersAdded: z.array(account).optional(),
  membersRemoved: z.array(account).optional(),
  attachments: z.array(z.looseObject({ contentType: z.string() })).max(10).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  value: z.unknown().optional(),
});

export type InboundActivity = z.infer<typeof inboundActivitySchema>;

/** The first problem found, phrased for the caller: "text: text is longer than 4000 characters". */
export function describeActivityProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The body is not a valid activity.';
  const where = issue.path.join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}
