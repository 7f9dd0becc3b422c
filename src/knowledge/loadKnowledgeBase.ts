import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeBase } from './knowledgeBase';
import { Lexicon } from './lexicon';
import { loadKnowledge } from './loadKnowledge';
import { ContentError } from '../content/loadYaml';
import { loadQuestionModel, OUT_OF_SCOPE, QUESTION_MODEL_FILE } from './questionModel';

/**
 * Loads and cross-checks the answers and the lexicon, builds the search index, and loads the trained
 * question model when the content has one (content/question-model.json; without it, search alone).
 */
export function loadKnowledgeBase(contentDir: string, isService: (id: string) => boolean, prepareQuestion?: (text: string) => string): KnowledgeBase {
  const model = existsSync(join(contentDir, QUESTION_MODEL_FILE)) ? loadQuestionModel(contentDir) : undefined;
  const kb = new KnowledgeBase(loadKnowledge(contentDir, isService), Lexicon.load(contentDir), model, prepareQuestion);
  if (model) {
    // A topic added or renamed since training would never be picked: refuse to start with a stale model.
    const classes = new Set(model.model.classes);
    const missing = kb.topics.topics.filter((t) => !classes.has(t));
    const unknown = model.model.classes.filter((c) => c !== OUT_OF_SCOPE && !kb.topics.has(c));
    if (missing.length || unknown.length) {
      throw new ContentError(
        `${QUESTION_MODEL_FILE} does not match the answers (retrain with npm run train:questions): ${[...missing.map((t) => `no class for topic ${t}`), ...unknown.map((c) => `class ${c} is no topic`)].slice(0, 5).join('; ')}`,
      );
    }
  }
  return kb;
}
