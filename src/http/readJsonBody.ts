import type { IncomingMessage } from 'node:http';
import { HttpError } from './httpError';

/**
 * Reads a request body of at most maxBytes and parses it as JSON; 413 or 400 otherwise. With `emptyAs`,
 * an empty body stands for that value (for actions that take no fields).
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number, options: { emptyAs?: unknown } = {}): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    throw new HttpError(413, 'too_large', `The request body is larger than ${maxBytes} bytes.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, 'too_large', `The request body is larger than ${maxBytes} bytes.`);
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  if (raw.trim() === '' && 'emptyAs' in options) return options.emptyAs;
  if (raw.trim() === '') throw new HttpError(400, 'bad_request', 'The request body is empty.');
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new HttpError(400, 'bad_request', 'The request body is not valid JSON.');
  }
}
