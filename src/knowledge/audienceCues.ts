import { tokens } from './tokenize';

/** Words after "my" or "our" that mean the writer is talking about someone else's child. */
const CARED_FOR = new Set([
  'son', 'daughter', 'child', 'kid', 'kids', 'children', 'lad', 'boy', 'girl', 'teenager', 'teen', 'stepson',
  'stepdaughter', 'grandson', 'granddaughter', 'nephew', 'niece', 'youngest', 'eldest', 'oldest',
]);
const FIRST_PERSON = new Set(['i', 'im', 'ive', 'id', 'me', 'myself']);
const PARENT_WORDS = new Set(['parent', 'parents', 'mum', 'mam', 'dad', 'carer', 'foster']);

/**
 * Who a question sounds like it comes from, by its wording alone: "my son", "as a parent" → parent;
 * "I", "me" with nobody else's child mentioned → young person. Undefined when it can't tell.
 */
export function audienceCue(text: string): 'parent' | 'young-person' | undefined {
  const ws = tokens(text).map((t) => t.word);
  let firstPerson = false;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if ((w === 'my' || w === 'our') && CARED_FOR.has(ws[i + 1] ?? '')) return 'parent';
    if (PARENT_WORDS.has(w)) return 'parent';
    if (FIRST_PERSON.has(w)) firstPerson = true;
  }
  return firstPerson ? 'young-person' : undefined;
}
