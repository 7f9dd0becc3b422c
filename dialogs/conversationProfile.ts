import type { StatePropertyAccessor } from 'botbuilder';
import type { Audience } from '../src/shell/audience';
import type { AreaId } from '../src/signposting/areas';

/** What the bot remembers about this conversation (expires with it). Never a name or a contact detail. */
export interface ConversationProfile {
  audience?: Audience;
  welcomed?: boolean;
  /** The council area the user named, for the right local number. Coarse, never an address. */
  area?: AreaId;
  /** The safety check found immediate danger or self-harm in this chat: a report sent later is urgent. */
  urgent?: boolean;
  /** A young person told us about their own exploitation in this chat. */
  disclosed?: boolean;
}

export type ProfileAccessor = StatePropertyAccessor<ConversationProfile>;
