import { channelProfile } from '../../src/channels/channelProfile';

describe('channelProfile', () => {
  it.each(['webchat', 'directline', 'emulator', 'msteams'])('%s shows buttons and cards', (id) => {
    expect(channelProfile(id).rich).toBe(true);
  });
  it.each(['sms', 'whatsapp', 'somethingnew', undefined])('%s gets plain text', (id) => {
    expect(channelProfile(id).rich).toBe(false);
  });
  it('keeps SMS within 1,600 characters', () => {
    expect(channelProfile('sms').maxMessageLength).toBe(1600);
  });
});
