import { channelProfile } from '../../src/channels/channelProfile';
import { renderReply } from '../../src/channels/renderReply';
import type { Reply } from '../../src/channels/reply';

const reply: Reply = {
  text: 'What would you like to do?',
  choices: [
    { value: 'a', label: 'Spot the signs' },
    { value: 'b', label: 'Get help now' },
  ],
  links: [{ title: 'NSPCC', url: 'https://www.nspcc.org.uk/' }],
};

describe('renderReply', () => {
  it('gives rich channels buttons and a card, with no numbers in the text', () => {
    const [activity] = renderReply(reply, channelProfile('webchat'));
    expect(activity?.text).toBe('What would you like to do?');
    expect(activity?.suggestedActions?.actions.map((a) => a.title)).toEqual(['Spot the signs', 'Get help now']);
    expect(activity?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.hero');
  });

  it('gives SMS plain text with numbered options and the link written out', () => {
    const activities = renderReply(reply, channelProfile('sms'));
    expect(activities).toHaveLength(1);
    const [activity] = activities;
    expect(activity?.suggestedActions).toBeUndefined();
    expect(activity?.attachments).toBeUndefined();
    expect(activity?.text).toContain('1. Spot the signs\n2. Get help now');
    expect(activity?.text).toContain('NSPCC: https://www.nspcc.org.uk/');
  });

  it('splits long replies into messages within the channel limit, losing no words', () => {
    const long = Array.from({ length: 120 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
    const activities = renderReply({ text: long }, channelProfile('sms'));
    expect(activities.length).toBeGreaterThan(1);
    for (const a of activities) expect(a.text!.length).toBeLessThanOrEqual(1600);
    expect(activities.map((a) => a.text).join(' ')).toBe(long);
  });
});
