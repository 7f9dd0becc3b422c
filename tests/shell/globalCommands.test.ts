import { parseGlobalCommand } from '../../src/shell/globalCommands';
import { isGreeting } from '../../src/shell/greeting';

describe('parseGlobalCommand', () => {
  it.each([
    ['menu', 'menu'],
    ['Menu.', 'menu'],
    ['MAIN MENU', 'menu'],
    ['start over', 'startOver'],
    ['Start  again!', 'startOver'],
    ['cancel', 'cancel'],
    ['STOP', 'cancel'],
    ['help', 'help'],
    ['?', 'help'],
  ])('%j is %s', (text, command) => {
    expect(parseGlobalCommand(text)).toBe(command);
  });

  it.each(['help me', "help me he's got a knife", 'can you cancel my report tomorrow', 'menu of signs', '', undefined])(
    '%j is not a command (only whole messages count)',
    (text) => {
      expect(parseGlobalCommand(text)).toBeUndefined();
    },
  );
});

describe('isGreeting', () => {
  it.each(['hi', 'Hello!', 'hey', 'ey up'])('%j is a greeting', (t) => expect(isGreeting(t)).toBe(true));
  it.each(['hi is two phones a sign', 'county lines'])('%j is not', (t) => expect(isGreeting(t)).toBe(false));
});
