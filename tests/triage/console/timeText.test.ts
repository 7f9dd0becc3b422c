import { durationWords, londonClockWords, timeTag } from '../../../src/triage/console/timeText';

describe('timeText', () => {
  it('reads London wall-clock time in winter (GMT) and summer (BST)', () => {
    expect(londonClockWords(new Date('2026-11-23T14:05:00Z'))).toBe('Mon 23 Nov, 14:05');
    expect(londonClockWords(new Date('2026-07-03T23:30:00Z'))).toBe('Sat 4 Jul, 00:30');
  });

  it('wraps the words in a <time> element with the exact moment', () => {
    expect(timeTag('2026-11-23T09:00:00.000Z').toString()).toBe('<time datetime="2026-11-23T09:00:00.000Z">Mon 23 Nov, 09:00</time>');
  });

  it('says spans of time in words, to the minute', () => {
    expect(durationWords(60_000)).toBe('1 minute');
    expect(durationWords(-45 * 60_000)).toBe('45 minutes');
    expect(durationWords(60 * 60_000)).toBe('1 hour');
    expect(durationWords(185 * 60_000)).toBe('3 hours 5 minutes');
    expect(durationWords(49 * 3_600_000)).toBe('2 days 1 hour');
    expect(durationWords(72 * 3_600_000)).toBe('3 days');
  });
});
