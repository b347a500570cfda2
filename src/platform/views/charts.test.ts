import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearScale, niceMax } from './charts';

describe('chart scaling', () => {
  it('property: a linear scale maps the domain ends to the range ends and keeps order', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (d0, width, a, b) => {
          const s = linearScale(d0, d0 + width, 300, 20);
          expect(s(d0)).toBeCloseTo(300, 6);
          expect(s(d0 + width)).toBeCloseTo(20, 6);
          const x = d0 + a * width;
          const y = d0 + b * width;
          if (x < y) expect(s(x)).toBeGreaterThanOrEqual(s(y) - 1e-9);
          const v = s(x);
          expect(v).toBeGreaterThanOrEqual(20 - 1e-6);
          expect(v).toBeLessThanOrEqual(300 + 1e-6);
        },
      ),
    );
    expect(linearScale(5, 5, 0, 100)(5)).toBe(50);
  });

  it('property: niceMax is at least the maximum and at most 2.5 times it (above 1)', () => {
    expect([0, 1, 3, 7, 10, 11, 240].map(niceMax)).toEqual([1, 1, 5, 10, 10, 20, 500]);
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e9, noNaN: true }), (max) => {
        const nice = niceMax(max);
        expect(nice).toBeGreaterThanOrEqual(max);
        expect(nice).toBeLessThanOrEqual(max * 2.5 + 1e-9);
      }),
    );
  });
});
