import { MemorySessionStore } from '../../src/staff/memorySessionStore';
import { describeSessionStoreContract, TIMEOUTS } from './sessionStoreContract';

describeSessionStoreContract('MemorySessionStore', async () => new MemorySessionStore(TIMEOUTS), async () => undefined);

describe('MemorySessionStore options', () => {
  it('refuses timeouts that cannot work when it is built', () => {
    expect(() => new MemorySessionStore({ idleMs: 0, absoluteMs: 1000 })).toThrow(/idle timeout/);
    expect(() => new MemorySessionStore({ idleMs: 60_000, absoluteMs: 1000 })).toThrow(/absolute timeout/);
    expect(() => new MemorySessionStore({ idleMs: Number.NaN, absoluteMs: 1000 })).toThrow(/idle timeout/);
  });
});
