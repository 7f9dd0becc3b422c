/*
 * A rough sound-alike key for an English word as people type it on a phone: "skool" and "school",
 * "nife" and "knife", "polise" and "police", "munny" and "money", "fone" and "phone" get the same key.
 * General spelling rules (in the spirit of Soundex and Metaphone), not a list of known misspellings:
 * letter groups that sound alike become one letter, vowels after the first letter go, doubles collapse.
 */

/** The key, or the word itself when it is short or not plain Latin letters. */
export function phoneticKey(word: string): string {
  if (word.length < 3 || !/^[a-z]+$/.test(word)) return word;
  const w = word
    .replace(/^(?:kn|gn|wr)/, (m) => m.slice(1))
    .replace(/ph/g, 'f')
    .replace(/ti(?=[ao])/g, 'sh')
    .replace(/ck|q/g, 'k')
    .replace(/sch/g, 'sk')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/z/g, 's')
    .replace(/wh/g, 'w')
    .replace(/gh/g, '')
    .replace(/([bdfgjklmnprstvwz])h/g, '$1')
    .replace(/dg/g, 'j');
  const first = w[0]!;
  const rest = w.slice(1).replace(/[aeiouy]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1');
}
