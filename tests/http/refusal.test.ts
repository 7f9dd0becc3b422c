import { asHttpError, HttpError } from '../../src/http/httpError';
import { isRefusal } from '../../src/http/refusal';

class DomainRefusal extends Error {
  constructor(
    readonly refusal: string,
    readonly code: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

describe('refusals', () => {
  it('recognises any error that carries a known refusal kind, a code and a reason', () => {
    expect(isRefusal(new DomainRefusal('conflict', 'claimed', 'Someone else has it.'))).toBe(true);
    expect(isRefusal(new DomainRefusal('teapot', 'x', 'y'))).toBe(false);
    expect(isRefusal({ refusal: 'conflict', code: 'x', reason: 'y' })).toBe(false);
    expect(isRefusal(new Error('plain'))).toBe(false);
  });

  it('answers each kind with its status, the code and the reason', () => {
    const answers = ['not-found', 'conflict', 'forbidden', 'invalid'].map((kind) => asHttpError(new DomainRefusal(kind, 'c', 'r')) as HttpError);
    expect(answers.map((a) => [a.status, a.code, a.reason])).toEqual([
      [404, 'c', 'r'],
      [409, 'c', 'r'],
      [403, 'c', 'r'],
      [400, 'c', 'r'],
    ]);
    const plain = new Error('internal detail');
    expect(asHttpError(plain)).toBe(plain);
  });
});
