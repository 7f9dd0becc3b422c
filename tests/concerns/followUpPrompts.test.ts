import { followUpPrompt, onlySaysYes, staffQuestionMessage, statusMessage } from '../../src/concerns/followUpPrompts';
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
