import { errorPage } from '../../../src/triage/console/errorPage';
import { layout } from '../../../src/triage/console/layout';
import { html } from '../../../src/http/html';
import { queuePage } from '../../../src/triage/console/queuePage';
import { signInPage, SIGN_IN_ERRORS } from '../../../src/triage/console/signInPage';
import { caller, ESCAPED_SCRIPT, expectInert, hostileConcern, itemOf, NOW, SCRIPT, signedIn } from './consoleFixtures';

describe('layout', () => {
  const page = layout({ title: `Queue ${SCRIPT}`, signedIn }, html`<p>hi</p>`).toString();

  it('is a GOV.UK page in English with a skip link, a main landmark and our stylesheet only', () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en" class="govuk-template">')).toBe(true);
    expect(page).toContain('<a href="#main-content" class="govuk-skip-link">Skip to main content</a>');
    expect(page).toContain('<main class="govuk-main-wrapper" id="main-content"');
    expect(page).toContain('<link rel="stylesheet" href="/triage/assets/govuk-frontend.min.css">');
    expect(page).not.toMatch(/<script|style="|https?:\/\//);
  });

  it('names the service, the signed-in person and agency (escaped), and signs out by POST with the token', () => {
    expect(page).toContain('Clearsight triage</a>');
    expect(page).toContain('Sam &lt;b&gt;Duty&lt;/b&gt;, Barnsley Integrated Front Door');
    expect(page).toMatch(/<form method="post" action="\/triage\/sign-out"[^>]*>\s*<input type="hidden" name="csrf" value="tok&quot;en&lt;">/);
    expect(page).toContain(`<title>Queue ${ESCAPED_SCRIPT} \u2013 Clearsight triage</title>`);
  });

  it('has no account bar before sign-in', () => {
    expect(layout({ title: 'Sign in' }, html``).toString()).not.toContain('sign-out');
  });
});

describe('signInPage', () => {
  it('labels both fields and marks the password for password managers', () => {
    const page = signInPage().toString();
    expect(page).toContain('<label class="govuk-label" for="name">Sign-in name</label>');
    expect(page).toContain('<label class="govuk-label" for="password">Password</label>');
    expect(page).toMatch(/type="password"\s+autocomplete="current-password"/);
    expect(page).not.toContain('govuk-error-summary');
  });

  it('shows a failed sign-in as an error summary, keeps the name typed (escaped) and never the password', () => {
    const page = signInPage({ errors: [SIGN_IN_ERRORS.wrong], name: `"><script>x</script>` }).toString();
    expect(page).toContain('<title>Error: Sign in');
    expect(page).toContain('<a href="#name">The sign-in name or password is not right</a>');
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(page).toMatch(/id="password" name="password" type="password"\s+autocomplete="current-password" spellcheck="false" value=""/);
    expectInert(page);
  });

  it('says how long a locked sign-in lasts', () => {
    expect(signInPage({ errors: [SIGN_IN_ERRORS.locked(14)] }).toString()).toContain('Sign-in is locked, try again in 14 minutes');
    expect(signInPage({ errors: [SIGN_IN_ERRORS.locked(1)] }).toString()).toContain('try again in 1 minute<');
  });

  it('confirms a sign-out', () => {
    expect(signInPage({ signedOut: true }).toString()).toContain('You have signed out');
  });
});

describe('queuePage', () => {
  const urgent = hostileConcern();
  const late = hostileConcern({ urgent: false, urgentReasons: [], area: null });
  const items = [
    itemOf(urgent, { claimedBy: caller.staffId, dueAt: '2026-11-23T15:00:00.000Z', outcome: null }),
    itemOf(late, { overdue: true, claimedBy: 'alex-other', outcome: null }),
  ];
  const page = queuePage({ signedIn, agencyName: (id) => id, staffId: caller.staffId, items, filter: { urgent: false, status: 'received' }, now: NOW }).toString();

  it('lists each concern with a link, urgency, status, times and who has it, no reporter text', () => {
    expect(page).toContain(`<a class="govuk-link console-nowrap" href="/triage/concerns/${urgent.ref}">${urgent.ref}</a>`);
    expect(page).toContain('govuk-tag--red">Urgent</strong>');
    expect(page).toContain('2 concerns, urgent first');
    expect(page).toContain('in 55 minutes');
    expect(page).toContain('>You<');
    expect(page).toContain('>alex-other<');
    expect(page).toContain('Not known or outside South Yorkshire');
    expect(page).not.toContain('alert(1)');
    expectInert(page);
  });

  it('shows the overdue concern with a red Overdue tag and how late it is', () => {
    expect(page).toMatch(/govuk-tag--red">Overdue<\/strong> <span[^>]*>was due <time datetime="2026-11-23T11:00:00.000Z">Mon 23 Nov, 11:00<\/time> \(3 hours 5 minutes ago\)/);
  });

  it('keeps the order the service gave', () => {
    expect(page.indexOf(urgent.ref)).toBeLessThan(page.indexOf(late.ref));
  });

  it('has a GET filter form with labelled selects showing the current filter', () => {
    expect(page).toContain('<form method="get" action="/triage"');
    for (const id of ['status', 'urgent', 'overdue']) expect(page).toContain(`<label class="govuk-label" for="${id}">`);
    expect(page).toContain('<option value="received" selected>New</option>');
    expect(page).toMatch(/<select class="govuk-select" id="urgent" name="urgent">\s*<option value="">Any<\/option><option value="yes">Yes<\/option><option value="no" selected>No<\/option>/);
  });

  it('offers the next page with the same filters when there may be more, and the first page from any other', () => {
    expect(page).not.toContain('govuk-pagination');
    const next = '1764590400000.ABCD-EFGH-JKMN-PQRS';
    const first = queuePage({ signedIn, agencyName: (id) => id, staffId: caller.staffId, items, filter: { urgent: false, status: 'received' }, now: NOW, next }).toString();
    expect(first).toContain(`href="/triage?status=received&amp;urgent=no&amp;cursor=${encodeURIComponent(next)}" rel="next"`);
    expect(first).not.toContain('rel="prev"');
    const later = queuePage({ signedIn, agencyName: (id) => id, staffId: caller.staffId, items, filter: { overdue: true }, now: NOW, notFirst: true }).toString();
    expect(later).toContain('href="/triage?overdue=yes" rel="prev"><span class="govuk-pagination__link-title">First page</span>');
    expect(later).not.toContain('rel="next"');
    expectInert(first);
  });

  it('says when nothing matches, and confirms a transfer', () => {
    const empty = queuePage({ signedIn, agencyName: (id) => id, staffId: caller.staffId, items: [], filter: {}, now: NOW, done: 'transferred' }).toString();
    expect(empty).toContain('No concerns match.');
    expect(empty).toContain('The concern has been transferred');
    expect(empty).not.toContain('<table');
  });
});

describe('errorPage', () => {
  it('says a concern is not in your queue for 404, whatever the reason', () => {
    const page = errorPage({ status: 404, signedIn }).toString();
    expect(page).toContain('<h1 class="govuk-heading-l">Concern not in your queue</h1>');
    expect(page).toContain('Sign out');
  });

  it('shows a safe reason for 403, escaped, and falls back to a generic page for unknown statuses', () => {
    expect(errorPage({ status: 403, reason: `Only a manager <b>` }).toString()).toContain('Only a manager &lt;b&gt;');
    expect(errorPage({ status: 418 }).toString()).toContain('Sorry, there is a problem with the service');
  });
});
