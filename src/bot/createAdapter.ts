import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Config } from '../config/config';
import { ReusingAuthentication } from './reusingAuthentication';

/**
 * The Bot Framework adapter. With no MicrosoftAppId it accepts unauthenticated requests (local mode,
 * refused in production by the config); with one, requests need a valid Bot Framework token.
 * Outbound clients are reused across turns (see ReusingAuthentication).
 */
export function createAdapter(config: Config): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  });
  return new CloudAdapter(new ReusingAuthentication(auth));
}
