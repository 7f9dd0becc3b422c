import { addressFinders } from './addressDetails';
import { contactFinders } from './contactDetails';
import { financialFinders } from './financialDetails';
import { keepLongest } from './keepLongest';
import type { PersonalDetail } from './languageService';
import { findNames } from './nameDetails';
import type { DetailFinder } from './patternFinder';

/** In order of preference when two details of the same length overlap. */
const FINDERS: readonly DetailFinder[] = [...financialFinders, ...contactFinders, ...addressFinders, findNames];

/** The personal details in one text, by UK-aware patterns: no network, no model. */
export function findPersonalDetails(text: string): PersonalDetail[] {
  return keepLongest(FINDERS.flatMap((find) => find(text)));
}
