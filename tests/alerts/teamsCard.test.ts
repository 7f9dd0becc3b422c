import { teamsCard } from '../../src/alerts/teamsCard';
import { webhookBody } from '../../src/alerts/webhookBody';
import { alertMessage } from '../../src/alerts/alertMessage';

const URGENT = { kind: 'urgent' as const, ref: 'ABCD-EFGH-JKLM-NPQR', agency: 'rotherham-mash' };

/** The card a Teams Workflows webhook gets for an alert, as documented for "When a Teams webhook request is received". */
function expectedCard(title: string, next: string, ref: string, agency: string): unknown {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: title, wrap: true, size: 'Large', weight: 'Bolder' },
            {
              type: 'FactSet',
              facts: [
                { title: 'Reference', value: ref },
                { title: 'Agency', value: agency },
              ],
            },
            { type: 'TextBlock', text: next, wrap: true },
          ],
        },
      },
    ],
  };
}

describe('teamsCard', () => {
  it('lays out an urgent alert as a heading, the reference and agency as facts, and the next step', () => {
    expect(teamsCard(URGENT)).toEqual(expectedCard('Clearsight: new URGENT concern', 'Open the triage console.', URGENT.ref, 'rotherham-mash'));
  });

  it('lays out an overdue alert the same way', () => {
    const overdue = { kind: 'overdue' as const, ref: 'WXYZ-2345-6789-ABCD', agency: 'sheffield-childrens' };
    expect(teamsCard(overdue)).toEqual(expectedCard('Clearsight: concern OVERDUE', 'No decision recorded within its due time.', overdue.ref, 'sheffield-childrens'));
  });

  it('holds what the Slack line holds and nothing more, even when handed an object with more in it', () => {
    const richer = { ...URGENT, worry: 'what the reporter wrote', contact: '07700 900123' };
    const card = JSON.stringify(teamsCard(richer));
    expect(card).not.toContain('what the reporter wrote');
    expect(card).not.toContain('07700');
    // Every word of the card's text is in the Slack line, bar the labels and the layout.
    const words = (text: string) => text.match(/[A-Za-z0-9-]+/g) ?? [];
    const slackWords = new Set(words(alertMessage(URGENT).text));
    const content = teamsCard(URGENT).attachments[0].content;
    const shown = content.body.flatMap((e) => (e.type === 'TextBlock' ? [e.text] : e.facts.map((f) => f.value)));
    expect(shown.flatMap(words).filter((w) => !slackWords.has(w))).toEqual([]);
  });
});

describe('webhookBody', () => {
  it('gives a Slack webhook the {text, ref, agency, urgency} message, unchanged, and a Teams one the card', () => {
    expect(webhookBody(URGENT, 'slack')).toEqual(alertMessage(URGENT));
    expect(webhookBody(URGENT, 'teams')).toEqual(teamsCard(URGENT));
  });
});
