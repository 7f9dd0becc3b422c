import { isGsm7, septets } from './gsm7';

/** How a text is sent: GSM-7 when every character allows it, otherwise UCS-2 (UTF-16). */
export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsSize {
  encoding: SmsEncoding;
  /** Septets (GSM-7, extension characters counting two) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

/** Units that fit one SMS alone, and one part of a concatenated SMS (the rest holds the joining header). */
const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
};

/**
 * The segments a text costs as one SMS. In a concatenated message an extension character's escape and the
 * character itself, and the two halves of a surrogate pair, are never split across parts, so parts are
 * packed character by character rather than by dividing.
 */
export function smsSize(text: string): SmsSize {
  const encoding: SmsEncoding = isGsm7(text) ? 'gsm7' : 'ucs2';
  const sizes = [...text].map((ch) => (encoding === 'gsm7' ? septets(ch) : ch.length));
  const units = sizes.reduce((a, b) => a + b, 0);
  const { single, part } = LIMITS[encoding];
  if (units <= single) return { encoding, units, segments: units === 0 ? 0 : 1 };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > part) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding, units, segments };
}

export function smsSegments(text: string): number {
  return smsSize(text).segments;
}
