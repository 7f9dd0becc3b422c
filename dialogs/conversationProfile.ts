import type { StatePropertyAccessor } from 'botbuilder';
import type { AnswerShape } from '../src/channels/expectedAnswer';
import type { OfferedChoices } from '../src/channels/offeredChoices';
import type { MessageLanguage } from '../src/safety/messageLanguage';
import type { AlarmKind, ReplyVariant } from '../src/safety/safetyDetector';
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
  /** The safety check was unsure and asked "Is someone in danger right now?": the message waits for the answer. */
  checkIn?: PendingCheckIn;
  /** The options the last reply offered (their words only), so that picking one is known for what it is. */
  offered?: OfferedChoices;
  /** What the last question in their own words expects (an age), so that such an answer is known for what it is. */
  expects?: AnswerShape;
  /** The other language whose block (999, interpreter, helpline) was last shown, so it is not repeated every turn. */
  languageShown?: MessageLanguage;
}

/** A message held while the check-in question waits for Yes or No (kept only until then, with the conversation). */
export interface PendingCheckIn {
  kind: AlarmKind;
  variant?: ReplyVariant;
  language?: MessageLanguage;
  /** It also read as a young person's disclosure: on No, the disclosure reply. */
  disclosure: boolean;
  text: string;
  /** How many times the question has been asked: an answer that is neither yes nor no gets it once more. */
  asked: 1 | 2;
}

export type ProfileAccessor = StatePropertyAccessor<ConversationProfile>;
