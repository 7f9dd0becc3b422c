import type { z } from 'zod';
import type { AgencyDirectory } from '../concerns/agencies';
import { NOTE_LIMIT, QUESTION_LIMIT, RATIONALE_LIMIT, REASON_LIMIT } from '../concerns/triageRecord';
import type { Caller } from './caller';
import { bodySchema, type BodyOf, type CommandFields } from './commandFields';
import * as actions from './triageActions';

/** How the console shows a command's form. */
export interface CommandForm {
  /** The heading over the form among the concern's actions; null for claim and release, which sit in the claim line. */
  heading: string | null;
  /** A sentence before the button. */
  intro?: string;
  button: string;
  /** The button's look: GOV.UK's primary (the default), secondary, or warning for what ends the work. */
  look?: 'secondary' | 'warning';
  /** Shown to managers only (the rule refuses anyone else anyway). */
  managersOnly?: boolean;
}

/**
 * One thing staff do to a concern: the JSON API (POST /api/triage/concerns/:ref/<name>) and the console
 * (POST /triage/concerns/:ref/<name>) are both built from it, and the service runs it. Methods, not function
 * properties, so that every command fits StaffCommand<unknown> where the body is parsed by `body` first.
 */
export interface StaffCommand<Body = unknown, Audited extends string = string, Done extends string = string> {
  /** What it does, for the OpenAPI document. */
  summary: string;
  /** The body's fields in order: the JSON body and the console form are built from them. */
  fields: CommandFields;
  /** The JSON body, strict, built from `fields`. */
  body: z.ZodType<Body>;
  /** Checked before the concern is read (that a transfer's agency exists). */
  check?(body: Body, agencies: AgencyDirectory): void;
  /** The rule (triageActions.ts): the change it makes to the concern as stored at that moment, or a refusal. */
  rule(body: Body): actions.TriageAction;
  /** The audit entry it writes: its action, the words the console shows for it, closed values only as detail. */
  audit: { action: Audited; label: string; detail?(body: Body, caller: Caller): Record<string, string> };
  /** Refusal codes about one field (by field name): the console's error summary links to its control. */
  refusalFields?: Readonly<Record<string, string>>;
  form: CommandForm;
  /** The confirmation afterwards (`?done=<code>`), on the concern's page or, for one that leaves the queue, the queue's. */
  done: { code: Done; message: string; page?: 'queue' };
}

interface CommandSpec<Fs extends CommandFields, A extends string, D extends string> extends Omit<StaffCommand<BodyOf<Fs>, A, D>, 'fields' | 'body'> {
  fields: Fs;
}

function command<const Fs extends CommandFields, const A extends string, const D extends string>(
  spec: CommandSpec<Fs, A, D>,
): StaffCommand<BodyOf<Fs>, A, D> {
  return { ...spec, body: bodySchema(spec.fields) };
}

/**
 * Every staff command, in the order the API and the console list them. A new one is an entry here and its
 * rule in triageActions.ts; the routes, forms, audit actions and confirmations follow from this list.
 */
