import { BankHolidayCalendar } from '../../src/calendar/bankHolidays';
import { defaultContentDir } from '../../src/content/contentDir';
import { fleschKincaidGrade } from '../../src/knowledge/readability';
import { AREA_IDS, type AreaId } from '../../src/signposting/areas';
import { frontDoorNow, frontDoorSummary, loadFrontDoors } from '../../src/signposting/frontDoorAdvice';

const contentDir = defaultContentDir();
const doors = loadFrontDoors(contentDir);
const holidays = BankHolidayCalendar.load(contentDir);
const now = (area: AreaId, utc: string) => frontDoorNow(area, new Date(utc), doors, holidays);

const SHEFFIELD = '0114 273 4855';
const BARNSLEY_DOOR = '01226 772423';
const BARNSLEY_EDT = '01226 787789';
const DONCASTER_DAY = '01302 737777';
const DONCASTER_NIGHT = '01302 796000';
const DANGER = 'If you think a child is in danger right now, ring 999.';

describe('Sheffield', () => {
  it('is open Monday to Thursday until 17:15, so 17:00 on a Thursday is open', () => {
    const advice = now('sheffield', '2026-06-18T16:00:00Z'); // 17:00 BST
    expect(advice).toMatchObject({ status: 'open', ringNow: { number: SHEFFIELD } });
    expect(advice.text).toContain('open until 5:15pm today');
  });

  it('closes at 16:45 on Fridays, so 16:50 goes to the Emergency Duty Service on the same number', () => {
    const advice = now('sheffield', '2026-06-19T15:50:00Z'); // 16:50 BST
    expect(advice).toMatchObject({ status: 'closed', ringNow: { label: 'the Emergency Duty Service', number: SHEFFIELD } });
    expect(advice.text).toContain(SHEFFIELD);
    expect(advice.text).toContain('Emergency Duty Service');
    expect(advice.text).toContain('8:45am on Monday');
  });

  it('uses London time: 16:30 UTC is 17:30 in June (closed) but 16:30 in January (open)', () => {
    expect(now('sheffield', '2026-06-15T16:30:00Z').status).toBe('closed');
    expect(now('sheffield', '2026-01-12T16:30:00Z').status).toBe('open');
  });

  it('opens at 08:45 by BST on the Monday after the clocks go forward', () => {
    expect(now('sheffield', '2026-03-30T07:50:00Z').status).toBe('open'); // 08:50 BST
    expect(now('sheffield', '2026-03-30T07:40:00Z').status).toBe('closed'); // 08:40 BST
    expect(now('sheffield', '2026-03-27T08:40:00Z').status).toBe('closed'); // 08:40 GMT, the Friday before
  });
});

describe('Doncaster', () => {
  it('is open 08:30 to 17:00 on weekdays', () => {
    expect(now('doncaster', '2026-03-27T08:30:00Z')).toMatchObject({ status: 'open', ringNow: { number: DONCASTER_DAY } });
    expect(now('doncaster', '2026-11-23T16:59:00Z').status).toBe('open');
    expect(now('doncaster', '2026-11-23T17:00:00Z').status).toBe('closed');
  });

  it('on a Saturday sends people to the out-of-hours number', () => {
    const advice = now('doncaster', '2026-11-21T11:00:00Z');
    expect(advice).toMatchObject({ status: 'closed', ringNow: { number: DONCASTER_NIGHT } });
    expect(advice.text).toContain(`out-of-hours team on ${DONCASTER_NIGHT}`);
    expect(advice.text).toContain('8:30am on Monday');
    expect(advice.text).not.toContain(DONCASTER_DAY);
  });

  it('says "today" when the office has not opened yet', () => {
    expect(now('doncaster', '2026-11-24T07:00:00Z').text).toContain('opens at 8:30am today');
  });
});

describe('Barnsley (no known opening time)', () => {
  it('at 16:59 on a weekday gives the Front Door, with the duty team if no one answers', () => {
    const advice = now('barnsley', '2026-11-23T16:59:00Z');
    expect(advice).toMatchObject({
      status: 'open',
      ringNow: { number: BARNSLEY_DOOR },
      fallback: { number: BARNSLEY_EDT },
    });
    expect(advice.text).toContain(`If no one answers, ring the Children's Emergency Duty Team on ${BARNSLEY_EDT}`);
  });

  it('at 17:00 sends people to the Emergency Duty Team', () => {
    const advice = now('barnsley', '2026-11-23T17:00:00Z');
    expect(advice).toMatchObject({ status: 'closed', ringNow: { number: BARNSLEY_EDT } });
    expect(advice.fallback).toBeUndefined();
  });

  it('never names an opening time', () => {
    for (const utc of everyQuarterHourOfAWeek('2026-11-23')) {
      expect(now('barnsley', utc).text).not.toMatch(/\d(:\d\d)?am/);
    }
  });
});

