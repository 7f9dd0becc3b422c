import { html, type Html } from '../../http/html';
import { layout, type SignedIn } from './layout';

/** The console's error pages, by status. Never internals: what happened and what to do next. */
const PAGES: Readonly<Record<number, { title: string; body: string }>> = {
  400: { title: 'There is a problem with that request', body: 'Go back and try again.' },
  403: {
    title: 'You cannot do that',
    body: 'The form may have been open too long, or it needs a manager. Go back, reload the page and try again.',
  },
  404: {
    title: 'Concern not in your queue',
    body: 'There is no concern with that reference in your queue. Check the reference, or it may have been transferred.',
  },
  413: { title: 'That is too long', body: 'Go back and shorten what you typed.' },
  415: { title: 'There is a problem with that request', body: 'Go back and try again.' },
  429: { title: 'Too many tries', body: 'Wait a few minutes, then try again.' },
  500: { title: 'Sorry, there is a problem with the service', body: 'Try again later.' },
};

export interface ErrorPageOptions {
  status: number;
  signedIn?: SignedIn;
  /** A reason safe to show, in place of the standard wording. */
  reason?: string;
}

export function errorPage(o: ErrorPageOptions): Html {
  const page = PAGES[o.status] ?? PAGES[500]!;
  return layout(
    { title: page.title, signedIn: o.signedIn },
    html`<h1 class="govuk-heading-l">${page.title}</h1>
<p class="govuk-body">${o.reason ?? page.body}</p>
<p class="govuk-body"><a class="govuk-link" href="/triage">Go to the queue</a></p>`,
  );
}
