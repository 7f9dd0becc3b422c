import { BankHolidayCalendar } from '../../src/calendar/bankHolidays';
import { defaultContentDir } from '../../src/content/contentDir';
import { isInWorkingHours } from '../../src/triage/workingHours';

const holidays = BankHolidayCalendar.load(defaultContentDir());
const HOURS = { opens: '08:30', closes: '17:00' };
const inHours = (iso: string) => isInWorkingHours(new Date(iso), HOURS, holidays);

describe('isInWorkingHours', () => {
  it('is in hours on a working day from opening until (not including) closing, London time', () => {
    expect(inHours('2025-03-03T08:29:59Z')).toBe(false); // Monday, GMT
    expect(inHours('2025-03-03T08:30:00Z')).toBe(true);
    expect(inHours('2025-03-03T16:59:59Z')).toBe(true);
    expect(inHours('2025-03-03T17:00:00Z')).toBe(false);
    expect(inHours('2025-03-04T02:00:00Z')).toBe(false); // the night between
  });

  it('reads the hours on London’s clock in summer (BST)', () => {
    expect(inHours('2025-07-07T07:30:00Z')).toBe(true); // 08:30 BST, a Monday
    expect(inHours('2025-07-07T15:59:00Z')).toBe(true); // 16:59 BST
    expect(inHours('2025-07-07T16:00:00Z')).toBe(false); // 17:00 BST
  });

  it('is out of hours all weekend and on bank holidays (the triage clock’s working days)', () => {
    expect(inHours('2025-03-08T12:00:00Z')).toBe(false); // Saturday
    expect(inHours('2025-03-09T12:00:00Z')).toBe(false); // Sunday
    expect(inHours('2025-04-18T11:00:00Z')).toBe(false); // Good Friday, noon BST
    expect(inHours('2025-12-25T12:00:00Z')).toBe(false); // Christmas Day
    expect(inHours('2025-04-22T11:00:00Z')).toBe(true); // the Tuesday after Easter Monday
  });
});
