import type { AnswerPicker } from './answerPicker';
import { AnswerTopics, type Asker } from './answerTopics';
import type { KnowledgeEntry } from './knowledgeEntry';
import type { Lexicon } from './lexicon';
import { ModelPicker } from './modelPicker';
import { QuestionClassifier, type QuestionModelFile } from './questionModel';
import { SearchIndex } from './searchIndex';
import { SearchPicker } from './searchPicker';

/** What the bot does with a question. */
export type Finding =
  | { kind: 'answer'; entry: KnowledgeEntry }
  | { kind: 'didYouMean'; options: KnowledgeEntry[] }
  | { kind: 'noMatch' };

/**
 * The knowledge base: authored answers, grouped into topics, and the picker that finds the topic for a
 * question. With a trained question model the picker is the model (blended with the search, as its file
 * says); without one, the search alone.
 */
export class KnowledgeBase {
  private readonly byId: ReadonlyMap<string, KnowledgeEntry>;
  readonly topics: AnswerTopics;
  readonly index: SearchIndex;
  readonly classifier: QuestionClassifier | undefined;
  readonly picker: AnswerPicker;

  /**
   * @param prepareQuestion what a question goes through before the classifier reads it (the composition
   * masks place names: see maskPlaces); training uses the same.
   */
  constructor(
    readonly entries: readonly KnowledgeEntry[],
    readonly lexicon: Lexicon,
    model?: QuestionModelFile,
    readonly prepareQuestion: (text: string) => string = (text) => text,
  ) {
    this.byId = new Map(entries.map((e) => [e.id, e]));
    this.topics = new AnswerTopics(entries);
    // A version with no phrasings of its own (one channel's) is found through its topic's other versions;
    // leaving it out keeps the search's term weights, which the model's thresholds were chosen with.
    this.index = new SearchIndex(
      entries.filter((e) => e.questions.length).map((e) => ({ id: e.id, asked: [e.title, ...e.questions], answer: `${e.short} ${e.long ?? ''}` })),
      lexicon,
    );
    this.classifier = model ? new QuestionClassifier(model, lexicon, prepareQuestion) : undefined;
    this.picker = model && this.classifier ? new ModelPicker(this.classifier, this.index, this.topics, model.thresholds) : new SearchPicker(this.index, this.topics);
  }

  get(id: string): KnowledgeEntry {
    const entry = this.byId.get(id);
    if (!entry) throw new Error(`knowledge: unknown entry ${id}`);
    return entry;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * The version of this answer's topic for the asker: a related topic or a "did you mean" option names one
   * version (often the web chat one), and someone texting should get the version written for texts.
   */
  versionOf(id: string, asker: Asker): KnowledgeEntry {
    return this.topics.versionFor(this.topics.topicOfEntry(id), asker);
  }

  /** Decides between a sure answer, a short list to choose from, and an honest "I don't know". */
  find(question: string, asker: Asker, picker: AnswerPicker = this.picker): Finding {
    const pick = picker.pick(question);
    if (pick.kind === 'answer') return { kind: 'answer', entry: this.topics.versionFor(pick.topic, asker, question) };
    if (pick.kind === 'didYouMean') return { kind: 'didYouMean', options: pick.topics.map((t) => this.topics.versionFor(t, asker, question)) };
    return { kind: 'noMatch' };
  }
}
