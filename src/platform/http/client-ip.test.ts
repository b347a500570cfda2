import { describe, expect, it } from 'vitest';
import { clientKey } from './client-ip';

describe('clientKey', () => {
  it('keeps IPv4 and unwraps IPv4-mapped IPv6', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });
  it('groups IPv6 by /64 however the address is written', () => {
    const a = clientKey('2001:db8:abcd:12::1');
    expect(a).toBe('2001:db8:abcd:12::/64');
    expect(clientKey('2001:0db8:abcd:0012:ffff:1:2:3')).toBe(a);
    expect(clientKey('2001:db8:abcd:13::1')).not.toBe(a);
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });
  it('puts anything that is no address into one shared bucket', () => {
    // TRUST_PROXY=true takes the address from a header a client may write: made-up text must not open a
    // fresh counter per request.
    expect(clientKey('unknown')).toBe('not-an-ip');
    expect(clientKey('1.2.3')).toBe('not-an-ip');
    expect(clientKey('')).toBe('not-an-ip');
  });
});
