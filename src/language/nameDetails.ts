import type { PersonalDetail } from './languageService';
import { isNotAName } from './nameStopList';
import type { DetailFinder } from './patternFinder';

/*
 * Names, conservatively: only right after a cue that introduces one ("my name is", "I'm", "call me",
 * "this is", "my son", "his mum's boyfriend", "a lad called"), and only capitalised words unless the cue
 * leaves no doubt ("my name is sam", "a lad called jordan"). A name anywhere else is not found.
 */
const RELATIONS =
  'sons?|daughters?|boys?|girls?|child|children|kids?|brothers?|sisters?|nephews?|nieces?|grandsons?|' +
  'granddaughters?|grandchild|cousins?|mates?|friends?|pals?|boyfriend|girlfriend|bf|gf|partner|husband|wife|ex|' +
  'mum|mom|mam|dad|mother|father|uncle|aunt|auntie|neighbou?r|teacher|carer';
const MODIFIERS = '(?:(?:step|grand|foster|older|younger|little|big|eldest|oldest|youngest|best|new|school)[\\s-]?)?';
const PEOPLE = 'lad|lads|boy|boys|man|men|guy|guys|bloke|woman|girl|girls|kid|person|someone|somebody|one|gang member|dealer';

/** Cues after which a capitalised word is a name. */
const CUE = new RegExp(
  String.raw`\b(?:` +
    String.raw`(?<strong>names?(?:\s+(?:is|are|was|were)|\s*[:=-]|'s|’s)` +
    String.raw`|(?:(?:i|he|she|they|who|which)\s+)?(?:am|is|are|was|were|'s|’s|'m|’m)\s+(?:called|named|known\s+as|nicknamed)` +
    String.raw`|(?:goes|go)\s+by` +
    String.raw`|(?:i'm|i’m|im)\s+(?:called|named|known\s+as)` +
    String.raw`|(?:${PEOPLE}|${RELATIONS})\s+(?:called|named|known\s+as|nicknamed)` +
    String.raw`|(?:a|an|the|some|this|one)\s+(?:${PEOPLE})\s+(?:called|named|known\s+as)` +
    ')' +
    String.raw`|(?<weak>i\s+am|i'm|i’m|im|call\s+me|this\s+is` +
    String.raw`|(?:my|his|her|their|our|your)\s+(?:(?:${RELATIONS})(?:'s|’s)\s+)?${MODIFIERS}(?:${RELATIONS})\s*,?` +
    ')' +
    String.raw`)\s+`,
  'dgi',
);

/** Sam, McKenzie, O'Brien, Mary-Jane. */
const WORD = String.raw`(?:[A-Z]['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)*`;
const TITLE = String.raw`(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?`;
/** One or two capitalised words, at a given position (sticky). */
const CAPITALISED_NAME = new RegExp(String.raw`${TITLE}(?<first>${WORD})(?:\s+(?<second>${WORD}))?(?![\w-])`, 'yd');
const LOWERCASE_NAME = new RegExp(String.raw`(?<first>[a-z]+(?:[-'’][a-z]+)?)(?:\s+(?<second>[a-z]+))?(?![\w-])`, 'yd');
/** ", Kyle", " and Kyle", " & Kyle": more names in a list ("his mates Jordan, Kyle and Reece"). */
const LIST_LINK = /(?:\s*,\s*|\s+and\s+|\s*&\s*)/y;

/** The name at `at`, or nothing: the title and first word must pass the stop-list; a doubtful surname is dropped. */
function nameAt(text: string, at: number, allowLowercase: boolean): PersonalDetail | undefined {
  for (const pattern of allowLowercase ? [CAPITALISED_NAME, LOWERCASE_NAME] : [CAPITALISED_NAME]) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    const first = m?.groups?.first;
    const firstEnd = m?.indices?.groups?.first?.[1];
    if (!m || !first || firstEnd === undefined || isNotAName(first)) continue;
    const second = m.groups?.second;
    const whole = second && !isNotAName(second) ? m[0] : text.slice(at, firstEnd);
    return { text: whole, category: 'name', offset: at, length: whole.length };
  }
  return undefined;
}

function namesAfterCue(text: string, at: number, allowLowercase: boolean): PersonalDetail[] {
  const names: PersonalDetail[] = [];
  let next = nameAt(text, at, allowLowercase);
  while (next) {
    names.push(next);
    LIST_LINK.lastIndex = next.offset + next.length;
    if (!LIST_LINK.exec(text)) break;
    next = nameAt(text, LIST_LINK.lastIndex, false);
  }
  return names;
}

export const findNames: DetailFinder = (text) =>
  [...text.matchAll(CUE)].flatMap((cue) => namesAfterCue(text, cue.index + cue[0].length, cue.groups?.strong !== undefined));
