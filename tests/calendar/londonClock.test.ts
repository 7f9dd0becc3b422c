import { addDays, isoDateOf, londonTime, weekdayOf } from '../../src/calendar/londonClock';

const at = (iso: string) => londonTime(new Date(iso));

describe('londonTime', () => {
  it('reads GMT in winter as UTC', () => {
    expect(at('2026-01-12T16:30:00Z')).toEqual({ isoDate: '2026-01-12', weekday: 1, minutes: 16 * 60 + 30 });
  });

  it('adds an hour in summer (BST)', () => {
    expect(at('2026-06-15T16:30:00Z')).toEqual({ isoDate: '2026-06-15', weekday: 1, minutes: 17 * 60 + 30 });
  });

  it('moves to BST at 01:00 UTC on 29 March 2026, when the clocks go forward', () => {
    expect(at('2026-03-29T00:59:00Z')).toEqual({ isoDate: '2026-03-29', weekday: 7, minutes: 59 });
    expect(at('2026-03-29T01:00:00Z')).toEqual({ isoDate: '2026-03-29', weekday: 7, minutes: 120 });
  });

  it('moves back to GMT at 01:00 UTC on 25 October 2026, when the clocks go back', () => {
    expect(at('2026-10-25T00:59:00Z').minutes).toBe(60 + 59);
    expect(at('2026-10-25T01:00:00Z').minutes).toBe(60);
  });

  it('rolls over to the next London day before UTC does in summer', () => {
    expect(at('2026-06-30T23:30:00Z')).toEqual({ isoDate: '2026-07-01', weekday: 3, minutes: 30 });
    expect(at('2026-12-31T23:30:00Z')).toEqual({ isoDate: '2026-12-31', weekday: 4, minutes: 23 * 60 + 30 });
  });

  it('reports midnight as 0 minutes, not 24:00', () => {
    expect(at('2026-01-01T00:00:00Z')).toEqual({ isoDate: '2026-01-01', weekday: 4, minutes: 0 });
  });
});

describe('date helpers', () => {
  it.each([
    ['2026-11-21', 6],
    ['2026-11-22', 7],
    ['2026-11-23', 1],
    ['2028-02-29', 2],
  ])('%s is weekday %i', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    // Calendar days, not 24-hour steps: the clock change does not shift the date.
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });

  it('builds dates, rolling day 0 back to the last day of the month before', () => {
    expect(isoDateOf(2026, 5, 4)).toBe('2026-05-04');
    expect(isoDateOf(2026, 9, 0)).toBe('2026-08-31');
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => weekdayOf('21/11/2026')).toThrow('YYYY-MM-DD');
  });
});
