import type { Concern } from '../../src/concerns/concern';
import type { ConcernStore } from '../../src/concerns/concernStore';
import { ConcernSubmitter } from '../../src/concerns/concernSubmitter';
import type { SqliteConcernStore } from '../../src/concerns/sqliteConcernStore';
import { createLogger } from '../../src/logging/logger';
import { openScratchStore } from '../../scripts/safety/botDriver';
import { sampleConcern } from '../helpers/concerns';

let scratch: ReturnType<typeof openScratchStore>;
let store: SqliteConcernStore;
beforeEach(() => {
  scratch = openScratchStore();
  store = scratch.store;
});
afterEach(() => {
  scratch.close();
});

/** The real embedded store, but its submit fails `failures` times first, as an unreachable store would. */
function failingFirst(target: ConcernStore, failures: number): ConcernStore {
  const wrapped: ConcernStore = Object.create(target) as ConcernStore;
  let left = failures;
  wrapped.submit = (c: Concern) => (left-- > 0 ? Promise.reject(new Error('ECONNREFUSED')) : target.submit(c));
  return wrapped;
}

describe('ConcernSubmitter onFailed', () => {
  const logger = createLogger('silent');
  const count = () => {
    const calls = { stored: 0, failed: 0 };
    return { calls, onStored: () => void (calls.stored += 1), onFailed: () => void (calls.failed += 1) };
  };

  it('is called once when every attempt failed and the submit ends not stored', async () => {
    const { calls, ...hooks } = count();
    const submitter = new ConcernSubmitter(failingFirst(store, 10), logger, { attempts: 3, firstDelayMs: 1, ...hooks });
    expect(await submitter.submit(sampleConcern())).toEqual({ stored: false, kept: false });
    expect(calls).toEqual({ stored: 0, failed: 1 });
  });

  it('is not called when a retry within the turn stores it', async () => {
    const { calls, ...hooks } = count();
    const submitter = new ConcernSubmitter(failingFirst(store, 2), logger, { attempts: 3, firstDelayMs: 1, ...hooks });
    expect(await submitter.submit(sampleConcern())).toMatchObject({ stored: true });
    expect(calls).toEqual({ stored: 1, failed: 0 });
  });

  it('is optional: a submitter without it fails as before', async () => {
    const submitter = new ConcernSubmitter(failingFirst(store, 10), logger, { attempts: 2, firstDelayMs: 1 });
    expect(await submitter.submit(sampleConcern())).toEqual({ stored: false, kept: false });
  });
});
