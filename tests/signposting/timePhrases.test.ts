import { defaultContentDir } from '../../src/content/contentDir';
import { loadFrontDoorAdviceContent } from '../../src/signposting/frontDoorAdviceContent';
import { clockPhrase, dayPhrase, daysPhrase } from '../../src/signposting/timePhrases';

const words = loadFrontDoorAdviceContent(defaultContentDir()).days;

describe('clockPhrase', () => {
  it.each([
    ['17:15', '5:15pm'],
    ['17:00', '5pm'],
    ['08:30', '8:30am'],
    ['12:00', '12pm'],
    ['00:05', '12:05am'],
  ])('%s → %s', (clock, said) => {
    expect(clockPhrase(clock)).toBe(said);
  });
});

describe('daysPhrase', () => {
  it('says "on weekdays" for Monday to Friday, and lists other days', () => {
    expect(daysPhrase(['mon', 'tue', 'wed', 'thu', 'fri'], words)).toBe('on weekdays');
    expect(daysPhrase(['fri'], words)).toBe('on Fridays');
    expect(daysPhrase(['sat', 'sun'], words)).toBe('on Saturdays and Sundays');
    expect(daysPhrase(['mon', 'wed', 'fri'], words)).toBe('on Mondays, Wednesdays and Fridays');
  });
});

describe('dayPhrase', () => {
  it('says today, tomorrow, a day this week, or the day and date further off', () => {
    const monday = '2026-11-23';
    expect(dayPhrase(monday, monday, words)).toBe('today');
    expect(dayPhrase(monday, '2026-11-24', words)).toBe('tomorrow');
    expect(dayPhrase(monday, '2026-11-29', words)).toBe('on Sunday');
    expect(dayPhrase(monday, '2026-11-30', words)).toBe('on Monday 30 November');
  });
});
