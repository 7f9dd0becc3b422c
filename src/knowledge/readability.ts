/**
 * Flesch-Kincaid grade level of English text: about the US school grade needed to read it. Grade 7 is
 * roughly a reading age of 12. Syllables are estimated from vowel groups, which is good enough to spot
 * answers that are hard to read.
 */
export function fleschKincaidGrade(text: string): number {
  const words = text.match(/[A-Za-z]+(?:['’][A-Za-z]+)*/g) ?? [];
  if (words.length === 0) return 0;
  const sentences = Math.max(1, (text.match(/[.!?]+(\s|$)|:\s*$/gm) ?? []).length);
  const syllables = words.reduce((n, w) => n + countSyllables(w), 0);
  return 0.39 * (words.length / sentences) + 11.8 * (syllables / words.length) - 15.59;
}

export function countSyllables(word: string): number {
  const w = word.toLowerCase().replace(/['’]/g, '');
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, (trimmed.match(/[aeiouy]{1,2}/g) ?? []).length);
}
