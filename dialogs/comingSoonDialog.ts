import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { sendReply } from '../src/channels/sendReply';

/**
 * Stands in for a capability that a later piece of work builds. It says so plainly and gives a real
 * number to ring meanwhile, then hands back to the menu.
 */
export class ComingSoonDialog extends Dialog {
  constructor(
    id: string,
    private readonly text: string,
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await sendReply(dc.context, { text: this.text });
    return dc.endDialog();
  }
}
