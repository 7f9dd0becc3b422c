/** Characters XML text and attribute values cannot hold as they are. */
function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * The webhook's answer: one <Message> per text, in order (Twilio sends each as its own SMS or WhatsApp
 * message; an SMS longer than one segment is joined on the phone). No texts: an empty <Response/>, which
 * sends nothing.
 */
export function twimlMessages(texts: readonly string[]): string {
  const head = '<?xml version="1.0" encoding="UTF-8"?>';
  if (texts.length === 0) return `${head}<Response/>`;
  return `${head}<Response>${texts.map((t) => `<Message>${escapeXml(t)}</Message>`).join('')}</Response>`;
}
