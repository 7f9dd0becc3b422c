import type { Choice, Reply } from '../channels/reply';
import type { MessageLanguage } from './messageLanguage';
import type { AlarmKind, ReplyVariant } from './safetyDetector';
import type { Safety } from './safety';
import type { Translation } from './safetyLanguages';

/*
 * What the person sees when the safety check answers: in another language, the short block in that
 * language (or in English for a language we have no translation for) comes first, with 999 in it; then
 * the English reply that fits what was said.
 */

export type SafetyReplyKind = AlarmKind | 'disclosure';

/** The fixed block for a message in another language, or undefined for English. */
export function languageBlock(safety: Safety, language: MessageLanguage | undefined): string | undefined {
  if (!language) return undefined;
  if (language === 'other') return safety.languages.english.trim();
  return safety.languages.translations[language].block.trim();
}

function withBlock(safety: Safety, language: MessageLanguage | undefined, text: string): string {
  const block = languageBlock(safety, language);
  return block ? `${block}\n\n${text.trim()}` : text.trim();
}

/** The emergency or disclosure reply, fitted to what was said. */
export function safetyReplyText(safety: Safety, kind: SafetyReplyKind, variant: ReplyVariant | undefined, language: MessageLanguage | undefined): string {
  const { replies } = safety.rules;
  const english = variant === 'overdose' ? replies.overdose : variant === 'hurt-nearby' && kind === 'danger' ? replies.hurtNearby : replies[kind];
  return withBlock(safety, language, english.text);
}

/** The translation for the person's language, when there is one ("other" has none). */
function translationFor(safety: Safety, language: MessageLanguage | undefined): Translation | undefined {
  return language && language !== 'other' ? safety.languages.translations[language] : undefined;
}

/** The Yes and No of the check-in, with the words for them in the person's language too. */
export function checkInChoices(safety: Safety, language: MessageLanguage | undefined): Choice[] {
  const { yes, no } = safety.rules.replies.checkIn;
  const translation = translationFor(safety, language);
  return [
    { value: 'yes', label: yes.label, synonyms: [...yes.synonyms, ...(translation?.yes ?? [])] },
    { value: 'no', label: no.label, synonyms: [...no.synonyms, ...(translation?.no ?? [])] },
  ];
}

/** "Is someone in danger right now?" with Yes and No; in another language after its block, and asked in it too when we have it. */
export function checkInReply(safety: Safety, language: MessageLanguage | undefined, again = false): Reply {
  const { checkIn } = safety.rules.replies;
  const english = again ? checkIn.again : checkIn.text;
  const text = [languageBlock(safety, language), translationFor(safety, language)?.checkIn, english].filter(Boolean).join('\n\n');
  return { text, choices: checkInChoices(safety, language) };
}
