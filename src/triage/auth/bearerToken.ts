import { STAFF_ID } from '../../staff/staffAccount';

/** Splits `Authorization: Bearer <sign-in name>.<password>`; undefined when the header is not that shape. */
export function parseBearer(authorization: string | undefined): { id: string; password: string } | undefined {
  const match = /^Bearer ([^\s.]+)\.(\S{8,200})$/i.exec(authorization?.trim() ?? '');
  if (!match?.[1] || !match[2] || !STAFF_ID.test(match[1])) return undefined;
  return { id: match[1], password: match[2] };
}
