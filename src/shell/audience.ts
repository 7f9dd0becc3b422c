import { z } from 'zod';

/** Who the user said they are. Optional: unknown users get wording that suits anyone. */
export const AUDIENCES = ['parent', 'young-person', 'other'] as const;
export type Audience = (typeof AUDIENCES)[number];

export function isAudience(value: unknown): value is Audience {
  return typeof value === 'string' && (AUDIENCES as readonly string[]).includes(value);
}

/** A content schema with one value for each audience, plus 'anyone' for users who didn't say. */
export const byAudience = <T extends z.ZodType>(item: T) =>
  z.strictObject({ anyone: item, parent: item, 'young-person': item, other: item });
