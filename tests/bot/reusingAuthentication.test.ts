import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { ReusingAuthentication } from '../../src/bot/reusingAuthentication';

function activity(serviceUrl: string): Activity {
  return { type: 'message', channelId: 'webchat', serviceUrl, conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } } as Activity;
}

describe('ReusingAuthentication', () => {
  const local = () => new ReusingAuthentication(new ConfigurationBotFrameworkAuthentication({}));

  it('gives later turns the ConnectorClient built for the first one with the same service URL', async () => {
    const auth = local();
    const first = await auth.authenticateRequest(activity('https://a.example'), '');
    const second = await auth.authenticateRequest(activity('https://a.example'), '');
    const clientA = await first.connectorFactory!.create('https://a.example', first.audience);
    expect(await second.connectorFactory!.create('https://a.example', second.audience)).toBe(clientA);
    expect(await second.connectorFactory!.create('https://b.example', second.audience)).not.toBe(clientA);
  });

  it('keeps a bounded number of clients, dropping the oldest', async () => {
    const auth = local();
    const result = await auth.authenticateRequest(activity('https://first.example'), '');
    const factory = result.connectorFactory!;
    const first = await factory.create('https://first.example');
    for (let i = 0; i < 64; i++) await factory.create(`https://other-${i}.example`);
    expect(await factory.create('https://first.example')).not.toBe(first);
  });

  it('reuses the user token client for the same app id', async () => {
    const auth = local();
    const { claimsIdentity } = await auth.authenticateRequest(activity('https://a.example'), '');
    expect(await auth.createUserTokenClient(claimsIdentity)).toBe(await auth.createUserTokenClient(claimsIdentity));
  });

  it('still authenticates: with an app id configured, a request without a token is refused', async () => {
    const auth = new ReusingAuthentication(
      new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant' }),
    );
    await expect(auth.authenticateRequest(activity('https://a.example'), '')).rejects.toThrow();
  });
});
