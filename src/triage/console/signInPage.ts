import { html, type Html } from '../../http/html';
import { errorSummary, fieldError, hasFieldError, successBanner, type PageError } from './govukParts';
import { layout } from './layout';

export interface SignInPageOptions {
  errors?: readonly PageError[];
  /** The sign-in name typed last time, so that only the password needs typing again. */
  name?: string;
  signedOut?: boolean;
}

export const SIGN_IN_ERRORS = {
  noName: { text: 'Enter your sign-in name', field: 'name' },
  noPassword: { text: 'Enter your password', field: 'password' },
  wrong: { text: 'The sign-in name or password is not right', field: 'name' },
  locked: (minutes: number): PageError => ({
    text: `Too many tries. Sign-in is locked, try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
  }),
} as const;

/** The sign-in form: name and password, an error summary when the last try failed. */
export function signInPage(options: SignInPageOptions = {}): Html {
  const errors = options.errors ?? [];
  const title = `${errors.length ? 'Error: ' : ''}Sign in`;
  return layout(
    { title },
    html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${options.signedOut ? successBanner('You have signed out') : ''}
  ${errorSummary(errors)}
  <h1 class="govuk-heading-l">Sign in to Clearsight triage</h1>
  <form method="post" action="/triage/sign-in" novalidate>
    ${textInput({ id: 'name', label: 'Sign-in name', type: 'text', autocomplete: 'username', value: options.name ?? '', errors })}
    ${textInput({ id: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', value: '', errors })}
    <button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button>
  </form>
</div></div>`,
  );
}

interface InputOptions {
  id: string;
  label: string;
  type: 'text' | 'password';
  autocomplete: string;
  value: string;
  errors: readonly PageError[];
}

function textInput(o: InputOptions): Html {
  const invalid = hasFieldError(o.errors, o.id);
  return html`<div class="govuk-form-group${invalid ? ' govuk-form-group--error' : ''}">
      <label class="govuk-label" for="${o.id}">${o.label}</label>
      ${fieldError(o.errors, o.id)}
      <input class="govuk-input govuk-!-width-one-half${invalid ? ' govuk-input--error' : ''}" id="${o.id}" name="${o.id}" type="${o.type}"
        autocomplete="${o.autocomplete}" spellcheck="false" value="${o.value}"${invalid ? html` aria-describedby="${o.id}-error"` : ''}>
    </div>`;
}