describe('Rotherham (no checked number)', () => {
  it('says so, and offers 101, the NSPCC and 999 instead of a made-up number', () => {
    for (const utc of ['2026-11-23T10:00:00Z', '2026-11-21T22:00:00Z', '2026-12-25T12:00:00Z']) {
      const advice = now('rotherham', utc);
      expect(advice.status).toBe('unknown-number');
      expect(advice.text).toContain("don't have a checked phone number");
      expect(advice.text).toContain('101');
      expect(advice.text).toContain('0808 800 5000');
      expect(advice.text).toContain('999');
      expect(advice.text).not.toMatch(/01709/);
      expect(JSON.stringify(advice)).not.toMatch(/01709/);
    }
  });
});

describe('bank holidays', () => {
  it('closes every office on a bank holiday Monday', () => {
    for (const area of AREA_IDS) {
      expect(now(area, '2026-05-04T10:00:00Z').status).not.toBe('open');
    }
    expect(now('doncaster', '2026-05-04T10:00:00Z').text).toContain('opens at 8:30am tomorrow');
  });

  it('treats the Christmas substitute days as closed and names the right reopening day', () => {
    expect(now('sheffield', '2026-12-28T11:00:00Z').status).toBe('closed');
    expect(now('barnsley', '2026-12-28T11:00:00Z').ringNow?.number).toBe(BARNSLEY_EDT);
    expect(now('doncaster', '2026-12-24T18:00:00Z').text).toContain('on Tuesday');
    expect(now('doncaster', '2027-12-28T10:00:00Z').status).toBe('closed');
    expect(now('doncaster', '2027-12-24T18:00:00Z').text).toContain('opens at 8:30am on Wednesday');
  });
});

describe('advice text', () => {
  it('is short, plain, and always ends with what to do in danger', () => {
    for (const area of AREA_IDS) {
      for (const utc of everyQuarterHourOfAWeek('2026-12-21')) {
        const { text } = now(area, utc);
        expect(text.length).toBeLessThan(450);
        expect(text).toMatch(/ring 999\.$/);
      }
    }
  });

  it('reads at about a 12-year-old level (Flesch-Kincaid grade 7 or below)', () => {
    for (const area of AREA_IDS) {
      for (const utc of ['2026-11-23T10:00:00Z', '2026-11-21T10:00:00Z']) {
        const { text } = now(area, utc);
        expect([text, fleschKincaidGrade(text) <= 7]).toEqual([text, true]);
      }
    }
  });
});

describe('frontDoorSummary', () => {
  it('gives one line per area and the 999 line, in under 600 characters', () => {
    for (const utc of ['2026-11-23T10:00:00Z', '2026-11-21T10:00:00Z']) {
      const summary = frontDoorSummary(new Date(utc), doors, holidays);
      const lines = summary.split('\n');
      expect(lines.map((l) => l.split(':')[0])).toEqual(['Barnsley', 'Doncaster', 'Rotherham', 'Sheffield', DANGER]);
      expect(summary.length).toBeLessThan(600);
      expect(summary).not.toMatch(/01709/);
    }
  });

  it('follows the clock: day numbers on a weekday, out-of-hours numbers at the weekend', () => {
    const weekday = frontDoorSummary(new Date('2026-11-23T10:00:00Z'), doors, holidays);
    expect(weekday).toContain(DONCASTER_DAY);
    expect(weekday).toContain(`${BARNSLEY_DOOR} (Integrated Front Door), or ${BARNSLEY_EDT} if no one answers`);
    const weekend = frontDoorSummary(new Date('2026-11-21T10:00:00Z'), doors, holidays);
    expect(weekend).toContain(DONCASTER_NIGHT);
    expect(weekend).not.toContain(BARNSLEY_DOOR);
  });
});

/** Every quarter hour, as UTC instants, for the seven days from 00:00 UTC on `monday`. */
function everyQuarterHourOfAWeek(monday: string): string[] {
  const start = Date.parse(`${monday}T00:00:00Z`);
  return Array.from({ length: 7 * 96 }, (_, i) => new Date(start + i * 15 * 60_000).toISOString());
}
