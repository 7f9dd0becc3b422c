/** What a channel can show. The only place that knows channel names. */
export interface ChannelProfile {
  /** Buttons (suggested actions) and cards. When false: plain text with numbered options. */
  rich: boolean;
  /** Longest single message the channel takes; longer replies are split. */
  maxMessageLength: number;
  /** Where the words are read: a web page (web chat), or a phone's messages (SMS, WhatsApp). */
  kind: 'web' | 'text';
  /** Which messaging channel, for answers written for one of them; undefined for web chat and unknown channels. */
  messaging: 'sms' | 'whatsapp' | undefined;
}

const RICH: ChannelProfile = { rich: true, maxMessageLength: 4000, kind: 'web', messaging: undefined };

const PROFILES: Readonly<Record<string, ChannelProfile>> = {
  webchat: RICH,
  directline: RICH,
  emulator: RICH,
  msteams: RICH,
  test: RICH,
  // Twilio joins SMS segments up to 1,600 characters; keep each message within that.
  sms: { rich: false, maxMessageLength: 1600, kind: 'text', messaging: 'sms' },
  whatsapp: { rich: false, maxMessageLength: 4096, kind: 'text', messaging: 'whatsapp' },
};

/** Unknown channels get plain text within SMS limits: the safe choice when we cannot know what renders. */
const FALLBACK: ChannelProfile = { rich: false, maxMessageLength: 1600, kind: 'text', messaging: undefined };

export function channelProfile(channelId: string | undefined): ChannelProfile {
  return (channelId && PROFILES[channelId.toLowerCase()]) || FALLBACK;
}

/** The channel's id, lower case, when it is one named here; otherwise 'other'. A closed value (a metric's label). */
export function knownChannel(channelId: string | undefined): string {
  const id = channelId?.toLowerCase();
  return id !== undefined && Object.hasOwn(PROFILES, id) ? id : 'other';
}
