import type { Alert, AlertKind } from './alert';

/** An Adaptive Card element this card uses: a line of text, or label-value facts. */
type CardElement =
  | { type: 'TextBlock'; text: string; wrap: true; size?: 'Large'; weight?: 'Bolder' }
  | { type: 'FactSet'; facts: Array<{ title: string; value: string }> };

/** The body a Teams Workflows webhook ("When a Teams webhook request is received") posts as a card. */
export interface TeamsCardMessage {
  type: 'message';
  attachments: [
    {
      contentType: 'application/vnd.microsoft.card.adaptive';
      contentUrl: null;
      content: {
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
        type: 'AdaptiveCard';
        version: '1.4';
        body: CardElement[];
      };
    },
  ];
}

const WORDS: Record<AlertKind, { title: string; next: string }> = {
  urgent: { title: 'Clearsight: new URGENT concern', next: 'Open the triage console.' },
  overdue: { title: 'Clearsight: concern OVERDUE', next: 'No decision recorded within its due time.' },
};

/**
 * The alert as an Adaptive Card: what the Slack line says (kind, reference, agency), laid out as a
 * heading, facts and the next step. Built field by field from the alert alone, like the Slack message,
 * so nothing the reporter wrote, and nothing that identifies anyone, can reach the duty channel.
 */
export function teamsCard({ kind, ref, agency }: Alert): TeamsCardMessage {
  const words = WORDS[kind];
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
            // No `style: "heading"`: TextBlock styles came with card version 1.5, and this card says 1.4.
            { type: 'TextBlock', text: words.title, wrap: true, size: 'Large', weight: 'Bolder' },
            {
              type: 'FactSet',
              facts: [
                { title: 'Reference', value: ref },
                { title: 'Agency', value: agency },
              ],
            },
            { type: 'TextBlock', text: words.next, wrap: true },
          ],
        },
      },
    ],
  };
}
