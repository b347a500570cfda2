import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, newTotpSecret, totpAt, verifyTotp } from './totp';

describe('TOTP', () => {
  // RFC 4226 appendix D and RFC 6238 appendix B test vectors.
  const rfcKey = Buffer.from('12345678901234567890');
  it('matches the RFC 4226 HOTP vectors', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    for (const [counter, code] of expected.entries()) expect(hotp(rfcKey, counter)).toBe(code);
  });
  it('matches the RFC 6238 SHA-1 vectors (last six digits)', () => {
    const secret = base32Encode(rfcKey);
    expect(totpAt(secret, 59_000)).toBe('287082');
    expect(totpAt(secret, 1111111109_000)).toBe('081804');
    expect(totpAt(secret, 1234567890_000)).toBe('005924');
    expect(totpAt(secret, 2000000000_000)).toBe('279037');
  });
  it('round-trips base32', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 40 }), (bytes) => {
        expect([...base32Decode(base32Encode(bytes))]).toEqual([...bytes]);
      }),
    );
  });
  it('accepts ±1 step, refuses replays and wrong codes', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(verifyTotp(secret, totpAt(secret, now), now, null)).toBe(step);
    expect(verifyTotp(secret, totpAt(secret, now - 30_000), now, null)).toBe(step - 1);
    expect(verifyTotp(secret, totpAt(secret, now - 90_000), now, null)).toBeNull();
    expect(verifyTotp(secret, totpAt(secret, now), now, step)).toBeNull();
    expect(verifyTotp(secret, '12345', now, null)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', now, null)).toBeNull();
  });
});
