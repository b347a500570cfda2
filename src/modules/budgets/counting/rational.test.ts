import { describe, expect, it } from 'vitest';
import { cmp, floor, parseDecimal, parseRational, rat, toExactDecimal, toExactString, toFixed } from './rational';

describe('rational', () => {
  it('parses decimals exactly', () => {
    expect(parseDecimal('1607513.56')).toEqual(rat(160751356n, 100n));
    expect(parseDecimal('400000.0')).toEqual(rat(400000n));
    expect(parseDecimal(' 0,5 ')).toEqual(rat(1n, 2n));
    expect(parseDecimal('-3')).toEqual(rat(-3n));
    for (const bad of ['', '1e5', '1.000,00', '.5', '5.', 'abc', '1 000']) expect(parseDecimal(bad)).toBeNull();
    expect(parseRational('40187839/25')).toEqual(parseDecimal('1607513.56'));
    expect(parseRational('1/0')).toBeNull();
  });

  it('formats exactly when the decimal terminates, else as a fraction', () => {
    expect(toExactDecimal(rat(160751356n, 100n))).toBe('1607513.56');
    expect(toExactDecimal(rat(-1n, 8n))).toBe('-0.125');
    expect(toExactDecimal(rat(1n, 3n))).toBeNull();
    expect(toExactString(rat(2n, 6n))).toBe('1/3');
    expect(toExactString(rat(0n))).toBe('0');
  });

  it('rounds half away from zero for display', () => {
    expect(toFixed(rat(1n, 3n), 2)).toBe('0.33');
    expect(toFixed(rat(5n, 8n), 2)).toBe('0.63');
    expect(toFixed(rat(-5n, 8n), 2)).toBe('-0.63');
    expect(toFixed(rat(1n, 200n), 2)).toBe('0.01');
    expect(toFixed(rat(7n, 2n), 0)).toBe('4');
  });

  it('compares by cross-multiplication and floors negatives correctly', () => {
    // 0.1 + 0.2 vs 0.3 is exactly equal here, unlike in floating point.
    expect(cmp(rat(3n, 10n), parseDecimal('0.3') ?? rat(0n))).toBe(0);
    expect(floor(rat(7n, 2n))).toBe(3n);
    expect(floor(rat(-7n, 2n))).toBe(-4n);
  });
});
