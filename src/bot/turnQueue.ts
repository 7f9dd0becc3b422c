import type { TurnLock } from './turnLock';

/**
 * Runs the turns of one conversation one after another (a burst of SMS cannot clobber state), while
 * different conversations run in parallel; with a lock (Redis), one at a time across every server too.
 * Also tells shutdown when every in-flight turn has finished.
 */
export class TurnQueue {
  private readonly tails = new Map<string, Promise<unknown>>();
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly lock?: TurnLock) {}

  run<T>(key: string, turn: () => Promise<T>): Promise<T> {
    this.inFlight += 1;
    const previous = this.tails.get(key) ?? Promise.resolve();
    // In this process the queue keeps the order; the lock only keeps other servers out.
    const { lock } = this;
    const guarded = lock ? () => lock.around(key, turn) : turn;
    const result = previous.then(guarded, guarded);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    });
    return result;
  }

  get size(): number {
    return this.inFlight;
  }

  /** Resolves once no turn is running or queued. */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
