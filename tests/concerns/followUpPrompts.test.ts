import { followUpPrompt, followUpReply, onlySaysYes, staffQuestionMessage, statusMessage } from '../../src/concerns/followUpPrompts';
import { removeFromText } from '../../src/concerns/ownDetails';
import { loadReportContent } from '../../src/concerns/reportContent';
import { defaultContentDir } from '../../src/content/contentDir';

const words = loadReportContent(defaultContentDir()).reference;
const REF = 'K7PM-3XQ9-RT4W-HN2C';

describe('follow-up prompts', () => {
  it('asks again for what the stage needs', () => {
    expect(followUpPrompt({ kind: 'askRef' }, words)).toBe(words.ask);
    expect(followUpPrompt({ kind: 'answer', questionId: 'q1' }, words)).toBe(words.answerPrompt);
    expect(followUpPrompt({ kind: 'add' }, words)).toBe(words.addPrompt);
  });

  it('offers a new report that follows a closed one, naming its reference, with the two choices', () => {
    const offer = followUpReply({ kind: 'closedOffer', ref: REF }, words);
    expect(offer.text).toBe(words.closedOffer.replace('{ref}', REF));
    expect(offer.text).toContain(REF);
    expect(offer.choices?.map((c) => c.value)).toEqual(['new-report', 'menu']);
    expect(followUpReply({ kind: 'add' }, words)).toEqual({ text: words.addPrompt });
  });

  it('gives a coarse status with the reference, and says the details are not shown', () => {
    expect(statusMessage({ ref: REF, status: 'being-looked-at' }, words)).toBe(`Your report ${REF}: being looked at.\n\n${words.noDetails}`);
  });

  it("shows staff's question as they wrote it, then how to answer", () => {
    expect(staffQuestionMessage('Which school? ($& is fine)', words)).toBe(`The team has a question for you: Which school? ($& is fine)\n\n${words.answerPrompt}`);
  });
});

describe('onlySaysYes', () => {
  it('is true for a bare yes in its usual forms, and false for news that starts with one', () => {
    for (const yes of ['yes', 'Yes.', 'YEAH', 'yep!', 'y', 'ok', 'Yes please']) expect({ yes, only: onlySaysYes(yes, words) }).toEqual({ yes, only: true });
    for (const news of ['yes he was back last night', 'no', 'the car is grey', '']) expect({ news, only: onlySaysYes(news, words) }).toEqual({ news, only: false });
  });
});

describe('the own-details question for news and answers', () => {
  const content = loadReportContent(defaultContentDir());
  const found = [{ text: '07700 900123', category: 'phone' as const }, { text: 'Flat 3', category: 'address' as const }];

  it('lists what was found, numbered and named, and asks which are the reporter’s own', () => {
    const prompt = followUpPrompt({ kind: 'details', text: 'x', found }, words, content);
    expect(prompt).toContain(content.ownDetails.found);
    expect(prompt).toContain('1. 07700 900123 (phone number)');
    expect(prompt).toContain('2. Flat 3 (address)');
    expect(prompt.endsWith(content.ownDetails.ask)).toBe(true);
  });

  it('takes out only the chosen details, every time they appear', () => {
    const text = 'ring 07700 900123 or 07700 900123, I live at Flat 3';
    expect(removeFromText(text, [found[0]!], '[removed]')).toBe('ring [removed] or [removed], I live at Flat 3');
    expect(removeFromText(text, [], '[removed]')).toBe(text);
  });
});
