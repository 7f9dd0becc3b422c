import { alertMessage } from '../../src/alerts/alertMessage';

describe('alertMessage', () => {
  it('says a new urgent concern in one plain line, with the reference, agency and urgency', () => {
    expect(alertMessage({ kind: 'urgent', ref: 'ABCD-EFGH-JKLM-NPQR', agency: 'barnsley-front-door' })).toEqual({
      text: 'Clearsight: new URGENT concern ABCD-EFGH-JKLM-NPQR for barnsley-front-door. Open the triage console.',
      ref: 'ABCD-EFGH-JKLM-NPQR',
      agency: 'barnsley-front-door',
      urgency: 'urgent',
    });
  });

  it('says an overdue concern in one plain line', () => {
    expect(alertMessage({ kind: 'overdue', ref: 'WXYZ-2345-6789-ABCD', agency: 'sheffield-childrens' })).toEqual({
      text: 'Clearsight: concern WXYZ-2345-6789-ABCD for sheffield-childrens is OVERDUE: no decision recorded within its due time.',
      ref: 'WXYZ-2345-6789-ABCD',
      agency: 'sheffield-childrens',
      urgency: 'overdue',
    });
  });

  it('carries only its four fields, even when handed an object with more in it', () => {
    const richer = { kind: 'urgent' as const, ref: 'ABCD-EFGH-JKLM-NPQR', agency: 'barnsley-front-door', worry: 'what the reporter wrote' };
    const message = alertMessage(richer);
    expect(Object.keys(message).sort()).toEqual(['agency', 'ref', 'text', 'urgency']);
    expect(JSON.stringify(message)).not.toContain('what the reporter wrote');
    expect(message.text).not.toContain('\n');
  });
});
