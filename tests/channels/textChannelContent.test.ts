import { channelProfile } from '../../src/channels/channelProfile';
import { isGsm7, toGsm7 } from '../../src/channels/gsm7';
import { renderReply } from '../../src/channels/renderReply';
import type { Reply } from '../../src/channels/reply';
import { smsSegments } from '../../src/channels/smsSegments';
import { TURN_SEGMENTS } from '../../src/channels/textPages';
import { textAnswerPageCount, textAnswerReply, textReminderReply, textSourceReply, type AnswerWords } from '../../src/knowledge/answerReply';
import { AREA_IDS } from '../../src/signposting/areas';
import { checkInReply, safetyReplyText } from '../../src/safety/safetyReply';
import { welcomeText } from '../../src/shell/shellContent';
import { botDeps, knowledge, OFFICE_HOURS, questions, reportContent, safety, services, shellContent } from '../helpers/transcript';

/*
 * Walks the content and renders every reply the bot can send on SMS, as SMS renders it.
 *
 * The rule for the alphabet: every message in English (answers, shell, report, safety replies, the English
 * block for other languages) goes as GSM-7. A message with letters GSM-7 has no form for (the Urdu, Arabic,
 * Punjabi and Ukrainian blocks; Polish "ł") is sent exactly as written, in its own script, as UCS-2: someone
 * frightened who wrote in Arabic reads 999 and the helpline in Arabic, whatever it costs. Latin-script blocks
 * whose accents GSM-7 lacks may lose only those accents. Either way 999 and the helpline number survive.
 */

const sms = channelProfile('sms');
const words: AnswerWords = { kb: knowledge, services, content: questions };
/** Saturday night: the local lines say who to ring out of hours, which is longer. */
const OUT_OF_HOURS = new Date('2026-12-05T23:30:00Z');

function rendered(reply: Reply): string[] {
  return renderReply(reply, sms).map((a) => a.text ?? '');
}

function segmentsOf(reply: Reply): number {
  return rendered(reply).reduce((sum, text) => sum + smsSegments(text), 0);
}

/** What the dialog passes as local help: the area's line, all four, or the question asking for the area. */
function localHelpVariants(entry: { local_help?: string }): string[] {
  const variants: string[] = [];
  for (const now of [OFFICE_HOURS, OUT_OF_HOURS]) {
    const { localHelp } = botDeps(now);
    for (const area of AREA_IDS) variants.push(localHelp.forArea(area));
    variants.push(entry.local_help === 'all-areas' ? localHelp.forAllAreas() : questions.localHelp.askArea);
  }
  return variants;
}

/** Every string leaf of a content object, except the words people type (synonyms) and bookkeeping. */
function botSays(value: unknown, key = ''): string[] {
  if (['synonyms', 'skipWords', 'noWords', 'owner', 'reviewed', 'value', 'unsure', 'wording', 'removedMarker', 'services', 'topics'].includes(key)) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => botSays(v));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => botSays(v, k));
  return [];
}

/**
 * Whether the sentence is in the pages whole, or (only when not even the first sentence fits beside a long
 * local line) cut once between words, marked "..." where it stops and where it goes on.
 */
function onSomePage(pages: string, sentence: string): boolean {
  if (pages.includes(sentence)) return true;
  const words = sentence.split(' ');
  return words.some((_, n) => n > 0 && pages.includes(`${words.slice(0, n).join(' ')}...`) && pages.includes(`...${words.slice(n).join(' ')}`));
}

const textAnswers = knowledge.entries.filter((e) => e.channel !== 'web');
const figures = { walked: 0, answerTurns: [] as number[] };

