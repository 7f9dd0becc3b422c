import { ConnectionStatus, DirectLine, type Activity, type DirectLineOptions } from 'botframework-directlinejs';
import WebSocket from 'ws';

// botframework-directlinejs is a browser library: in Node it needs XMLHttpRequest (and WebSocket for
// streams) supplied, as its README says. xhr2 is a faithful XMLHttpRequest over Node's http.
const g = globalThis as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
g.XMLHttpRequest ??= require('xhr2');
g.WebSocket ??= WebSocket;

export { ConnectionStatus };
export type { Activity };

/** An activity as it arrives on the wire, with the fields the library's types leave out. */
export type WireActivity = Activity & { recipient?: { id: string; role?: string }; replyToId?: string; text?: string };

/** The real Direct Line client against a running app, recording everything it receives. */
export class DirectLineClient {
  readonly line: DirectLine;
  readonly received: WireActivity[] = [];
  readonly statuses: ConnectionStatus[] = [];
  /** Errors the activity stream ended with ("failed to connect", "conversation ended"). */
  readonly errors: string[] = [];
  private readonly subscriptions: Array<{ unsubscribe(): void }> = [];

  constructor(baseUrl: string, options: DirectLineOptions = {}) {
    this.line = new DirectLine({ domain: `${baseUrl}/v3/directline`, webSocket: false, pollingInterval: 200, ...options });
    this.subscriptions.push(this.line.connectionStatus$.subscribe((s) => this.statuses.push(s)));
    this.subscriptions.push(
      this.line.activity$.subscribe(
        (a) => this.received.push(a),
        (err: unknown) => this.errors.push(err instanceof Error ? err.message : String(err)),
      ),
    );
  }

  get conversationId(): string {
    return (this.line as unknown as { conversationId: string }).conversationId;
  }

  get token(): string {
    return (this.line as unknown as { token: string }).token;
  }

  get watermark(): string {
    return (this.line as unknown as { watermark: string }).watermark;
  }

  /** Sends a message as Web Chat does (a clientActivityID in channelData) and resolves with the id the server gave it. */
  say(text: string, clientActivityID = `client-${Math.random().toString(36).slice(2)}`): Promise<string> {
    return new Promise((resolve, reject) => {
      this.line
        .postActivity({ type: 'message', from: { id: 'made-up-by-client', role: 'user' }, text, channelData: { clientActivityID } } as Activity)
        .subscribe(resolve, reject);
    });
  }

  /** Uses the library's own token refresh (the call its 15-minute loop makes). */
  refreshToken(): Promise<string> {
    const inner = this.line as unknown as { refreshToken(): { subscribe(next: (t: string) => void, error: (e: unknown) => void): void } };
    return new Promise((resolve, reject) => inner.refreshToken().subscribe(resolve, reject));
  }

  /** Waits until an activity received satisfies the predicate, and returns it. */
  async waitFor(predicate: (a: WireActivity) => boolean, what: string, timeoutMs = 10_000): Promise<WireActivity> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; received: ${JSON.stringify(this.received.map(brief))}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async waitForStatus(status: ConnectionStatus, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.statuses.includes(status)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for status ${ConnectionStatus[status]}; saw ${this.statuses.map((s) => ConnectionStatus[s]).join(', ')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  botTexts(): string[] {
    return this.received.filter((a) => a.from.role === 'bot' && a.type === 'message').map((a) => (a as { text?: string }).text ?? '');
  }

  end(): void {
    for (const s of this.subscriptions) s.unsubscribe();
    this.line.end();
  }
}

function brief(a: Activity): string {
  return `${a.from.role}:${a.type}:${String((a as { text?: string }).text ?? '').slice(0, 30)}`;
}
