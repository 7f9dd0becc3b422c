import { patternFinder, type DetailFinder } from './patternFinder';

/*
 * National Insurance numbers, bank details (sort code and account number, UK IBAN) and card numbers.
 * Bare digit runs are ambiguous ("12-03-24" is a date, "12345678" could be anything), so a sort code
 * or an 8-digit account number needs a cue, its partner, or (for a sort code) not to be a date.
 */

// HMRC rules: first letter not D, F, I, Q, U, V; second not those or O; some pairs never issued.
const NI_NUMBER = /(?<![\w-])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w-])/dgi;

const ACCOUNT_CUE = String.raw`(?:account|acc|a\/c)(?:\s*(?:number|num|no\.?|#))?[\s:]*(?:is\s+)?`;
const SORT_CODE = String.raw`\d{2}[- ]\d{2}[- ]\d{2}`;

/** "12-34-56 12345678", "12-34-56, account number 12345678": one detail from the sort code to the account. */
const SORT_AND_ACCOUNT = new RegExp(String.raw`(?<![\w-])${SORT_CODE}[\s,/]+(?:${ACCOUNT_CUE})?\d{8}(?![\w-])`, 'dgi');
const CUED_SORT_CODE = new RegExp(String.raw`\bsort\s?code\b[\s:]*(?:is\s+)?(?<detail>\d{2}[- ]?\d{2}[- ]?\d{2})(?![\w-])`, 'dgi');
const CUED_ACCOUNT = new RegExp(String.raw`\b${ACCOUNT_CUE}(?<detail>\d{8})(?![\w-])`, 'dgi');
const BARE_SORT_CODE = /(?<![\w-])\d{2}-\d{2}-\d{2}(?![\w-])/dg;
const UK_IBAN = /(?<![\w-])GB\d{2} ?[A-Z]{4}(?: ?\d){14}(?![\w-])/dgi;

/** "12-03-24" reads as a date (day 1–31, month 1–12): only a cue makes it a sort code. */
function isNotADate(sortCode: string): boolean {
  const [day = 0, month = 0] = sortCode.split('-').map(Number);
  return !(day >= 1 && day <= 31 && month >= 1 && month <= 12);
}

/** 13 to 19 digits in one run or in groups split the same way throughout ("4111 1111 1111 1111"). */
const CARD_NUMBER = /(?<![\w-])[1-9](?:[ -]?\d){12,18}(?![\w-])/dg;

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function isCardNumber(written: string): boolean {
  const separators = new Set(written.replace(/\d/g, ''));
  if (separators.size > 1) return false;
  if (separators.size === 1 && written.split(/[ -]/).some((group) => group.length < 3)) return false;
  return passesLuhn(written.replace(/\D/g, ''));
}

export const financialFinders: readonly DetailFinder[] = [
  patternFinder(NI_NUMBER, 'ni-number'),
  patternFinder(SORT_AND_ACCOUNT, 'bank-account'),
  patternFinder(CUED_SORT_CODE, 'bank-account'),
  patternFinder(CUED_ACCOUNT, 'bank-account'),
  patternFinder(BARE_SORT_CODE, 'bank-account', { accept: isNotADate }),
  patternFinder(UK_IBAN, 'bank-account'),
  patternFinder(CARD_NUMBER, 'card-number', { accept: isCardNumber }),
];
