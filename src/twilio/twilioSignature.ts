import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * Twilio's request signature (X-Twilio-Signature), as Twilio documents it: Base64(HMAC-SHA1(auth token, the
 * full URL Twilio requested + each POST field's name and value, sorted by name, with nothing between)). The
 * URL is the public one Twilio called; Twilio may have signed it with or without the default port, so both
 * are tried, as Twilio's own validator does. Checked against the official `twilio` package in the tests.
 */

export function expectedSignature(authToken: string, url: string, fields: Readonly<Record<string, string>>): string {
  const signed = Object.keys(fields)
    .sort()
    .reduce((acc, name) => acc + name + fields[name], url);
  return createHmac('sha1', authToken).update(signed, 'utf8').digest('base64');
}

/** The URL with its scheme's default port written out, and without any port. */
function portVariants(url: string): string[] {
  const parsed = /^(https?:\/\/)([^/?#:]+)(:\d+)?(.*)$/i.exec(url);
  if (!parsed) return [url];
  const [, scheme, host, port, rest] = parsed;
  const withDefault = `${scheme}${host}${scheme!.toLowerCase() === 'https://' ? ':443' : ':80'}${rest}`;
  const without = `${scheme}${host}${rest}`;
  return [...new Set([url, port ? without : withDefault])];
}

/** Whether `signature` is Twilio's for this request (compared in constant time). */
export function signatureMatches(authToken: string, signature: string | undefined, url: string, fields: Readonly<Record<string, string>>): boolean {
  if (!signature) return false;
  const given = Buffer.from(signature, 'utf8');
  return portVariants(url).some((variant) => {
    const expected = Buffer.from(expectedSignature(authToken, variant, fields), 'utf8');
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
