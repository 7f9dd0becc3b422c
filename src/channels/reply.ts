import type { AnswerShape } from './expectedAnswer';

/** One option the user can pick, by button, by number or by words. */
export interface Choice {
  /** Stable value the dialog receives. */
  value: string;
  /** What the user sees. */
  label: string;
  /** Other words that pick this option. */
  synonyms?: readonly string[];
}

export interface Link {
  title: string;
  url: string;
}

/** What a dialog wants to say, independent of any channel. The channel layer decides how to show it. */
export interface Reply {
  text: string;
  choices?: readonly Choice[];
  /** A question in the person's own words that expects an answer of one shape (see expectedAnswer). */
  expects?: AnswerShape;
  links?: readonly Link[];
  /**
   * The text already says how to pick each choice ("Reply MORE for more", a numbered list of topics), so plain
   * channels do not list them again. The choices are still what an answer is matched against.
   */
  choicesInText?: boolean;
}
