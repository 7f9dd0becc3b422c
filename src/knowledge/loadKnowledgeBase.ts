import { KnowledgeBase } from './knowledgeBase';
import { Lexicon } from './lexicon';
import { loadKnowledge } from './loadKnowledge';

/** Loads and cross-checks the answers and the lexicon, and builds the search index. */
export function loadKnowledgeBase(contentDir: string, isService: (id: string) => boolean): KnowledgeBase {
  return new KnowledgeBase(loadKnowledge(contentDir, isService), Lexicon.load(contentDir));
}
