import type { IncomingMessage } from 'node:http';
import { HttpError } from './httpError';

/** A submitted HTML form: each field once, as text. */
export type FormFields = Record<string, string>;

const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * Reads an HTML form post (application/x-www-form-urlencoded, UTF-8) of at most maxBytes: 415 for any other
 * content type, 413 when too large, 400 when a field is sent twice. The caller parses the fields with a
 * strict schema.
 */
export async function readFormBody(req: IncomingMessage, maxBytes: number): Promise<FormFields> {
  if (!isForm(req.headers['content-type'])) {
    req.resume();
    throw new HttpError(415, 'unsupported_media_type', 'Send the form as application/x-www-form-urlencoded.');
  }
  const raw = await readText(req, maxBytes);
  const fields: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const [name, value] of new URLSearchParams(raw)) {
    if (seen.has(name)) throw new HttpError(400, 'bad_request', 'A form field was sent more than once.');
    seen.add(name);
    fields.push([name, value]);
  }
  // fromEntries defines own properties, so a field named "__proto__" is just a field.
  return Object.fromEntries(fields);
}

function isForm(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type, ...params] = contentType.split(';').map((p) => p.trim().toLowerCase());
  if (type !== FORM_TYPE) return false;
  const charset = params.find((p) => p.startsWith('charset='));
  return charset === undefined || charset.replace(/"/g, '') === 'charset=utf-8';
}

async function readText(req: IncomingMessage, maxBytes: number): Promise<string> {
  const tooLarge = () => new HttpError(413, 'too_large', `The form is larger than ${maxBytes} bytes.`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
