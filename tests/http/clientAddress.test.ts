import type { IncomingMessage } from 'node:http';
import { clientAddress } from '../../src/http/clientAddress';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('uses the socket address when no proxy is trusted, whatever the header says', () => {
    expect(clientAddress(request('10.0.0.5', '203.0.113.1'), 0)).toBe('10.0.0.5');
  });

  it('takes the entry the trusted proxies added, not what the client wrote further left', () => {
    expect(clientAddress(request('10.0.0.5', '198.51.100.1, 203.0.113.1'), 1)).toBe('203.0.113.1');
    expect(clientAddress(request('10.0.0.5', '198.51.100.1, 203.0.113.1, 10.0.0.4'), 2)).toBe('203.0.113.1');
    expect(clientAddress(request('10.0.0.5', '203.0.113.1'), 3)).toBe('203.0.113.1');
    expect(clientAddress(request('10.0.0.5'), 1)).toBe('10.0.0.5');
  });
});
