import {
  formatJson,
  formatLines,
  parseConcernsArgs,
  summarise,
  UsageError,
} from '../../src/concerns/concernListing';
import { freeTexts, sampleConcern } from '../helpers/concerns';

describe('parseConcernsArgs', () => {
  it.each([
    [['list'], { kind: 'list', json: false }],
    [['list', '--json'], { kind: 'list', json: true }],
    [['list', '--agency', 'sheffield-childrens'], { kind: 'list', json: false, agency: 'sheffield-childrens' }],
    [['list', '--agency=rotherham-childrens', '--json'], { kind: 'list', json: true, agency: 'rotherham-childrens' }],
    [['--help'], { kind: 'help' }],
    [['help'], { kind: 'help' }],
  ])('reads %j', (argv, expected) => {
    expect(parseConcernsArgs(argv)).toEqual(expected);
  });

  it.each([
    [[], /no command/],
    [['show'], /unknown command: show/],
    [['list', '--verbose'], /unknown option: --verbose/],
    [['list', '--agency'], /--agency needs/],
    [['list', '--agency', '--json'], /--agency needs/],
    [['list', '--agency='], /--agency needs/],
    [['list', 'extra'], /unknown option: extra/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseConcernsArgs(argv)).toThrow(UsageError);
    expect(() => parseConcernsArgs(argv)).toThrow(message);
  });
});

describe('concern summaries', () => {
  const concern = sampleConcern({
    ref: 'K7PM-3XQ9-RT4W-HN2C',
    agency: 'sheffield-childrens',
    area: 'sheffield',
    urgent: true,
    urgentReasons: ['safety-check'],
    receivedAt: '2025-03-01T09:00:00.000Z',
    reporter: { mode: 'contact', how: 'call 07700 900123', consent: { wording: 'I agree to be contacted', at: '2025-03-01T09:00:00.000Z' } },
    additions: [{ at: '2025-03-01T10:00:00.000Z', text: 'He came back with a new phone' }],
    questions: [{ id: 'q1', text: 'Which school?', askedAt: '2025-03-01T11:00:00.000Z', answer: 'The academy', answeredAt: '2025-03-01T12:00:00.000Z' }],
  });
  const quiet = sampleConcern({ ref: '0000-1111-2222-3333', agency: 'police', area: null, receivedAt: '2025-03-02T09:00:00.000Z' });

  it('keep where a concern is and how urgent, and nothing anyone wrote', () => {
    expect(summarise(concern)).toEqual({
      ref: 'K7PM-3XQ9-RT4W-HN2C',
      agency: 'sheffield-childrens',
      status: 'received',
      urgent: true,
      receivedAt: '2025-03-01T09:00:00.000Z',
      area: 'sheffield',
      subject: 'child',
    });
  });

  it('print as aligned lines with an URGENT marker', () => {
    const lines = formatLines([concern, quiet].map(summarise)).split('\n');
    expect(lines).toEqual([
      'K7PM-3XQ9-RT4W-HN2C  sheffield-childrens  received  URGENT  2025-03-01T09:00:00.000Z  sheffield  child',
      '0000-1111-2222-3333  police               received  -       2025-03-02T09:00:00.000Z  -          child',
    ]);
  });

  it('say so when there are none', () => {
    expect(formatLines([])).toBe('No concerns.');
    expect(JSON.parse(formatJson([]))).toEqual([]);
  });

  it('print as JSON with the summary fields only, never free text', () => {
    const output = formatJson([concern, quiet].map(summarise));
    const parsed = JSON.parse(output) as Record<string, unknown>[];
    expect(parsed.map((s) => Object.keys(s).sort())).toEqual(
      Array(2).fill(['agency', 'area', 'receivedAt', 'ref', 'status', 'subject', 'urgent']),
    );
    for (const text of [...freeTexts(concern), ...freeTexts(quiet)]) {
      expect(output).not.toContain(text);
      expect(formatLines([concern, quiet].map(summarise))).not.toContain(text);
    }
  });
});
