import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError, loadYaml } from '../content/loadYaml';
import { topicOf } from './answerTopics';
import { knowledgeFileSchema, type KnowledgeEntry } from './knowledgeEntry';

/** Signpost id that the bot resolves to the right local children's front door at answer time. */
export const LOCAL_FRONT_DOOR = 'local-front-door';

/**
 * Loads every content/knowledge/*.yaml file and checks what one file alone cannot: unique ids, phrasings
 * for every topic, related topics that exist, signposts to known services. Throws ContentError naming the
 * file and entry.
 */
export function loadKnowledge(contentDir: string, isService: (id: string) => boolean): KnowledgeEntry[] {
  const dir = join(contentDir, 'knowledge');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  const entries: KnowledgeEntry[] = [];
  const fileOf = new Map<string, string>();
  for (const file of files) {
    for (const entry of loadYaml(join(dir, file), knowledgeFileSchema)) {
      const other = fileOf.get(entry.id);
      if (other) throw new ContentError(`knowledge/${file}: id ${entry.id} is also used in ${other}`);
      fileOf.set(entry.id, file);
      entries.push(entry);
    }
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  // The question model learns a topic from its versions' phrasings: a version may have none, a topic may not.
  const asked = new Set(entries.filter((e) => e.questions.length).map(topicOf));
  for (const entry of entries) {
    if (!asked.has(topicOf(entry))) throw new ContentError(`knowledge/${fileOf.get(entry.id)}: ${entry.id}: topic ${topicOf(entry)} has no questions in any of its versions`);
  }
  for (const entry of entries) {
    const where = `knowledge/${fileOf.get(entry.id)}: ${entry.id}`;
    // A topic may share its name with an answer only if that answer is one of its versions.
    const namesake = entry.topic ? byId.get(entry.topic) : undefined;
    if (namesake && topicOf(namesake) !== entry.topic) {
      throw new ContentError(`${where}: topic ${entry.topic} is the id of an answer in another topic`);
    }
    for (const id of entry.related) {
      if (!fileOf.has(id)) throw new ContentError(`${where}: related topic ${id} does not exist`);
      if (id === entry.id) throw new ContentError(`${where}: lists itself as related`);
    }
    for (const id of entry.signpost) {
      if (id !== LOCAL_FRONT_DOOR && !isService(id)) throw new ContentError(`${where}: unknown service ${id}`);
    }
  }
  return entries;
}
