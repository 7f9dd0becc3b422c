import { patternFinder, type DetailFinder } from './patternFinder';

/*
 * Phone numbers, emails, social media handles and IP addresses. UK phone numbers only: mobiles (07),
 * geographic landlines (01, 02), written nationally or with +44 / 0044, with spaces, dashes, dots or a
 * bracketed area code. 03, 08 and 09 numbers belong to organisations (0800 555 111 is Crimestoppers)
 * and are left alone.
 */
const PHONE = new RegExp(
  String.raw`(?<![\w+@£$€./-])` +
    '(?:' +
    String.raw`(?:\+|00)\s?44\s?(?:\(0\)\s?)?\d(?:[ .-]?\d){8,9}` +
    '|' +
    String.raw`\(0\d{2,4}\)\s?\d(?:[ .-]?\d){5,7}` +
    '|' +
    String.raw`0\d(?:[ .-]?\d){8,9}` +
    ')' +
    String.raw`(?![\w-]|[.,]\d)`,
  'gd',
);

/** The number as dialled from the UK ("+44 (0)7700 900123" → "07700900123"). */
export function nationalPhoneNumber(written: string): string {
  const digits = written.replace(/\D/g, '');
  if (!/^\s*(?:\+|00)/.test(written)) return digits;
  const afterCountry = digits.replace(/^(?:00)?44/, '');
  return written.includes('(0)') ? afterCountry : `0${afterCountry}`;
}

export function isUkPersonalPhoneNumber(written: string): boolean {
  return /^0(?:7\d{9}|1\d{8,9}|2\d{9})$/.test(nationalPhoneNumber(written));
}

const EMAIL = /(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/dg;

/** "@tyler_x" anywhere (but not inside an email address). */
const AT_HANDLE = /(?<![\w@./])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])/dg;

/** "snap: tyler_x", "his insta is tyler.x99": a handle without the @ after the name of a platform. */
const CUED_HANDLE = new RegExp(
  String.raw`\b(?:snap(?:chat)?|insta(?:gram)?|ig|tik\s?tok|twitter|telegram|discord|kik|facebook|fb)` +
    String.raw`(?:\s+(?:user\s?name|name|handle|id|account))?\s*(?<sep>:|=|\bis\b)\s*` +
    String.raw`(?<detail>@?[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_]))(?![\w@])`,
  'dgi',
);

/** Words that follow "@" or "snap:" without being a handle. */
const NOT_HANDLES = new Set(['home', 'school', 'work', 'night', 'the', 'blocked', 'deleted', 'private', 'gone', 'unknown', 'none', 'not']);

function isHandle(detail: string): boolean {
  const bare = detail.replace(/^@/, '').toLowerCase();
  if (!/[a-z]/.test(bare) || NOT_HANDLES.has(bare)) return false;
  return !/^\d{1,2}(?:am|pm)$/.test(bare); // "@5pm" is a time
}

/** Without an "@" or a colon ("his snap is tylerx"), only names that look made up: a digit, "_" or ".". */
function cuedHandleFinder(): DetailFinder {
  return (text) =>
    [...text.matchAll(CUED_HANDLE)].flatMap((m) => {
      const span = m.indices?.groups?.detail;
      const detail = m.groups?.detail;
      if (!span || !detail || !isHandle(detail)) return [];
      const strongCue = detail.startsWith('@') || m.groups?.sep?.toLowerCase() !== 'is';
      if (!strongCue && !/[\d_.]/.test(detail)) return [];
      return [{ text: detail, category: 'social-handle' as const, offset: span[0], length: detail.length }];
    });
}

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(String.raw`(?<![\w.])${OCTET}(?:\.${OCTET}){3}(?![\w]|\.\d)`, 'dg');
const IPV6 = /(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![\w:])|(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?(?![\w:])/dg;

/** A compressed IPv6 address needs three groups at least: "10::30" is not one. */
function isIpv6(detail: string): boolean {
  return detail.split(':').filter(Boolean).length >= 3;
}

export const contactFinders: readonly DetailFinder[] = [
  patternFinder(PHONE, 'phone', { accept: isUkPersonalPhoneNumber }),
  patternFinder(EMAIL, 'email'),
  patternFinder(AT_HANDLE, 'social-handle', { accept: isHandle }),
  cuedHandleFinder(),
  patternFinder(IPV4, 'ip-address'),
  patternFinder(IPV6, 'ip-address', { accept: isIpv6 }),
];
