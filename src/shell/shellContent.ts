import { join } from 'node:path';
import { z } from 'zod';
import { loadYaml } from '../content/loadYaml';
import type { ServiceDirectory } from '../signposting/serviceDirectory';
import { byAudience, type Audience } from './audience';

const choiceSchema = z.strictObject({
  value: z.string().min(1),
  label: z.string().min(1).max(40),
  synonyms: z.array(z.string().min(1)).default([]),
});

const shellSchema = z.strictObject({
  owner: z.string().min(1),
  reviewed: z.iso.date(),
  welcome: z.string().includes('{ttlHours}'),
  /** The welcome on SMS and WhatsApp: two lines. */
  textWelcome: z.string().includes('{ttlHours}').refine((t) => t.trim().split('\n').length === 2, 'must be two lines'),
  /** Said instead of the welcome when a safety reply came first: who is talking, in one line. */
  welcomeAfterSafety: z.string().min(1).refine((t) => !t.trim().includes('\n'), 'must be one line'),
  menu: z.strictObject({
    prompt: z.string().min(1),
    again: z.string().min(1),
    options: z.array(choiceSchema).min(2).max(6),
  }),
  help: z.string().min(1),
  cancelled: z.string().min(1),
  startedOver: z.string().min(1),
  nothingToCancel: z.string().min(1),
  didNotUnderstand: z.string().min(1),
  turnError: z.string().min(1),
  unavailable: z.string().min(1),
  aboutYou: z.strictObject({
    prompt: z.string().min(1),
    options: z.array(choiceSchema).length(4),
    thanks: z.strictObject({ parent: z.string(), 'young-person': z.string(), other: z.string(), skip: z.string() }),
  }),
  helpNow: z.strictObject({
    intro: byAudience(z.string().min(1)),
    services: byAudience(z.array(z.string()).min(1)),
  }),
});

export type ShellContent = z.infer<typeof shellSchema>;
export type ShellChoice = z.infer<typeof choiceSchema>;

export const MENU_VALUES = ['signs', 'question', 'report', 'help-now', 'about-you'] as const;
export type MenuValue = (typeof MENU_VALUES)[number];

/** Loads shell.yaml and checks it against the code's expectations (menu values, service ids). */
export function loadShellContent(contentDir: string, services: ServiceDirectory): ShellContent {
  const content = loadYaml(join(contentDir, 'shell.yaml'), shellSchema);
  const values = content.menu.options.map((o) => o.value).sort();
  if (values.join() !== [...MENU_VALUES].sort().join()) {
    throw new Error(`shell.yaml: menu options must be exactly ${MENU_VALUES.join(', ')}`);
  }
  for (const ids of Object.values(content.helpNow.services)) {
    for (const id of ids) if (!services.has(id)) throw new Error(`shell.yaml: helpNow names unknown service ${id}`);
  }
  return content;
}

/** The help-now text for this audience (anyone, when the user has not said who they are). */
export function helpNowText(content: ShellContent, services: ServiceDirectory, audience?: Audience): string {
  const key = audience ?? 'anyone';
  return `${content.helpNow.intro[key]}\n${services.describe(content.helpNow.services[key])}`;
}

/** The welcome for where it is read: a web page, or a phone's messages (two lines). */
export function welcomeText(content: ShellContent, ttlHours: number, kind: 'web' | 'text' = 'web'): string {
  return (kind === 'text' ? content.textWelcome : content.welcome).replace('{ttlHours}', String(ttlHours));
}
