import { ConversationState } from 'botbuilder';
import { DialogTestClient, DialogTestLogger } from 'botbuilder-testing';
import { AboutYouDialog } from '../../dialogs/aboutYouDialog';
import type { ConversationProfile } from '../../dialogs/conversationProfile';
import { MemoryStorage } from '../../src/storage/memoryStorage';
import { botDeps, shellContent } from '../helpers/transcript';

function client(channelId: string) {
  const state = new ConversationState(new MemoryStorage(3600_000));
  const profile = state.createProperty<ConversationProfile>('profile');
  const dialog = new AboutYouDialog({ ...botDeps(), profile });
  const silent = new DialogTestLogger({ log: () => undefined });
  return { client: new DialogTestClient(channelId, dialog, undefined, [silent], state), profile };
}

describe('AboutYouDialog (botbuilder-testing DialogTestClient)', () => {
  it('asks, records the answer and ends with the audience in the profile', async () => {
    const { client: c } = client('webchat');
    const ask = await c.sendActivity('hi');
    expect(ask.text).toBe(shellContent.aboutYou.prompt);
    const thanks = await c.sendActivity('Parent or carer');
    expect(thanks.text).toBe(shellContent.aboutYou.thanks.parent);
    expect(c.dialogTurnResult.status).toBe('complete');
  });

  it('on SMS lists numbered options and accepts "4" as "rather not say"', async () => {
    const { client: c } = client('sms');
    const ask = await c.sendActivity('hi');
    expect(ask.text).toMatch(/4\. I'd rather not say/);
    const reply = await c.sendActivity('4');
    expect(reply.text).toBe(shellContent.aboutYou.thanks.skip);
    expect(c.dialogTurnResult.status).toBe('complete');
  });
});
