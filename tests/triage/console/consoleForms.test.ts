import { HttpError } from '../../../src/http/httpError';
import { actionFormSchemas, formErrors, parseQuery, queueFilterOf, queueQuerySchema, refusedValues } from '../../../src/triage/console/consoleForms';

describe('console forms', () => {
  it('parses an outcome form and trims the rationale', () => {
    const parsed = actionFormSchemas.outcome.parse({ csrf: 't', category: 'early-help', rag: 'red', rationale: '  Needs help  ' });
    expect(parsed).toEqual({ csrf: 't', category: 'early-help', rag: 'red', rationale: 'Needs help' });
  });

  it('turns missing or empty fields into messages linked to their controls', () => {
    const result = actionFormSchemas.outcome.safeParse({ csrf: 't', rag: 'purple', rationale: '   ' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(formErrors('outcome', result.error)).toEqual([
      { text: 'Choose a category', field: 'outcome-category' },
      { text: 'Choose a risk rating', field: 'outcome-rag' },
      { text: 'Enter a rationale', field: 'outcome-rationale' },
    ]);
  });

  it('says how long a note may be', () => {
    const result = actionFormSchemas.notes.safeParse({ csrf: 't', text: 'x'.repeat(4001) });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(formErrors('notes', result.error)).toEqual([{ text: 'Keep a note to 4000 characters or fewer', field: 'note-text' }]);
  });

  it('treats a field the form does not have as a bad request, not a message', () => {
    const result = actionFormSchemas.claim.safeParse({ csrf: 't', by: 'someone' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(() => formErrors('claim', result.error)).toThrow(HttpError);
  });

  it('keeps what was typed by control id, never the token', () => {
    expect(refusedValues('transfer', { csrf: 'secret', to: 'x', reason: 'because' })).toEqual({ 'transfer-to': 'x', 'transfer-reason': 'because' });
  });

  it('reads the queue filter from the query, strictly', () => {
    expect(queueFilterOf(parseQuery(queueQuerySchema, '/triage?status=closed&urgent=yes&overdue=no'))).toEqual({ status: 'closed', urgent: true, overdue: false });
    expect(queueFilterOf(parseQuery(queueQuerySchema, '/triage?status=&urgent=&overdue='))).toEqual({});
    expect(() => parseQuery(queueQuerySchema, '/triage?urgent=maybe')).toThrow(HttpError);
    expect(() => parseQuery(queueQuerySchema, '/triage?limit=5')).toThrow(HttpError);
  });
});
