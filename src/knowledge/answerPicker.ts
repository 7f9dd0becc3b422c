/** What the picker decided for a question: one topic, a few to choose from, or none. */
export type Pick =
  | { kind: 'answer'; topic: string }
  | { kind: 'didYouMean'; topics: string[] }
  | { kind: 'noMatch' };

/** Finds the answer topic for a question (the version for the person asking is chosen afterwards). */
export interface AnswerPicker {
  pick(question: string): Pick;
}

/** "Did you mean" offers at most this many topics. */
export const MAX_SUGGESTIONS = 3;
