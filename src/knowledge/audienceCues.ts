import { tokens } from './tokenize';

/** Words after "my" or "our" that mean the writer is talking about someone else's child. */
const CARED_FOR = new Set([
  'son', 'daughter', 'child', 'kid', 'kids', 'children', 'lad', 'boy', 'girl', 'teenager', 'teen', 'stepson',
  'stepdaughter', 'grandson', 'granddaughter', 'nephew', 'niece', 'youngest', 'eldest', 'oldest',
]);
const FIRST_PERSON = new Set(['i', 'im', 'ive', 'id', 'me', 'myself']);
const PARENT_WORDS = new Set(['parent', 'parents', 'mum', 'mam', 'dad', 'carer', 'foster']);
/** Someone else the writer talks about: with "I", an adult asking about a child ("will she be arrested"). */
const THIRD_PERSON = new Set(['he', 'hes', 'him', 'his', 'she', 'shes', 'her', 'hers']);
/** Words after "my" that mean a young person talking about someone their own age. */
const PEERS = new Set(['mate', 'mates', 'friend', 'friends', 'bestie', 'bro', 'boyfriend', 'girlfriend', 'bf', 'gf', 'cousin']);

/**
 * Who a question sounds like it comes from, by its wording alone: "my son", "as a parent" → parent;
 * "I" with "he" or "she" (and no friend of theirs mentioned) → parent, an adult asking about a child;
 * "I", "me" about their own situation → young person. Undefined when it can't tell.
 */
export function audienceCue(text: string): 'parent' | 'young-person' | undefined {
  const ws = tokens(text).map((t) => t.word);
  let firstPerson = false;
  let thirdPerson = false;
  let peer = false;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if ((w === 'my' || w === 'our') && CARED_FOR.has(ws[i + 1] ?? '')) return 'parent';
    if (PARENT_WORDS.has(w) && ws[i - 1] !== 'my' && ws[i - 1] !== 'me') return 'parent';
    if (w === 'my' && PEERS.has(ws[i + 1] ?? '')) peer = true;
    if (FIRST_PERSON.has(w)) firstPerson = true;
    if (THIRD_PERSON.has(w)) thirdPerson = true;
  }
  if (!firstPerson) return undefined;
  return thirdPerson && !peer ? 'parent' : 'young-person';
}
