/** Bad arguments: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** `--key value`, `--key=value` and bare `--flag`, each at most once; anything else is a UsageError. */
export function options(args: readonly string[], valued: readonly string[], bare: readonly string[]) {
  const values: Record<string, string | undefined> = {};
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [key = '', inline] = arg.startsWith('--') ? splitOnce(arg.slice(2)) : [''];
    if (bare.includes(key) && inline === undefined) {
      flags.add(key);
      continue;
    }
    if (!valued.includes(key)) throw new UsageError(`unknown option: ${arg}`);
    const value = inline ?? args[++i];
    if (value === undefined || value === '' || value.startsWith('--')) throw new UsageError(`--${key} needs a value`);
    if (values[key] !== undefined) throw new UsageError(`--${key} given twice`);
    values[key] = value;
  }
  return { values, flags };
}

function splitOnce(text: string): [string, string | undefined] {
  const at = text.indexOf('=');
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
