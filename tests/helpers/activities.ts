import { randomUUID } from 'node:crypto';

export interface ActivityOverrides {
  channelId?: string;
  conversationId?: string;
  userId?: string;
  [field: string]: unknown;
}

/** A message activity as a channel would POST it, asking for replies in the HTTP response. */
export function messageActivity(text: string, o: ActivityOverrides = {}): Record<string, unknown> {
  const { channelId = 'webchat', conversationId = randomUUID(), userId = 'user-1', ...rest } = o;
  return {
    type: 'message',
    id: randomUUID(),
    text,
    channelId,
    serviceUrl: 'http://127.0.0.1:9',
    conversation: { id: conversationId },
    from: { id: userId },
    recipient: { id: 'clearsight-bot' },
    deliveryMode: 'expectReplies',
    ...rest,
  };
}

/** The conversationUpdate a channel sends when a user opens the chat. */
export function joinActivity(o: ActivityOverrides = {}): Record<string, unknown> {
  const { channelId = 'webchat', conversationId = randomUUID(), userId = 'user-1', ...rest } = o;
  return {
    type: 'conversationUpdate',
    channelId,
    serviceUrl: 'http://127.0.0.1:9',
    conversation: { id: conversationId },
    from: { id: userId },
    recipient: { id: 'clearsight-bot' },
    membersAdded: [{ id: userId }, { id: 'clearsight-bot' }],
    deliveryMode: 'expectReplies',
    ...rest,
  };
}
