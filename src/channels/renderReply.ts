import { ActionTypes, ActivityTypes, CardFactory, type Activity } from 'botbuilder';
import type { ChannelProfile } from './channelProfile';
import type { Reply } from './reply';
import { toGsm7 } from './gsm7';
import { splitText } from './splitText';

/** Turns a channel-neutral Reply into the activities this channel can show. */
export function renderReply(reply: Reply, profile: ChannelProfile): Partial<Activity>[] {
  return profile.rich ? renderRich(reply, profile) : renderPlain(reply, profile);
}

function renderRich(reply: Reply, profile: ChannelProfile): Partial<Activity>[] {
  const texts = splitText(reply.text, profile.maxMessageLength);
  const activities: Partial<Activity>[] = texts.map((text) => ({ type: ActivityTypes.Message, text }));
  const last = activities[activities.length - 1] ?? { type: ActivityTypes.Message, text: '' };
  if (activities.length === 0) activities.push(last);
  if (reply.links?.length) {
    last.attachments = [
      CardFactory.heroCard(
        '',
        undefined,
        reply.links.map((l) => ({ type: ActionTypes.OpenUrl, title: l.title, value: l.url })),
      ),
    ];
  }
  if (reply.choices?.length) {
    last.suggestedActions = {
      to: [],
      actions: reply.choices.map((c) => ({ type: ActionTypes.ImBack, title: c.label, value: c.label })),
    };
  }
  return activities;
}

function renderPlain(reply: Reply, profile: ChannelProfile): Partial<Activity>[] {
  const sections = [reply.text];
  if (reply.links?.length) sections.push(reply.links.map((l) => `${l.title}: ${l.url}`).join('\n'));
  if (reply.choices?.length && !reply.choicesInText) {
    sections.push(
      `Reply with a number:\n${reply.choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n')}`,
    );
  }
  // Read on a phone: written in GSM-7 where the words allow, so a stray curly quote never triples the cost.
  const written = profile.kind === 'text' ? toGsm7(sections.join('\n\n')) : sections.join('\n\n');
  return splitText(written, profile.maxMessageLength).map((text) => ({
    type: ActivityTypes.Message,
    text,
  }));
}
