import { z } from 'zod';
import { agenciesWith, partFor } from './agencyParts';
import type { Concern } from './concern';

/** When a decision on the concern is due (the triage clock's answer), for the due-time index. */
export type DueAt = (concern: Concern) => Date;

/**
 * Where a concern sits in the indexes the queues and the alert poll read, so that neither reads every
 * stored concern: its agency's open or closed queue, in queue order (urgent first, then oldest), and the
 * alerts still owed on it.
 */
export interface ConcernIndexEntry {
  agency: string;
  closed: boolean;
  /** Queue order: urgent ones score below every other, then by time received. */
  score: number;
  /** An urgent concern, not closed, whose urgent alert has not been delivered. */
  urgentAlertOwed: boolean;
  /** When the overdue alert falls due (ms), or null when none is owed (decided, closed or already sent). */
  overdueAlertAt: number | null;
}

/** Above every receivedAt in ms for the next 250,000 years, so that urgent ones sort first. */
const NOT_URGENT = 1e13;

export function queueScore(urgent: boolean, receivedAt: string): number {
  return (urgent ? 0 : NOT_URGENT) + Date.parse(receivedAt);
}

/** The concern's entries: one per agency that has it, each from that agency's part (agencyParts.ts). */
export function indexEntries(concern: Concern, dueAt: DueAt): ConcernIndexEntry[] {
  return agenciesWith(concern).map((agency) => indexEntry(partFor(concern, agency)!, dueAt));
}

/** The entry of one agency's part (the concern as partFor gives it). */
export function indexEntry(concern: Concern, dueAt: DueAt): ConcernIndexEntry {
  const closed = concern.status === 'closed';
  const { alerts, outcome } = concern.triage;
  return {
    agency: concern.agency,
    closed,
    score: queueScore(concern.urgent, concern.receivedAt),
    urgentAlertOwed: !closed && concern.urgent && alerts.urgent === null,
    overdueAlertAt: !closed && outcome === null && alerts.overdue === null ? dueAt(concern).getTime() : null,
  };
}

/** One page of an agency's queue, asked for by the triage service. */
export interface QueueQuery {
  /** The closed concerns (in the same order); otherwise every concern that is not closed. */
  closed: boolean;
  /** Only urgent ones (true) or only the others (false); both when absent. */
  urgent?: boolean;
  limit: number;
  /** The cursor a previous page ended with: this page starts after it. */
  after?: QueueCursor;
}

/** Where a page ended: the last concern's queue score and reference (references break ties). */
export interface QueueCursor {
  score: number;
  ref: string;
}

export interface QueuePage {
  concerns: Concern[];
  /** Present when there may be more after this page. */
  next?: QueueCursor;
}

/** An alert the due-time indexes say is owed now: what the alert poll reads instead of every concern. */
export interface OwedAlert {
  kind: 'urgent' | 'overdue';
  ref: string;
  agency: string;
}

/** Which alerts the poll reads: only agencies that can be alerted, at most `limit` of each kind each. */
export interface OwedAlertQuery {
  agencies: readonly string[];
  limit: number;
}

/** The score range a query reads. */
export function scoreRange(urgent: boolean | undefined): { min: number; max: number } {
  if (urgent === true) return { min: 0, max: NOT_URGENT - 1 };
  if (urgent === false) return { min: NOT_URGENT, max: Number.MAX_SAFE_INTEGER };
  return { min: 0, max: Number.MAX_SAFE_INTEGER };
}

/** True when (score, ref) comes after the cursor in queue order. */
export function isAfter(score: number, ref: string, cursor: QueueCursor | undefined): boolean {
  if (!cursor) return true;
  return score > cursor.score || (score === cursor.score && ref > cursor.ref);
}

/** The cursor as text for a URL (`score.ref`), and back; undefined for anything that is not one. */
export function encodeCursor(cursor: QueueCursor): string {
  return `${cursor.score}.${cursor.ref}`;
}

/** What a cursor looks like in a URL: the score, a dot and the reference. */
export const CURSOR_PATTERN = /^(\d{1,16})\.([0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3})$/;

export function decodeCursor(text: string): QueueCursor | undefined {
  const match = CURSOR_PATTERN.exec(text);
  if (!match) return undefined;
  const score = Number(match[1]);
  return Number.isSafeInteger(score) ? { score, ref: match[2]! } : undefined;
}

/** A `cursor` query parameter, as the API and the console both take it: the text, checked and decoded. */
export const cursorParam = z
  .string()
  .regex(CURSOR_PATTERN)
  .transform((text) => decodeCursor(text)!);