export const STAFF_COMMANDS = {
  claim: command({
    summary: 'Claim the concern (409 while someone else holds a live claim). A claim lapses after TRIAGE_CLAIM_MINUTES without action.',
    fields: {},
    rule: () => actions.claim,
    audit: { action: 'claim', label: 'Claimed' },
    form: { heading: null, button: 'Claim' },
    done: { code: 'claimed', message: 'You have claimed this concern' },
  }),
  release: command({
    summary: 'Give up your claim (a manager may release a colleague\u2019s).',
    fields: {},
    rule: () => actions.release,
    audit: { action: 'release', label: 'Released' },
    form: { heading: null, button: 'Release', look: 'secondary' },
    done: { code: 'released', message: 'You have released this concern' },
  }),
  notes: command({
    summary: 'Add a case note (staff only; the reporter never sees it).',
    fields: {
      text: { kind: 'text', id: 'note-text', label: 'Note', hint: `Only other staff see notes. Up to ${NOTE_LIMIT} characters.`, what: 'a note', limit: NOTE_LIMIT },
    },
    rule: (body) => actions.addNote(body.text),
    audit: { action: 'note', label: 'Added a note' },
    form: { heading: 'Add a note', button: 'Add note', look: 'secondary' },
    done: { code: 'noted', message: 'Your note has been added' },
  }),
  question: command({
    summary: 'Leave a question the reporter sees when they come back with their reference.',
    fields: {
      text: {
        kind: 'text',
        id: 'question-text',
        label: 'Question for the reporter',
        hint: `They see it when they next check their reference. Up to ${QUESTION_LIMIT} characters.`,
        what: 'a question',
        limit: QUESTION_LIMIT,
      },
    },
    rule: (body) => actions.askReporter(body.text),
    audit: { action: 'question', label: 'Asked the reporter a question' },
    form: { heading: 'Ask the reporter a question', button: 'Send question', look: 'secondary' },
    done: { code: 'asked', message: 'Your question has been sent to the reporter' },
  }),
  outcome: command({
    summary: 'Record the decision on next steps, a red/amber/green risk rating and a short rationale.',
    fields: {
      category: { kind: 'choice', id: 'outcome-category', label: 'Category', of: 'outcome', choose: 'Choose a category' },
      rag: { kind: 'choice', id: 'outcome-rag', label: 'Risk rating', of: 'risk', choose: 'Choose a risk rating' },
      rationale: { kind: 'text', id: 'outcome-rationale', label: 'Rationale', hint: `Why, in short. Up to ${RATIONALE_LIMIT} characters.`, what: 'a rationale', limit: RATIONALE_LIMIT },
    },
    rule: (body) => actions.recordOutcome(body.category, body.rag, body.rationale),
    audit: { action: 'outcome', label: 'Recorded an outcome', detail: (body) => ({ category: body.category, rag: body.rag }) },
    form: { heading: 'Record an outcome', button: 'Record outcome' },
    done: { code: 'decided', message: 'The outcome has been recorded' },
  }),
  transfer: command({
    summary: 'Move the concern to another agency\u2019s queue (managers and admins).',
    fields: {
      to: { kind: 'agency', id: 'transfer-to', label: 'Agency', choose: 'Choose an agency' },
      reason: { kind: 'text', id: 'transfer-reason', label: 'Reason', hint: `Up to ${REASON_LIMIT} characters.`, what: 'a reason', limit: REASON_LIMIT },
    },
    check: (body, agencies) => actions.checkTransferTarget(body.to, agencies),
    rule: (body) => actions.transfer(body.to, body.reason),
    audit: { action: 'transfer', label: 'Transferred', detail: (body, caller) => ({ from: caller.agency, to: body.to }) },
    refusalFields: { unknown_agency: 'to', same_agency: 'to', already_has: 'to' },
    form: { heading: 'Transfer to another agency', button: 'Transfer', look: 'secondary', managersOnly: true },
    done: { code: 'transferred', message: 'The concern has been transferred', page: 'queue' },
  }),
  share: command({
    summary: 'Give another agency the concern as well (managers and admins): it gets its own triage record, and this agency keeps its part.',
    fields: {
      to: { kind: 'agency', id: 'share-to', label: 'Agency', choose: 'Choose an agency' },
      reason: { kind: 'text', id: 'share-reason', label: 'Reason', hint: `Why they need it too. Up to ${REASON_LIMIT} characters.`, what: 'a reason', limit: REASON_LIMIT },
    },
    check: (body, agencies) => actions.checkTransferTarget(body.to, agencies),
    rule: (body) => actions.share(body.to, body.reason),
    audit: { action: 'share', label: 'Shared', detail: (body, caller) => ({ from: caller.agency, to: body.to }) },
    refusalFields: { unknown_agency: 'to', same_agency: 'to', already_has: 'to' },
    form: { heading: 'Share with another agency', intro: 'They get it as well, with their own claim and decision. You keep it.', button: 'Share', look: 'secondary', managersOnly: true },
    done: { code: 'shared', message: 'The concern has been shared' },
  }),
  close: command({
    summary: 'Close the concern for this agency (an outcome must be recorded first); it stays open for any other agency that has it.',
    fields: {},
    rule: () => actions.close,
    audit: { action: 'close', label: 'Closed' },
    form: {
      heading: 'Close the concern',
      intro: 'Record an outcome before closing. A closed concern leaves the queue.',
      button: 'Close concern',
      look: 'warning',
    },
    done: { code: 'closed', message: 'The concern has been closed' },
  }),
};

export type StaffCommandName = keyof typeof STAFF_COMMANDS;
type AnyCommand = (typeof STAFF_COMMANDS)[StaffCommandName];
export type CommandAuditAction = AnyCommand['audit']['action'];
export type DoneCode = AnyCommand['done']['code'];

/** Every command with its name, in catalogue order. */
export function staffCommands(): Array<[StaffCommandName, StaffCommand<unknown, CommandAuditAction, DoneCode>]> {
  return Object.entries(STAFF_COMMANDS) as Array<[StaffCommandName, StaffCommand<unknown, CommandAuditAction, DoneCode>]>;
}

/** The audit actions the commands write, in catalogue order. */
export const COMMAND_AUDIT_ACTIONS: readonly CommandAuditAction[] = staffCommands().map(([, c]) => c.audit.action);
