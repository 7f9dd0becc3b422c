import { z } from 'zod';
import { cursorParam } from '../../concerns/concernIndex';
import { CONCERN_STATUSES } from '../../concerns/concern';
import { HttpError } from '../../http/httpError';
import { CHOICES, type CommandField, type CommandFields } from '../commandFields';
import { STAFF_COMMANDS, staffCommands, type DoneCode, type StaffCommandName } from '../staffCommands';
import type { QueueFilter } from '../triageService';
import type { PageError } from './govukParts';

/** Every console form, parsed strictly: a field we did not put in the form is a 400, not ignored. */

const csrf = z.string();

export const signInFormSchema = z.strictObject({
  name: z.string().trim().max(100),
  password: z.string().max(200),
});

/** A field as the console form takes it, with a message for each problem in words for staff. */
function formField(field: CommandField): z.ZodType<string> {
  switch (field.kind) {
    case 'text':
      return z
        .string({ error: `Enter ${field.what}` })
        .trim()
        .min(1, `Enter ${field.what}`)
        .max(field.limit, `Keep ${field.what} to ${field.limit} characters or fewer`);
    case 'choice':
      return z.enum(CHOICES[field.of], { error: field.choose });
    case 'agency':
      // No pattern here: an id that is not an agency is refused by the command's check, beside the list.
      return z.string({ error: field.choose }).min(1, field.choose);
  }
}

function formSchema(fields: CommandFields): z.ZodType<Record<string, string>> {
  const shape: Record<string, z.ZodType<string>> = { csrf };
  for (const [name, field] of Object.entries(fields)) shape[name] = formField(field);
  return z.strictObject(shape);
}

/** Each command's form: its catalogue fields and the CSRF token. */
export const actionFormSchemas = Object.fromEntries(staffCommands().map(([name, command]) => [name, formSchema(command.fields)])) as Record<
  StaffCommandName,
  z.ZodType<Record<string, string>>
>;

/** A parsed form as the command's body: its fields without the CSRF token. */
export function commandBody(form: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(form).filter(([name]) => name !== 'csrf'));
}

/** The id of the control each of a command's fields is entered in, by field name. */
export function fieldIds(action: StaffCommandName): Record<string, string> {
  return Object.fromEntries(Object.entries(STAFF_COMMANDS[action].fields).map(([name, field]) => [name, field.id]));
}

/** A form that failed its schema: the problems to show beside each control. Unknown fields are a 400. */
export function formErrors(action: StaffCommandName, error: z.ZodError): PageError[] {
  if (error.issues.some((i) => i.code === 'unrecognized_keys' || i.path[0] === 'csrf')) {
    throw new HttpError(400, 'bad_request', 'The form has fields it should not have.');
  }
  const ids = fieldIds(action);
  return error.issues.map((i) => ({ text: i.message, field: ids[String(i.path[0])] }));
}

/** The fields of a refused form, by control id, to show them again (never the CSRF token). */
export function refusedValues(action: StaffCommandName, fields: Record<string, string>): Record<string, string> {
  const ids = fieldIds(action);
  return Object.fromEntries(Object.entries(ids).flatMap(([name, id]) => (fields[name] === undefined ? [] : [[id, fields[name]]])));
}

/** The confirmations shown on one page: the concern's, or the queue's (after a command that leaves it). */
function doneCodes(page: 'concern' | 'queue'): [DoneCode, ...DoneCode[]] {
  return staffCommands()
    .filter(([, command]) => (command.done.page ?? 'concern') === page)
    .map(([, command]) => command.done.code) as [DoneCode, ...DoneCode[]];
}

const yesNo = z
  .enum(['', 'yes', 'no'])
  .optional()
  .transform((v) => (v === 'yes' ? true : v === 'no' ? false : undefined));

export const queueQuerySchema = z.strictObject({
  status: z.enum(['', ...CONCERN_STATUSES]).optional(),
  urgent: yesNo,
  overdue: yesNo,
  done: z.enum(doneCodes('queue')).optional(),
  /** Where this page of the queue starts: the "Next page" link's cursor. */
  cursor: cursorParam.optional(),
});

export function queueFilterOf(query: z.infer<typeof queueQuerySchema>): QueueFilter {
  const filter: QueueFilter = {};
  if (query.status) filter.status = query.status;
  if (query.urgent !== undefined) filter.urgent = query.urgent;
  if (query.overdue !== undefined) filter.overdue = query.overdue;
  return filter;
}

export const concernQuerySchema = z.strictObject({
  done: z.enum(doneCodes('concern')).optional(),
});

export const signInQuerySchema = z.strictObject({ 'signed-out': z.literal('1').optional() });

/** Parses a page's query string strictly; anything unexpected is a 400. */
export function parseQuery<T extends z.ZodType>(schema: T, url: string | undefined): z.infer<T> {
  const params = new URL(url ?? '/', 'http://console.invalid').searchParams;
  const parsed = schema.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw new HttpError(400, 'bad_request', 'That address has something in it we do not recognise.');
  return parsed.data;
}
