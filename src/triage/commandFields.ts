import { z } from 'zod';
import { OUTCOME_CATEGORIES, RISK_RATINGS } from '../concerns/triageRecord';

/** The closed sets a staff command's field may choose from. */
export const CHOICES = { outcome: OUTCOME_CATEGORIES, risk: RISK_RATINGS } as const;
export type ChoiceSet = keyof typeof CHOICES;

/** What every field has: the id of the console control it is entered in (error summaries link to it), its label. */
interface FieldBase {
  id: string;
  label: string;
}

/** Text staff type: trimmed, not empty, at most `limit` characters. `what` names it in messages ("a note"). */
export interface TextField extends FieldBase {
  kind: 'text';
  hint: string;
  what: string;
  limit: number;
}

/** One value of a closed set. `choose` is the message when none is chosen. */
export interface ChoiceField<S extends ChoiceSet = ChoiceSet> extends FieldBase {
  kind: 'choice';
  of: S;
  choose: string;
}

/** An agency's id. `choose` is the message when none is chosen, and the console list's empty option. */
export interface AgencyField extends FieldBase {
  kind: 'agency';
  choose: string;
}

export type CommandField = TextField | ChoiceField | AgencyField;
export type CommandFields = Readonly<Record<string, CommandField>>;

/** The value a field holds once parsed. */
export type FieldValue<F> = F extends ChoiceField<infer S> ? (typeof CHOICES)[S][number] : string;
export type BodyOf<Fs extends CommandFields> = { -readonly [K in keyof Fs]: FieldValue<Fs[K]> };

/** Agency ids as the directory writes them. */
const AGENCY_ID = /^[a-z0-9-]{1,64}$/;

/** A command's JSON body: strict (unknown fields are refused), text trimmed and bounded. */
export function bodySchema<Fs extends CommandFields>(fields: Fs): z.ZodType<BodyOf<Fs>> {
  const shape = Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, bodyField(field)]));
  // The shape is built from `fields`, so its output is BodyOf<Fs>; zod cannot infer that from a mapped object.
  return z.strictObject(shape) as unknown as z.ZodType<BodyOf<Fs>>;
}

function bodyField(field: CommandField): z.ZodType<string> {
  switch (field.kind) {
    case 'text':
      return z.string().trim().min(1).max(field.limit);
    case 'choice':
      return z.enum(CHOICES[field.of]);
    case 'agency':
      return z.string().regex(AGENCY_ID);
  }
}
