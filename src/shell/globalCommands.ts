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
  const normalised = normaliseCommand(text);
  return COMMANDS.find(([, words]) => words.includes(normalised))?.[0];
}

/** The answer's own follow-ups that the bot tells people to type ("Reply MORE", "Reply SOURCE"). */
const FOLLOW_UP_WORDS: readonly string[] = ['more', 'tell me more', 'source', 'sources'];

/**
 * Whether a whole message is one of the words the bot itself tells people to type: a command, MORE or
 * SOURCE. The safety check judges these by its rules alone, wherever they are typed (see ClearsightBot):
 * to the classifier "more" reads like "I don't want to be here any more".
 */
export function isBotWord(text: string | undefined): boolean {
  if (!text) return false;
  return parseGlobalCommand(text) !== undefined || FOLLOW_UP_WORDS.includes(normaliseCommand(text));
}

function normaliseCommand(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[.!,\s]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
