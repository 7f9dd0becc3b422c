import type { Agency } from '../../concerns/agencies';
import { html, type Html } from '../../http/html';
import { CHOICES, type CommandField } from '../commandFields';
import type { CommandForm, StaffCommand } from '../staffCommands';
import { fieldError, hasFieldError, type PageError } from './govukParts';
import { CHOICE_LABELS } from './labels';

/** What a command's form shows besides its fields: problems, what was typed last time, the agencies to choose from. */
export interface FormState {
  errors: readonly PageError[];
  /** What was typed into a form that was refused, to show it again, by control id. */
  values: Readonly<Record<string, string>>;
  /** The agencies an agency field offers (a transfer's targets). */
  agencies: readonly Agency[];
}

/** Inside a command's form: its sentence, a control for each field, its button. */
export function commandFormBody(command: StaffCommand, state: FormState): Html {
  const parts = [
    ...(command.form.intro ? [html`<p class="govuk-body">${command.form.intro}</p>`] : []),
    ...Object.entries(command.fields).map(([name, field]) => control(state, name, field)),
    commandButton(command.form),
  ];
  return html`${parts.map((part, i) => (i === 0 ? part : html`\n  ${part}`))}`;
}

export function commandButton(form: CommandForm): Html {
  const look = form.look ? ` govuk-button--${form.look}` : '';
  return html`<button type="submit" class="govuk-button${look}" data-module="govuk-button">${form.button}</button>`;
}

function control(state: FormState, name: string, field: CommandField): Html {
  switch (field.kind) {
    case 'text':
      return textarea(state, field.id, name, field.label, field.hint);
    case 'choice': {
      const labels: Readonly<Record<string, string>> = CHOICE_LABELS[field.of];
      return radios(state, field.id, name, field.label, CHOICES[field.of].map((value) => [value, labels[value] ?? value] as const));
    }
    case 'agency':
      return agencySelect(state, field.id, name, field.label, field.choose);
  }
}

function textarea(s: FormState, id: string, name: string, label: string, hint: string): Html {
  const invalid = hasFieldError(s.errors, id);
  const describedBy = [`${id}-hint`, invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="govuk-form-group${invalid ? ' govuk-form-group--error' : ''}">
    <label class="govuk-label" for="${id}">${label}</label>
    <div id="${id}-hint" class="govuk-hint">${hint}</div>
    ${fieldError(s.errors, id)}
    <textarea class="govuk-textarea${invalid ? ' govuk-textarea--error' : ''}" id="${id}" name="${name}" rows="4" aria-describedby="${describedBy}">${s.values[id] ?? ''}</textarea>
  </div>`;
}

function radios(s: FormState, id: string, name: string, legend: string, options: ReadonlyArray<readonly [string, string]>): Html {
  const invalid = hasFieldError(s.errors, id);
  return html`<div class="govuk-form-group${invalid ? ' govuk-form-group--error' : ''}">
  <fieldset class="govuk-fieldset"${invalid ? html` aria-describedby="${id}-error"` : ''}>
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${legend}</legend>
    ${fieldError(s.errors, id)}
    <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
      ${options.map(([value, text], i) => {
        const inputId = i === 0 ? id : `${id}-${value}`;
        return html`<div class="govuk-radios__item">
        <input class="govuk-radios__input" id="${inputId}" name="${name}" type="radio" value="${value}"${s.values[id] === value ? html` checked` : ''}>
        <label class="govuk-label govuk-radios__label" for="${inputId}">${text}</label>
      </div>`;
      })}
    </div>
  </fieldset>
</div>`;
}

function agencySelect(s: FormState, id: string, name: string, label: string, choose: string): Html {
  const invalid = hasFieldError(s.errors, id);
  const chosen = s.values[id] ?? '';
  return html`<div class="govuk-form-group${invalid ? ' govuk-form-group--error' : ''}">
    <label class="govuk-label" for="${id}">${label}</label>
    ${fieldError(s.errors, id)}
    <select class="govuk-select" id="${id}" name="${name}"${invalid ? html` aria-describedby="${id}-error"` : ''}>
      <option value="">${choose}</option>
      ${s.agencies.map((a) => html`<option value="${a.id}"${a.id === chosen ? html` selected` : ''}>${a.name}</option>`)}
    </select>
  </div>`;
}
