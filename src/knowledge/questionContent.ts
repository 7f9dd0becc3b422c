import { join } from 'node:path';
import { z } from 'zod';
import { ContentError, loadYaml } from '../content/loadYaml';
import { byAudience } from '../shell/audience';
import type { ServiceDirectory } from '../signposting/serviceDirectory';

const questionContentSchema = z.strictObject({
  owner: z.string().min(1),
  reviewed: z.iso.date(),
  ask: z.string().min(1),
  afterAnswer: z.string().min(1),
  didYouMean: z.string().min(1),
  noneOfThese: z.string().min(1).max(40),
  tellMeMore: z.string().min(1).max(40),
  sourceTitle: z.string().min(1).max(40),
  noMatch: z.strictObject({ text: z.string().min(1), services: byAudience(z.array(z.string()).min(1)) }),
  localHelp: z.strictObject({ askArea: z.string().min(1) }),
  /** Answers on SMS and WhatsApp: what is not in the first texts waits for MORE, the sources for SOURCE. */
  text: z.strictObject({
    more: z.string().min(1),
    moreLabel: z.string().min(1).max(40),
    source: z.string().min(1),
    sourceLabel: z.string().min(1).max(40),
    sources: z.string().min(1),
    topics: z.string().min(1),
    noMore: z.string().min(1),
  }),
  signs: z.strictObject({
    intro: z.string().min(1),
    again: z.string().min(1),
    topics: z.array(z.string()).min(2).max(10),
  }),
});

export type QuestionContent = z.infer<typeof questionContentSchema>;

/** Loads content/questions.yaml and checks that the services and topics it names exist. */
export function loadQuestionContent(
  contentDir: string,
  services: ServiceDirectory,
  isEntry: (id: string) => boolean,
): QuestionContent {
  const file = join(contentDir, 'questions.yaml');
  const content = loadYaml(file, questionContentSchema);
  for (const ids of Object.values(content.noMatch.services)) {
    for (const id of ids) if (!services.has(id)) throw new ContentError(`${file}: noMatch names unknown service ${id}`);
  }
  for (const id of content.signs.topics) {
    if (!isEntry(id)) throw new ContentError(`${file}: signs.topics names unknown answer ${id}`);
  }
  return content;
}
