import { BankHolidayCalendar } from '../../src/calendar/bankHolidays';
import { londonMidnight } from '../../src/calendar/londonClock';
import { defaultContentDir } from '../../src/content/contentDir';
import { dueTime, isWorkingDay } from '../../src/triage/dueTime';

const holidays = BankHolidayCalendar.load(defaultContentDir());
const due = (receivedAt: string, urgent = false) => dueTime(new Date(receivedAt), urgent, holidays).toISOString();

describe('dueTime: one working day, or one hour when urgent', () => {
  it('is the same time the next working day for a concern received on a working day', () => {
    expect(due('2026-11-24T10:00:00Z')).toBe('2026-11-25T10:00:00.000Z'); // Tuesday → Wednesday
  });

  it('skips the weekend: received Friday afternoon, due Monday afternoon', () => {
    expect(due('2026-11-27T16:00:00Z')).toBe('2026-11-30T16:00:00.000Z');
  });

  it('starts the clock on Monday for a concern received at the weekend: due at the end of Monday', () => {
    expect(due('2026-11-28T10:00:00Z')).toBe('2026-12-01T00:00:00.000Z'); // Saturday → end of Monday (GMT)
  });

  it('skips bank holidays: Christmas 2026 (Friday 25th, Boxing Day moved to Monday 28th)', () => {
    expect(isWorkingDay('2026-12-25', holidays)).toBe(false);
    expect(isWorkingDay('2026-12-28', holidays)).toBe(false);
    expect(due('2026-12-24T15:00:00Z')).toBe('2026-12-29T15:00:00.000Z'); // Thursday → Tuesday
  });

  it('skips Easter: Good Friday and Easter Monday 2027', () => {
    expect(due('2027-03-25T12:00:00Z')).toBe('2027-03-30T11:00:00.000Z'); // Thu 12:00 GMT → Tue 12:00 BST
  });

  it('counts in London time across the clocks going back (BST → GMT)', () => {
    // Friday 23 October 2026 17:00 BST (16:00 UTC) → Monday 26 October 17:00 GMT (17:00 UTC).
    expect(due('2026-10-23T16:00:00Z')).toBe('2026-10-26T17:00:00.000Z');
  });

  it('is one hour after receipt for an urgent concern, whatever the day', () => {
    expect(due('2026-11-28T23:30:00Z', true)).toBe('2026-11-29T00:30:00.000Z');
    expect(due('2026-12-25T09:00:00Z', true)).toBe('2026-12-25T10:00:00.000Z');
  });

  it('takes its rules from configuration', () => {
    const twoDays = dueTime(new Date('2026-11-24T10:00:00Z'), false, holidays, { workingDays: 2, urgentMinutes: 30 });
    expect(twoDays.toISOString()).toBe('2026-11-26T10:00:00.000Z');
    const urgent = dueTime(new Date('2026-11-24T10:00:00Z'), true, holidays, { workingDays: 2, urgentMinutes: 30 });
    expect(urgent.toISOString()).toBe('2026-11-24T10:30:00.000Z');
  });
});

describe('londonMidnight', () => {
  it('is 00:00 UTC in winter and 23:00 UTC the day before in summer', () => {
    expect(londonMidnight('2026-11-24').toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(londonMidnight('2026-07-01').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(londonMidnight('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z'); // the day clocks go forward
  });
});
