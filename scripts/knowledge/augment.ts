import { seededRandom } from '../../src/classifier/trainLinearModel';

/*
 * Noisy copies of training questions, the way phones and hurried people change words: text-speak for
 * common words, dropped vowels and letters, swapped and doubled letters, no capitals or punctuation.
 * General transformations of any text (nothing here is about one topic), so that the classifier learns
 * that "wat r the sines" and "what are the signs" mean the same thing.
 */

/** Common words and how people often text them. */
const TEXT_SPEAK: Readonly<Record<string, readonly string[]>> = {
  you: ['u', 'ya', 'yu'], your: ['ur', 'yor'], "you're": ['ur', 'youre'], are: ['r', 'ar'], what: ['wat', 'wot', 'whats'],
  because: ['cos', 'coz', 'bc', 'cuz'], to: ['2'], too: ['2'], for: ['4'], please: ['pls', 'plz'], people: ['ppl'],
  know: ['no', 'kno', 'knw'], said: ['sed', 'sayed'], school: ['skool', 'scool'], something: ['summat', 'sumthing', 'smth'],
  anything: ['owt', 'anythin'], nothing: ['nowt', 'nothin'], tonight: ['2nite', 'tonite'], with: ['wiv', 'w'], okay: ['ok', 'k'],
  really: ['rly', 'realy'], probably: ['prob', 'probs'], about: ['abt', 'bout'], them: ['em', 'dem'], they: ['thay', 'dey'],
  there: ['thier', 'their', 'der'], their: ['there', 'thier'], does: ['dose', 'duz'], mean: ['meen', 'mn'], money: ['munny', 'muney'],
  phone: ['fone', 'phne'], police: ['polise', 'police', 'feds'], should: ['shud', 'shld'], would: ['wud', 'wld'], could: ['cud', 'cld'],
  think: ['fink', 'thnk'], though: ['tho'], going: ['goin', 'gna'], doing: ['doin'], want: ['wanna', 'wnt'], have: ['hav', 'av'],
  is: ['iz'], it: ['it'], i: ['i', 'I'], im: ['im', 'i'], "i'm": ['im'], "don't": ['dont', 'dnt'], "can't": ['cant', 'cnt'], why: ['y'],
  see: ['c'], be: ['b'], one: ['1'], before: ['b4'], great: ['gr8'], later: ['l8r'], night: ['nite'], right: ['rite'],
};

const VOWELS = /[aeiou]/g;

function noisyWord(word: string, random: () => number): string {
  const lower = word.toLowerCase();
  const speak = TEXT_SPEAK[lower];
  if (speak && random() < 0.5) return speak[Math.floor(random() * speak.length)]!;
  if (lower.length <= 3 || !/^[a-z]+$/.test(lower)) return lower;
  const r = random();
  if (r < 0.12) {
    // Drop one vowel (not the first letter).
    const at = [...lower.slice(1).matchAll(VOWELS)].map((m) => m.index! + 1);
    if (at.length) {
      const i = at[Math.floor(random() * at.length)]!;
      return lower.slice(0, i) + lower.slice(i + 1);
    }
  } else if (r < 0.18) {
    const i = 1 + Math.floor(random() * (lower.length - 2));
    return lower.slice(0, i) + lower[i + 1] + lower[i] + lower.slice(i + 2);
  } else if (r < 0.22) {
    const i = Math.floor(random() * lower.length);
    return lower.slice(0, i) + lower[i] + lower.slice(i);
  } else if (r < 0.26) {
    const i = 1 + Math.floor(random() * (lower.length - 1));
    return lower.slice(0, i) + lower.slice(i + 1);
  }
  return lower;
}

/** `copies` noisy versions of a text, the same every run for the same seed. */
export function noisyCopies(text: string, copies: number, seed: number): string[] {
  const random = seededRandom(seed);
  const out: string[] = [];
  for (let c = 0; c < copies; c++) {
    const words = text.replace(/[’‘]/g, "'").split(/\s+/).filter(Boolean);
    const noisy = words.map((w) => {
      const bare = w.replace(/[^\p{L}\p{N}']/gu, '');
      return bare ? noisyWord(bare, random) : '';
    });
    out.push(noisy.filter(Boolean).join(' '));
  }
  return out;
}