describe('every answer for text channels, rendered for SMS', () => {
  it.each(textAnswers.map((e) => [e.id, e] as const))('%s: GSM-7, at most 3 segments a turn, MORE pages and SOURCE', (_id, entry) => {
    for (const local of localHelpVariants(entry)) {
      const pages = textAnswerPageCount(entry, words, local);
      // One page past the last: "that's all", and what is still on offer.
      for (let page = 0; page <= pages; page += 1) {
        const reply = textAnswerReply(entry, words, local, page);
        for (const text of rendered(reply)) expect(isGsm7(text)).toBe(true);
        expect(segmentsOf(reply)).toBeLessThanOrEqual(TURN_SEGMENTS);
        // MORE is always on offer, so a "more" the bot asked for is judged as a picked option.
        expect(reply.choices?.some((c) => c.synonyms?.includes('more'))).toBe(true);
        if (page === pages) expect(reply.text.startsWith(questions.text.noMore)).toBe(true);
        if (page === 0) figures.answerTurns.push(segmentsOf(reply));
        const reminder = textReminderReply(entry, words, local, page, questions.ask);
        for (const text of rendered(reminder)) expect(isGsm7(text)).toBe(true);
        expect(segmentsOf(reminder)).toBeLessThanOrEqual(2);
        figures.walked += 2;
      }
      const first = rendered(textAnswerReply(entry, words, local, 0)).join('\n');
      // The answer turn starts with the answer's own first words and names the local line when it has one.
      expect(first.startsWith(toGsm7(entry.short.trim()).slice(0, 20))).toBe(true);
      if (entry.signpost.includes('local-front-door')) expect(first).toContain(toGsm7(local).split('\n')[0]!);
      // Nothing is lost: every sentence of the short and long answer is on some page.
      const all = Array.from({ length: pages }, (_, p) => rendered(textAnswerReply(entry, words, local, p)).join('\n')).join('\n').replace(/\s+/g, ' ');
      for (const sentence of `${entry.short} ${entry.long ?? ''}`.split(/(?<=\.)\s+/).filter((s) => s.trim().length > 3)) {
        expect(onSomePage(all, toGsm7(sentence.trim()).replace(/\s+/g, ' '))).toBe(true);
      }
      if (pages > 1) expect(first).toContain('Reply MORE');
      if (entry.sources.length) {
        const source = textSourceReply(entry, words, local, 0);
        expect(rendered(source).join('\n')).toContain(entry.sources[0]);
        for (const text of rendered(source)) expect(isGsm7(text)).toBe(true);
        figures.walked += 1;
      }
      figures.walked += 1;
    }
  });

  it('the answer turns, measured: at most 3 segments each', () => {
    expect(figures.answerTurns.length).toBeGreaterThan(0);
    expect(Math.max(...figures.answerTurns)).toBeLessThanOrEqual(TURN_SEGMENTS);
  });
});

describe('what the shell, the report and the safety check say, rendered for SMS', () => {
  const fixed = [...botSays(shellContent), ...botSays(reportContent), ...botSays(questions)];

  it('every shell, question and report message is GSM-7', () => {
    expect(fixed.length).toBeGreaterThan(100);
    for (const text of fixed) {
      for (const out of rendered({ text })) expect([text, isGsm7(out)]).toEqual([text, true]);
    }
  });

  it('the welcome on SMS is two lines and at most two segments; on web chat it is the whole welcome', () => {
    const welcome = rendered({ text: welcomeText(shellContent, 4, 'text') });
    expect(welcome).toHaveLength(1);
    expect(welcome[0]!.split('\n')).toHaveLength(2);
    expect(smsSegments(welcome[0]!)).toBeLessThanOrEqual(2);
    expect(welcome[0]).toContain('999');
    expect(welcomeText(shellContent, 4, 'web').split('\n').length).toBeGreaterThan(2);
  });

  // Safety replies are outside the turn budget: they go whole, whatever they cost (2 to 4 segments today).
  it('every English safety reply is GSM-7 with every word and number kept', () => {
    const replies = botSays(safety.rules.replies);
    expect(replies.length).toBeGreaterThan(5);
    const lettersAndDigits = (t: string) => t.normalize('NFD').replace(/[^A-Za-z0-9]/g, '');
    for (const text of [...replies, safety.languages.english]) {
      const out = rendered({ text });
      for (const o of out) expect(isGsm7(o)).toBe(true);
      expect(lettersAndDigits(out.join(' '))).toBe(lettersAndDigits(text));
    }
  });

  it.each(Object.keys(safety.languages.translations))('the %s block: GSM-7 if its letters allow, else its own script unchanged (UCS-2); 999 and the helpline always there', (language) => {
    const lang = language as keyof typeof safety.languages.translations;
    const block = safety.languages.translations[lang].block.trim();
    for (const reply of [
      { text: safetyReplyText(safety, 'danger', undefined, lang) },
      { text: safetyReplyText(safety, 'self-harm', undefined, lang) },
      { text: safetyReplyText(safety, 'disclosure', undefined, lang) },
      checkInReply(safety, lang),
    ]) {
      const out = rendered(reply).join('\n');
      expect(out).toContain('999');
      expect(out).toContain('08000 121 700');
      if (!isGsm7(out)) expect(out).toContain(block);
    }
  });

  it('the Urdu, Arabic, Punjabi and Ukrainian blocks keep their script', () => {
    for (const lang of ['ur', 'ar', 'pa', 'uk'] as const) {
      const block = safety.languages.translations[lang].block.trim();
      const [out] = rendered({ text: block });
      expect(out).toBe(block);
      expect(isGsm7(out!)).toBe(false);
    }
  });
});
