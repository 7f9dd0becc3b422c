import type { StatePropertyAccessor } from 'botbuilder';
import type { Audience } from '../src/shell/audience';

/** What the bot remembers about this conversation (expires with it). Never a name or a contact detail. */
export interface ConversationProfile {
  audience?: Audience;
  welcomed?: boolean;
}

export type ProfileAccessor = StatePropertyAccessor<ConversationProfile>;
