import { z } from 'zod';

const PLACEHOLDER = /\{(\w+)\}/g;

declare const placeholders: unique symbol;

/** A sentence from content/ with `{placeholders}` that code fills in; the type lists the placeholders. */
export type Template<N extends string> = string & { readonly [placeholders]: N };

/**
 * Schema for a sentence with exactly these placeholders: a content owner who drops one (a phone number)
 * or mistypes one is stopped at start-up, not when someone is told to ring nobody.
 */
export function template<const N extends string>(...names: N[]) {
  return z
    .string()
    .min(1)
    .superRefine((text, ctx) => {
      const used = new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''));
      const unknown = [...used].filter((name) => !(names as string[]).includes(name));
      const missing = names.filter((name) => !used.has(name));
      if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: `unknown placeholder ${braced(unknown)} (this sentence takes ${braced(names) || 'none'})` });
      if (missing.length > 0) ctx.addIssue({ code: 'custom', message: `must include ${braced(missing)}` });
    })
    .transform((text) => text as Template<N>);
}

/** The sentence with each `{name}` replaced by its value (taken as it is: a `$` in a value stays a `$`). */
export function fillTemplate<N extends string>(text: Template<N> | string, values: Readonly<Record<NoInfer<N>, string | number>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name as N]) : whole));
}

function braced(names: readonly string[]): string {
  return names.map((name) => `{${name}}`).join(', ');
}
