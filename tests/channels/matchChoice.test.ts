import { matchChoice } from '../../src/channels/matchChoice';

const choices = [
  { value: 'signs', label: 'Spot the signs', synonyms: ['warning signs'] },
  { value: 'report', label: 'Report a concern', synonyms: ['report'] },
  { value: 'help', label: 'Get help now' },
];

describe('matchChoice', () => {
  it.each([
    ['1', 'signs'],
    ['2.', 'report'],
    [' 3 ', 'help'],
    ['two', 'report'],
    ['option 3', 'help'],
    ['Spot the signs', 'signs'],
    ['SPOT THE SIGNS!', 'signs'],
    ['warning signs', 'signs'],
    ['i want to report please', 'report'],
    ['get help now', 'help'],
  ])('%j picks %s', (text, value) => {
    expect(matchChoice(text, choices)?.value).toBe(value);
  });

  it.each(['', '4', '0', 'what is county lines', 'report the warning signs'])('%j picks nothing', (text) => {
    expect(matchChoice(text, choices)).toBeUndefined();
  });
});
