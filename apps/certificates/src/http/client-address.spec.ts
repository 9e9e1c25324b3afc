import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

const requestFrom = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('uses the socket peer when no proxy is trusted, whatever the client claims', () => {
    expect(clientAddress(requestFrom('10.0.0.7', '203.0.113.9'), 0)).toBe('10.0.0.7');
  });

  it('takes the entry the trusted proxy appended, not what the client put in front', () => {
    expect(clientAddress(requestFrom('10.0.0.7', '198.51.100.1, 203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(clientAddress(requestFrom('10.0.0.7', '198.51.100.1, 203.0.113.9, 10.0.0.2'), 2)).toBe('203.0.113.9');
  });

  it('falls back to the peer when the header is missing', () => {
    expect(clientAddress(requestFrom('10.0.0.7'), 1)).toBe('10.0.0.7');
  });
});
