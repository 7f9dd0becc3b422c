import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { sendReply } from '../src/channels/sendReply';
import { helpNowText } from '../src/shell/shellContent';
import { DialogIds } from './dialogIds';
import type { ShellDeps } from './shellDeps';

/** Lists where to get help now, chosen for who the user said they are. */
export class HelpNowDialog extends Dialog {
  constructor(private readonly deps: ShellDeps) {
    super(DialogIds.helpNow);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { audience } = await this.deps.profile.get(dc.context, {});
    await sendReply(dc.context, { text: helpNowText(this.deps.content, this.deps.services, audience) });
    return dc.endDialog();
  }
}
