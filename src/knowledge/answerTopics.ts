import type { Audience } from '../shell/audience';
import { audienceCue } from './audienceCues';
import type { ChannelKind, KnowledgeEntry } from './knowledgeEntry';

/** Who is asking, as far as we know: what they told us (or nothing), and where they read the answer. */
export interface Asker {
  audience?: Audience;
  /** 'web' for web chat; 'sms' or 'whatsapp'; 'text' for any other text channel. */
  channel: Exclude<ChannelKind, 'any'>;
}

/** The order in which versions are preferred for each kind of asker ("anyone" suits everybody). */
const PREFERENCE: Readonly<Record<'parent' | 'young-person' | 'unknown', readonly KnowledgeEntry['audience'][]>> = {
  parent: ['parent', 'anyone', 'young-person'],
  'young-person': ['young-person', 'anyone', 'parent'],
  unknown: ['anyone', 'parent', 'young-person'],
};

/**
 * The answers grouped by topic: versions of one answer for different people or channels. The picker finds
 * a topic; this gives the version for the person asking. An answer written for the other audience is only
 * given when the topic has no version for this one, and a web-only answer never goes to a text channel
 * that has its own version (nor the other way round).
 */
export class AnswerTopics {
  private readonly byTopic = new Map<string, KnowledgeEntry[]>();
  private readonly topicById = new Map<string, string>();

  constructor(entries: readonly KnowledgeEntry[]) {
    for (const entry of entries) {
      const topic = topicOf(entry);
      this.topicById.set(entry.id, topic);
      const list = this.byTopic.get(topic) ?? [];
      list.push(entry);
      this.byTopic.set(topic, list);
    }
  }

  /** Every topic, in content order. */
  get topics(): string[] {
    return [...this.byTopic.keys()];
  }

  has(topic: string): boolean {
    return this.byTopic.has(topic);
  }

  /** The topic an answer belongs to. */
  topicOfEntry(id: string): string {
    const topic = this.topicById.get(id);
    if (!topic) throw new Error(`knowledge: unknown entry ${id}`);
    return topic;
  }

  /**
   * The version of a topic for this asker: their channel first (a version written for SMS or WhatsApp
   * alone before one for all texts), then the audience they chose, or failing that the one their words
   * suggest ("my son" or "I").
   */
  versionFor(topic: string, asker: Asker, question = ''): KnowledgeEntry {
    const all = this.byTopic.get(topic);
    if (!all?.length) throw new Error(`knowledge: unknown topic ${topic}`);
    if (all.length === 1) return all[0]!;
    const ownChannel = asker.channel === 'sms' || asker.channel === 'whatsapp' ? all.filter((e) => e.channel === asker.channel) : [];
    const forChannel = ownChannel.length ? ownChannel : all.filter((e) => serves(e.channel, asker.channel));
    const candidates = forChannel.length ? forChannel : all;
    const who = asker.audience === 'parent' || asker.audience === 'young-person' ? asker.audience : asker.audience === 'other' ? 'unknown' : (audienceCue(question) ?? 'unknown');
    for (const audience of PREFERENCE[who]) {
      const found = candidates.find((e) => e.audience === audience);
      if (found) return found;
    }
    return candidates[0]!;
  }
}

/** Whether an answer for this kind of channel may be read on the asker's channel. */
function serves(kind: ChannelKind, channel: Asker['channel']): boolean {
  if (kind === 'any' || kind === channel) return true;
  return kind === 'text' && (channel === 'sms' || channel === 'whatsapp');
}

export function topicOf(entry: Pick<KnowledgeEntry, 'id' | 'topic'>): string {
  return entry.topic ?? entry.id;
}
