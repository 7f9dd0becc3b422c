const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
// UK numbers: 07700 900123, +44 7700 900123, 0114 273 4855, (01226) 772423.
const UK_PHONE = /^(?:\+44\s?|0044\s?|0)(?:\(0\))?[1-9]\d{8,9}$/;

/**
 * A way to reach the reporter, checked for shape only: a UK phone number or an email address. Returns
 * it tidied, or undefined when it is neither.
 */
export function parseContactDetail(text: string): string | undefined {
  const trimmed = text.trim();
  if (EMAIL.test(trimmed) && trimmed.length <= 200) return trimmed;
  const digits = trimmed.replace(/[\s().-]/g, '');
  if (UK_PHONE.test(digits)) return trimmed.replace(/\s+/g, ' ');
  return undefined;
}
