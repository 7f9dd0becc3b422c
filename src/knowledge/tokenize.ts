import { normaliseAnswer } from '../text/normaliseAnswer';

/**
 * Words that say nothing about the topic. Kept short on purpose: words such as "missing", "out",
 * "money" or "tell" carry meaning here and must stay.
 */
const STOPWORDS = new Set(
  (
    "a an the and or but if then so of to in on at by for from with about as into onto over than too very " +
    "is am are was were be been being do does did doing done have has had having will would shall should can could may might must " +
    "i me my mine myself you your yours u ur ya he him his himself she her hers herself it its they them their theirs we us our " +
    "this that these those there here what whats wat which who whom whose when where why how " +
    "im ive id youre hes shes theyre thats theres isnt dont doesnt didnt cant wont " +
    "just really actually like lately now still even also any some all much many more most such " +
    "mean means meaning please tell me know want get got say said says saying go going thing things something summat anything " +
    "ok okay yeah hi hello thanks thank explain explained definition define describe"
  ).split(' '),
);

/** Replaces a handful of irregular or text-speak forms before stemming. */
const RESPELL: Readonly<Record<string, string>> = {
  children: 'child',
  kids: 'kid',
  men: 'man',
  women: 'woman',
  people: 'person',
  ppl: 'person',
  bc: 'because',
  cos: 'because',
  coz: 'because',
  wen: 'when',
  wud: 'would',
  shud: 'should',
  sumthin: 'something',
  n: 'and',
  r: 'are',
  y: 'why',
};

/** A light English stemmer: enough to join "carrying", "carries" and "carry", or "groomed" and "grooming". */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ied') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  else if (w.endsWith('es') && /(ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([bdgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}

/** A word as typed (respelled) and its stem; the lexicon matches on stems, stop words are judged on the word. */
export interface Token {
  word: string;
  stem: string;
}

/** Normalised, respelled words with their stems, in order. */
export function tokens(text: string): Token[] {
  const normal = normaliseAnswer(text).replace(/'/g, '');
  if (!normal) return [];
  return normal.split(' ').map((raw) => {
    // Squeeze letters repeated three times or more ("plzzz", "sooo").
    const squeezed = raw.replace(/(\p{L})\1{2,}/gu, '$1$1');
    const word = RESPELL[squeezed] ?? squeezed;
    return { word, stem: stem(word) };
  });
}

/** Whether a word carries no meaning for search. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word) || word.length < 2;
}
