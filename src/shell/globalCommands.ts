/** Words that work at any point of any conversation. */
export type GlobalCommand = 'menu' | 'startOver' | 'cancel' | 'help';

const COMMANDS: ReadonlyArray<[GlobalCommand, readonly string[]]> = [
  ['menu', ['menu', 'main menu', 'show menu', 'options', 'home']],
  ['startOver', ['start over', 'start again', 'restart', 'reset', 'begin again']],
  ['cancel', ['cancel', 'stop', 'quit', 'exit']],
  ['help', ['help', '?', 'commands', 'what can you do']],
];

/**
 * The command a whole message asks for, if any. Only the whole message counts, so "help me, he's
 * got a knife" is never taken for the help command (the safety check sees every message first anyway).
 */
export function parseGlobalCommand(text: string | undefined): GlobalCommand | undefined {
  if (!text) return undefined;
  const normalised = text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[.!,\s]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return COMMANDS.find(([, words]) => words.includes(normalised))?.[0];
}
