/** The built-in Direct Line over plain HTTP, against any running server: for restart and two-server tests. */
export interface Grant {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl?: string;
}

export type Polled = { activities: Array<Record<string, unknown>>; watermark: string };

export async function startChat(url: string): Promise<Grant> {
  const res = await fetch(`${url}/v3/directline/conversations`, { method: 'POST' });
  if (res.status !== 201) throw new Error(`start answered ${res.status}`);
  return (await res.json()) as Grant;
}

/** Posts a message; resolves with the response (it comes once the bot has answered). */
export function say(url: string, grant: Grant, text: string, clientActivityID = `c-${Math.random()}`): Promise<Response> {
  return fetch(`${url}/v3/directline/conversations/${grant.conversationId}/activities`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${grant.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text, channelData: { clientActivityID } }),
  });
}

export async function pollChat(url: string, grant: Grant, watermark = ''): Promise<{ status: number; body?: Polled }> {
  const res = await fetch(`${url}/v3/directline/conversations/${grant.conversationId}/activities?watermark=${watermark}`, {
    headers: { Authorization: `Bearer ${grant.token}` },
  });
  return { status: res.status, body: res.status === 200 ? ((await res.json()) as Polled) : undefined };
}

/** Polls until an activity matches, for up to 30 s; returns everything collected so far and the watermark. */
export async function pollUntil(url: string, grant: Grant, found: (a: Record<string, unknown>) => boolean, watermark = ''): Promise<Polled> {
  const collected: Array<Record<string, unknown>> = [];
  const deadline = Date.now() + 30_000;
  let mark = watermark;
  while (Date.now() < deadline) {
    const { status, body } = await pollChat(url, grant, mark);
    if (status !== 200 || !body) throw new Error(`poll answered ${status}`);
    collected.push(...body.activities);
    mark = body.watermark;
    if (collected.some(found)) return { activities: collected, watermark: mark };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the activity did not arrive within 30 s');
}

export const fromBot = (a: Record<string, unknown>) => (a.from as { role?: string } | undefined)?.role === 'bot';
