import type { AuditAction } from '../../audit/auditEntry';
import type { Concern, ConcernStatus, ConcernSubject } from '../../concerns/concern';
import type { OutcomeCategory, RiskRating } from '../../concerns/triageRecord';
import type { CHOICES, ChoiceSet } from '../commandFields';
import { staffCommands, type CommandAuditAction, type DoneCode } from '../staffCommands';

/** The words staff see for each closed value the console shows. */

export const STATUS_LABELS: Record<ConcernStatus, { text: string; tag: string }> = {
  received: { text: 'New', tag: 'govuk-tag--blue' },
  'being-looked-at': { text: 'Being looked at', tag: 'govuk-tag--yellow' },
  'passed-on': { text: 'Passed on', tag: 'govuk-tag--purple' },
  closed: { text: 'Closed', tag: 'govuk-tag--grey' },
};

export const SUBJECT_LABELS: Record<ConcernSubject, string> = {
  child: 'A child or young person',
  place: 'A place or people',
  'not-sure': 'Not sure',
};

export const OUTCOME_LABELS: Record<OutcomeCategory, string> = {
  'advice-or-signposting': 'Advice or signposting',
  'early-help': 'Early help',
  'childrens-social-care': 'Children\u2019s social care',
  'police-intelligence': 'Police intelligence',
  'nrm-referral': 'National Referral Mechanism referral',
  'no-further-action': 'No further action',
};

export const RISK_LABELS: Record<RiskRating, { text: string; tag: string }> = {
  red: { text: 'Red: high risk', tag: 'govuk-tag--red' },
  amber: { text: 'Amber: medium risk', tag: 'govuk-tag--orange' },
  green: { text: 'Green: low risk', tag: 'govuk-tag--green' },
};

export const ANSWER_LABELS: Record<keyof Concern['answers'], string> = {
  worry: 'What they are worried about',
  whoAtRisk: 'Who is at risk',
  childrenInvolved: 'Children under 18 involved (about a place)',
  relationship: 'How they know the child or place',
  childAge: 'The child\u2019s age',
  parentsKnow: 'Do the child\u2019s parents or carers know?',
  place: 'Where it is happening',
  when: 'When it happens',
  dangerNow: 'Is someone in danger now?',
  peopleInvolved: 'People involved',
  howTheyKnow: 'Saw it or was told',
  communicationNeeds: 'Communication needs',
};

export const DANGER_NOW_LABELS: Record<NonNullable<Concern['answers']['dangerNow']>, string> = {
  yes: 'Yes',
  no: 'No',
  'not-sure': 'Not sure',
};

export const PARENTS_KNOW_LABELS: Record<NonNullable<Concern['answers']['parentsKnow']>, string> = {
  yes: 'Yes',
  no: 'No',
  'not-sure': 'Not sure',
  'reporter-is-parent': 'Not asked: the reporter is their parent or carer',
};

export const URGENT_REASON_LABELS: Record<Concern['urgentReasons'][number], string> = {
  'danger-now-answer': 'The reporter said someone is in danger now',
  'safety-check': 'The safety check found signs of danger in the chat',
  'danger-added-later': 'The safety check found signs of danger in what the reporter added or answered later',
};

export const REPORTER_ROLE_LABELS: Record<NonNullable<Concern['reporterRole']>, string> = {
  parent: 'A parent or carer',
  'young-person': 'A young person',
  other: 'Someone else',
};

/** The words for each value a staff command's field chooses from (the console's radios). */
export const CHOICE_LABELS: { [S in ChoiceSet]: Record<(typeof CHOICES)[S][number], string> } = {
  outcome: OUTCOME_LABELS,
  risk: { red: RISK_LABELS.red.text, amber: RISK_LABELS.amber.text, green: RISK_LABELS.green.text },
};

const COMMAND_AUDIT_LABELS = Object.fromEntries(staffCommands().map(([, c]) => [c.audit.action, c.audit.label])) as Record<CommandAuditAction, string>;

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'sign-in': 'Signed in',
  'sign-in-failed': 'Sign-in failed',
  'sign-out': 'Signed out',
  view: 'Viewed',
  refused: 'Refused: another agency\u2019s concern',
  ...COMMAND_AUDIT_LABELS,
  'staff-add': 'Added a staff account',
  'staff-disable': 'Disabled a staff account',
  'token-issued': 'Issued an API token',
  'token-revoked': 'Revoked an API token',
};

const DONE_MESSAGES = Object.fromEntries(staffCommands().map(([, c]) => [c.done.code, c.done.message])) as Record<DoneCode, string>;

/** What a staff command just did, for the one-off confirmation after post/redirect/get. */
export function doneMessage(code: DoneCode): string {
  return DONE_MESSAGES[code];
}

/** A council area id as a name: "sheffield" → "Sheffield"; unknown → "Not known". */
export function areaName(area: string | null): string {
  if (!area) return 'Not known or outside South Yorkshire';
  return area.charAt(0).toUpperCase() + area.slice(1);
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** A language code as its English name ("pl" → "Polish"), or the code itself when unknown. */
export function languageName(code: string | null): string {
  if (!code) return 'Not known';
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}
