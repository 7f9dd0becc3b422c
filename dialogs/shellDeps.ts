import type { ServiceDirectory } from '../src/signposting/serviceDirectory';
import type { ShellContent } from '../src/shell/shellContent';
import type { ProfileAccessor } from './conversationProfile';

/** What the shell's dialogs need, built once at start-up and passed down. */
export interface ShellDeps {
  content: ShellContent;
  services: ServiceDirectory;
  profile: ProfileAccessor;
}
