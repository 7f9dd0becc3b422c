import { STAFF_ID } from '../../src/staff/staffAccount';
import { formatCredential, formatStaffLines, newStaffId, parseStaffArgs, summariseStaff, UsageError } from '../../src/staff/staffCli';
import { sampleAccount } from './staffStoreContract';

describe('parseStaffArgs', () => {
  it('reads add, with duty as the default role and either option form', () => {
    expect(parseStaffArgs(['add', '--agency', 'rotherham-mash', '--name', '  Jo Bloggs '])).toEqual({ kind: 'add', agency: 'rotherham-mash', name: 'Jo Bloggs', role: 'duty' });
    expect(parseStaffArgs(['add', '--agency=rotherham-mash', '--name=Jo', '--role=admin'])).toEqual({ kind: 'add', agency: 'rotherham-mash', name: 'Jo', role: 'admin' });
  });

  it('reads add --role partnership without an agency: the account is recorded under no agency\'s queue', () => {
    expect(parseStaffArgs(['add', '--role', 'partnership', '--name', 'Ana Analyst'])).toEqual({ kind: 'add', agency: 'partnership', name: 'Ana Analyst', role: 'partnership' });
    expect(() => parseStaffArgs(['add', '--role', 'partnership', '--agency', 'rotherham-mash', '--name', 'Ana'])).toThrow(UsageError);
  });

  it('reads list and disable', () => {
    expect(parseStaffArgs(['list'])).toEqual({ kind: 'list', json: false });
    expect(parseStaffArgs(['list', '--json', '--agency', 'x'])).toEqual({ kind: 'list', json: true, agency: 'x' });
    expect(parseStaffArgs(['disable', 'jo-bloggs-7k2p'])).toEqual({ kind: 'disable', id: 'jo-bloggs-7k2p' });
    expect(parseStaffArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['add', '--name', 'Jo'], 'add needs --agency'],
    [['add', '--agency', 'x', '--name', 'Jo', '--name', 'Al'], '--name given twice'],
    [['add', '--agency', 'x', '--name'], '--name needs a value'],
    [['add', '--agency', 'x', '--name', 'Jo', '--json'], 'unknown option: --json'],
    [['list', '--role', 'duty'], 'unknown option: --role'],
    [['list', 'extra'], 'unknown option: extra'],
    [['disable'], 'disable needs the account id'],
    [['disable', 'a', 'b'], 'unexpected argument: b'],
    [['add', '--agency', 'x', '--name', 'x'.repeat(101)], '--name must be 1 to 100 printable characters'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseStaffArgs(argv)).toThrow(new UsageError(message));
  });
});

describe('newStaffId', () => {
  it('is a lower-case slug of the name and four random symbols, always a valid id', () => {
    expect(newStaffId('Jo Bloggs')).toMatch(/^jo-bloggs-[0-9a-hjkmnp-tv-z]{4}$/);
    expect(newStaffId("Zoë  O'Brien-Smith!")).toMatch(/^zoe-o-brien-smith-[0-9a-z]{4}$/);
    expect(newStaffId('مريم')).toMatch(/^staff-[0-9a-z]{4}$/);
    for (const name of ['Jo Bloggs', 'x'.repeat(100), '-- --', 'A', 'مريم']) expect(newStaffId(name)).toMatch(STAFF_ID);
    expect(newStaffId('Jo Bloggs')).not.toBe(newStaffId('Jo Bloggs'));
  });
});

describe('formatStaffLines', () => {
  it('aligns one line per account, marking disabled ones', () => {
    const accounts = [sampleAccount(), sampleAccount({ id: 'al-0001', name: 'Al', disabledAt: '2025-03-02T10:00:00.000Z' })].map(summariseStaff);
    expect(formatStaffLines(accounts).split('\n')).toEqual([
      'jo-bloggs-7k2p  sheffield-safeguarding-hub  duty  Jo Bloggs  2025-03-01T09:00:00.000Z  active',
      'al-0001         sheffield-safeguarding-hub  duty  Al         2025-03-01T09:00:00.000Z  disabled 2025-03-02T10:00:00.000Z',
    ]);
    expect(formatStaffLines([])).toBe('No staff accounts.');
  });
});

describe('formatCredential', () => {
  it('says what a partnership account sees, and an agency account whose queue it works', () => {
    const partner = { ...sampleAccount(), id: 'ana-analyst-7k2p', agency: 'partnership', role: 'partnership' as const };
    expect(formatCredential(partner, 'PW').split('\n')[0]).toBe('Added ana-analyst-7k2p: partnership (the indicators for every area, no concern).');
    const duty = { ...sampleAccount(), id: 'jo-bloggs-7k2p', agency: 'rotherham-mash', role: 'duty' as const };
    expect(formatCredential(duty, 'PW').split('\n')[0]).toBe('Added jo-bloggs-7k2p: duty for rotherham-mash.');
  });
});
