import { concernPage } from '../../../src/triage/console/concernPage';
import {
  caller,
  detailOf,
  ESCAPED_IMG,
  ESCAPED_SCRIPT,
  expectInert,
  hostileConcern,
  itemOf,
  manager,
  NOW,
  pageOptions,
} from './consoleFixtures';

describe('concernPage', () => {
  const concern = hostileConcern();
  const page = concernPage(pageOptions(concern)).toString();

  it('shows every piece of reporter and staff text as escaped text, never as markup', () => {
    expectInert(page);
    for (const text of [
      `Line one<br>${ESCAPED_SCRIPT}`,
      `<dd class="govuk-summary-list__value">${ESCAPED_IMG}</dd>`,
      `07700 900123 ${ESCAPED_IMG}`,
      `I agree ${ESCAPED_SCRIPT}`,
      `Added ${ESCAPED_IMG}`,
      `Asked ${ESCAPED_SCRIPT}`,
      `Replied ${ESCAPED_IMG}`,
      `Note ${ESCAPED_SCRIPT}`,
      `Because ${ESCAPED_IMG}`,
      `Earlier ${ESCAPED_SCRIPT}`,
      `Wrong area ${ESCAPED_IMG}`,
      'Sam &lt;b&gt;Duty&lt;/b&gt;',
    ]) {
      expect(page).toContain(text);
    }
  });

  it('shows the reference, urgency, contact, language, channel and removed-details count', () => {
    expect(page).toContain(`${concern.ref}</h1>`);
    expect(page).toContain('The reporter said someone is in danger now');
    expect(page).toContain('They agreed to be contacted');
    expect(page).toContain('English (99% sure, local detection)');
    expect(page).toContain('webchat');
    expect(page).toMatch(/Own details removed<\/dt><dd[^>]*>2 /);
    expect(page).toContain('Not answered');
  });

  it('says when the reporter is anonymous', () => {
    const anon = concernPage(pageOptions(hostileConcern({ reporter: { mode: 'anonymous' } }))).toString();
    expect(anon).toContain('Anonymous: they did not give a way to reach them');
    expect(anon).not.toContain('They agreed to be contacted');
  });

  it('shows times in London words inside <time datetime>', () => {
    expect(page).toContain('<time datetime="2026-11-23T10:00:00.000Z">Mon 23 Nov, 10:00</time>');
  });

  it('shows a due clock: the time left, or OVERDUE and how late', () => {
    const open = hostileConcern({ triage: { ...hostileConcern().triage, outcome: null } });
    const dueSoon = concernPage(pageOptions(open, { detail: detailOf(open, itemOf(open, { dueAt: '2026-11-23T14:50:00.000Z', outcome: null })) })).toString();
    expect(dueSoon).toContain('in 45 minutes');
    const late = concernPage(pageOptions(open, { detail: detailOf(open, itemOf(open, { overdue: true, outcome: null })) })).toString();
    expect(late).toMatch(/govuk-tag--red">Overdue<\/strong>/);
    expect(late).toContain('3 hours 5 minutes ago');
  });

  it('has a form for every action, each with the CSRF token (escaped) and a label for every control', () => {
    for (const action of ['claim', 'notes', 'question', 'outcome', 'close']) {
      expect(page).toContain(`action="/triage/concerns/${concern.ref}/${action}"`);
    }
    expect(page.match(/name="csrf" value="tok&quot;en&lt;"/g)?.length).toBe(6); // five actions and sign-out
    const ids = [...page.matchAll(/<(?:textarea|select|input)[^>]*\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(8);
    for (const id of ids) expect(page).toContain(`for="${id}"`);
    expect(page).toMatch(/<legend[^>]*>Category<\/legend>/);
    expect(page).toMatch(/<legend[^>]*>Risk rating<\/legend>/);
  });

  it('shows the transfer form only to managers', () => {
    expect(page).not.toContain('/transfer"');
    const asManager = concernPage(pageOptions(concern, { caller: manager })).toString();
    expect(asManager).toContain(`action="/triage/concerns/${concern.ref}/transfer"`);
    expect(asManager).toContain('<option value="south-yorkshire-police">South Yorkshire Police &lt;intel&gt;</option>');
  });

  it('offers release to the claim holder and says who holds someone else\u2019s claim', () => {
    const claim = { by: caller.staffId, at: NOW.toISOString(), until: '2026-11-23T15:05:00.000Z' };
    const mine = hostileConcern({ triage: { ...hostileConcern().triage, claim } });
    const held = concernPage(pageOptions(mine, { detail: detailOf(mine, itemOf(mine, { claimedBy: caller.staffId })) })).toString();
    expect(held).toContain('/release"');
    expect(held).not.toContain('/claim"');
    const theirs = concernPage(pageOptions(mine, { detail: detailOf(mine, itemOf(mine, { claimedBy: 'alex-other' })) })).toString();
    expect(theirs).toContain('alex-other is working on this until');
  });

  it('shows no action forms on a closed concern', () => {
    const closed = hostileConcern({ status: 'closed' });
    const out = concernPage(pageOptions(closed)).toString();
    expect(out).toContain('This concern is closed.');
    expect(out).not.toContain('/claim"');
  });

  it('shows the audit trail with closed values in words', () => {
    expect(page).toContain('Recorded an outcome');
    expect(page).toContain('Outcome: Early help; Risk: Amber: medium risk');
    expect(page).toContain('From: Agency barnsley-front-door; To: Agency south-yorkshire-police');
  });

  it('shows a refusal as an error summary linking to the control, and what was typed (escaped)', () => {
    const out = concernPage(
      pageOptions(concern, { errors: [{ text: 'Enter a rationale', field: 'outcome-rationale' }], values: { 'outcome-rationale': `<b>x</b>`, 'outcome-rag': 'red' } }),
    ).toString();
    expect(out).toContain('<title>Error: Concern');
    expect(out).toContain('<a href="#outcome-rationale">Enter a rationale</a>');
    expect(out).toContain('aria-describedby="outcome-rationale-hint outcome-rationale-error"');
    expect(out).toContain('&lt;b&gt;x&lt;/b&gt;</textarea>');
    expect(out).toMatch(/value="red" checked>/);
  });

  it('confirms what was just done', () => {
    expect(concernPage(pageOptions(concern, { done: 'claimed' })).toString()).toContain('You have claimed this concern');
  });
});
