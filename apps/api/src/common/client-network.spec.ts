import { describe, expect, it } from 'vitest';
import { clientNetwork } from './client-network';

describe('clientNetwork', () => {
  it('keeps the /24 of an IPv4 address', () => {
    expect(clientNetwork('203.0.113.77')).toBe('203.0.113.0/24');
    expect(clientNetwork('::ffff:198.51.100.9')).toBe('198.51.100.0/24');
  });

  it('keeps the /48 of an IPv6 address', () => {
    expect(clientNetwork('2001:db8:abcd:12:1:2:3:4')).toBe('2001:db8:abcd::/48');
    expect(clientNetwork('2001:0db8::1')).toBe('2001:db8::/48');
    expect(clientNetwork('::1')).toBe('::/48');
    expect(clientNetwork('2001:0:1::9')).toBe('2001:0:1::/48');
  });

  it('keeps what is no address', () => {
    expect(clientNetwork('local')).toBe('local');
  });
});
