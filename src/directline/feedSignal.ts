/**
 * Wakes this process's open streams when one of their conversations changes here (an activity added, the
 * conversation ended). Changes made by another server are found by the stream's own regular look at the store.
 */
export class FeedSignal {
  private readonly listeners = new Map<string, Set<() => void>>();

  /** Calls `wake` on every change to the conversation until the returned function is called. */
  subscribe(conversationId: string, wake: () => void): () => void {
    const set = this.listeners.get(conversationId) ?? new Set();
    set.add(wake);
    this.listeners.set(conversationId, set);
    return () => {
      set.delete(wake);
      if (set.size === 0 && this.listeners.get(conversationId) === set) this.listeners.delete(conversationId);
    };
  }

  notify(conversationId: string): void {
    for (const wake of this.listeners.get(conversationId) ?? []) wake();
  }
}
