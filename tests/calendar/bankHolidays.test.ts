import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BankHolidayCalendar, easterSunday, standingBankHolidays } from '../../src/calendar/bankHolidays';
import { defaultContentDir } from '../../src/content/contentDir';
import { ContentError } from '../../src/content/loadYaml';

const calendar = BankHolidayCalendar.load(defaultContentDir());
const datesIn = (year: number) => calendar.holidaysIn(year).map((h) => h.date);

describe('easterSunday', () => {
  it.each([
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i: %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('bank holidays in England and Wales', () => {
  it('2026: Boxing Day is a Saturday, so Monday 28 December is the substitute', () => {
    expect(calendar.holidaysIn(2026)).toEqual([
      { date: '2026-01-01', name: "New Year's Day" },
      { date: '2026-04-03', name: 'Good Friday' },
      { date: '2026-04-06', name: 'Easter Monday' },
      { date: '2026-05-04', name: 'Early May bank holiday' },
      { date: '2026-05-25', name: 'Spring bank holiday' },
      { date: '2026-08-31', name: 'Summer bank holiday' },
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
    ]);
  });

  it('2027: Christmas is a Saturday, so Monday 27 and Tuesday 28 December are the substitutes', () => {
    expect(datesIn(2027)).toEqual([
      '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
    ]);
    expect(calendar.holidaysIn(2027).slice(-2).map((h) => h.name)).toEqual([
      'Christmas Day (substitute day)',
      'Boxing Day (substitute day)',
    ]);
  });

  it('2022: New Year moved to Monday, Jubilee days, the State Funeral, and Christmas on a Sunday', () => {
    expect(datesIn(2022)).toEqual([
      '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29',
      '2022-09-19', '2022-12-26', '2022-12-27',
    ]);
    expect(calendar.isBankHoliday('2022-05-30')).toBe(false);
    const christmas = calendar.holidaysIn(2022).slice(-2);
    expect(christmas).toEqual([
      { date: '2022-12-26', name: 'Boxing Day' },
      { date: '2022-12-27', name: 'Christmas Day (substitute day)' },
    ]);
  });

  it('2020: the early May bank holiday moved to Friday 8 May for VE Day', () => {
    expect(calendar.isBankHoliday('2020-05-04')).toBe(false);
    expect(calendar.isBankHoliday('2020-05-08')).toBe(true);
    expect(datesIn(2020)).toEqual([
      '2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28',
    ]);
  });

  it.each([
    [2021, ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28']],
    [2023, ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26']],
    [2024, ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26']],
    [2025, ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26']],
  ])('%i matches the published list', (year, dates) => {
    expect(datesIn(year)).toEqual(dates);
  });

  it('moves a Saturday New Year to Monday 3rd and a Sunday one to Monday 2nd', () => {
    expect(standingBankHolidays(2028)[0]).toEqual({ date: '2028-01-03', name: "New Year's Day (substitute day)" });
    expect(standingBankHolidays(2034)[0]).toEqual({ date: '2034-01-02', name: "New Year's Day (substitute day)" });
  });

  it('is not fooled by an ordinary weekday or a weekend', () => {
    expect(calendar.isBankHoliday('2026-11-23')).toBe(false);
    expect(calendar.isBankHoliday('2026-12-26')).toBe(false);
  });
});

describe('one-off changes from the content owner', () => {
  it('rejects removing a day that is not a standing bank holiday', () => {
    const removed = [{ date: '2026-05-05', name: 'Not a holiday' }];
    expect(() => new BankHolidayCalendar({ added: [], removed })).toThrow(ContentError);
  });

  it('rejects adding a day that is already a bank holiday', () => {
    const added = [{ date: '2026-12-25', name: 'Christmas again' }];
    expect(() => new BankHolidayCalendar({ added, removed: [] })).toThrow('already a bank holiday');
  });

  it('stops loading with the file and field named when the YAML is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bank-holidays-'));
    writeFileSync(join(dir, 'bank-holidays.yaml'), 'owner: x\nreviewed: 2026-11-21\nadded:\n  - date: 8 May 2020\n    name: VE Day\n');
    expect(() => BankHolidayCalendar.load(dir)).toThrow(/bank-holidays\.yaml: added\.0\.date/);
  });
});
