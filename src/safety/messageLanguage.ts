import { detectLanguage } from '../language/detectLanguage';
import { BLOCK_LANGUAGES, type BlockLanguage } from './safetyLanguages';

/*
 * Which language block a message needs: one of the supported languages, "other" for any other
 * language (the block is then shown in English), or none for English and for text too short to tell.
 * General detection is tinyld's (via detectLanguage); on top of it, what tinyld cannot see: Punjabi in
 * Shahmukhi (it reads as Urdu), romanised Urdu and Punjabi (it reads as Tagalog or Indonesian), and the
 * Slovak and Czech words that tell the two apart when accents are left off.
 */

export type MessageLanguage = BlockLanguage | 'other';

const ROMAN_URDU = new Set(
  `mera meri mere mujhe mujhko main mein hai hain nahi nahin nai kya kyun kyon kaise kahan aap ap tum hum
  unka unki unke uska uski usne maine bhai beta beti ghar abhi jaldi madad bachao maar mar marna chahta
  chahti hoon hun raha rahi rahe gaya gayi kar karo karna diya liya wala wali koi kuch sab bohat bahut
  zindagi khud khudkushi jaan dar darr police pulis chaku goli bandook`.split(/\s+/),
);

const ROMAN_PUNJABI = new Set(
  `mainu menu tusi tussi tuhanu sada sadda saanu asi assi kithe kidda kive ki aa ae haiga hega nahin nai
  munda kudi kuri bacha puttar putt veer paaji mar maar ghar hun hunn jaldi bachao madad kar karo`.split(/\s+/),
);

/** Words found in Punjabi written in Shahmukhi and not in Urdu. */
const SHAHMUKHI = new Set(['نوں', 'تسیں', 'تہانوں', 'ساڈا', 'ساڈے', 'ساڈی', 'اساں', 'منڈا', 'کڑی', 'ہیگا', 'ہیگی', 'کتھے', 'کیہ', 'میتھوں', 'سانوں', 'پتر']);

const SLOVAK = new Set(`som sa si je nie mam ma mi moj moja co ako preco kde teraz uz chcem prosim pomoc syn dcera ktory velmi policia nevie nechcem zabit zomriet`.split(/\s+/));
const CZECH = new Set(`jsem se si je neni mam me mi muj moje co jak proc kde ted uz chci prosim pomoc syn dcera ktery velmi policie nevim nechci zabit umrit`.split(/\s+/));

const isBlockLanguage = (code: string): code is BlockLanguage => (BLOCK_LANGUAGES as readonly string[]).includes(code);

function words(text: string): string[] {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').match(/\p{L}+/gu) ?? [];
}

const share = (list: readonly string[], vocabulary: ReadonlySet<string>) => (list.length ? list.filter((w) => vocabulary.has(w)).length / list.length : 0);

export function messageLanguage(text: string): MessageLanguage | undefined {
  const detected = detectLanguage(text).code;
  if (detected === 'ur' && text.split(/\s+/).some((w) => SHAHMUKHI.has(w))) return 'pa';
  if (detected === 'en') return undefined;
  if (detected === 'sk' || detected === 'cs') {
    // Without accents tinyld mixes the two: the commonest words settle it.
    const list = words(text);
    const sk = share(list, SLOVAK);
    const cs = share(list, CZECH);
    if (sk !== cs) return sk > cs ? 'sk' : 'cs';
    return detected;
  }
  if (detected && isBlockLanguage(detected)) return detected;
  const list = words(text);
  if (/^[\p{Script=Latin}\p{N}\p{P}\p{Z}\p{S}]*$/u.test(text) && list.length >= 2) {
    const ur = share(list, ROMAN_URDU);
    const pa = share(list, ROMAN_PUNJABI);
    if (Math.max(ur, pa) >= 0.3) return pa > ur ? 'pa' : 'ur';
  }
  if (detected === null) return undefined;
  return 'other';
}
