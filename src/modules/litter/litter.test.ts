import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatChange, linearTrend, TARGET_ANNUAL_CHANGE, targetLine, trendLine } from './litter';

describe('trend of monthly litter reports against the −5 % target', () => {
  it('is zero for a flat series and unknown without enough data', () => {
    expect(linearTrend([10, 10, 10, 10, 10, 10]).annualChange).toBe(0);
    expect(linearTrend([10, 10, 10, 10, 10, 10]).onTarget).toBe(false);
    expect(linearTrend([10, 9, 8]).annualChange).toBeNull();
    expect(linearTrend([0, 0, 0, 0, 0, 0]).annualChange).toBeNull();
  });

  it('reads a steady decline as a yearly change relative to the mean', () => {
    // 12 months falling by 1 from 105.5 to 94.5: mean 100, 12 fewer a year → −12 %.
    const counts = Array.from({ length: 12 }, (_, i) => 105.5 - i);
    const trend = linearTrend(counts);
    expect(trend.annualChange).toBeCloseTo(-0.12, 10);
    expect(trend.onTarget).toBe(true);
    expect(linearTrend(Array.from({ length: 12 }, (_, i) => 100 - (5 / 12) * (i - 5.5))).onTarget).toBe(true);
    expect(linearTrend(Array.from({ length: 12 }, (_, i) => 100 - (4 / 12) * (i - 5.5))).onTarget).toBe(false);
  });

  it('draws the trend and the target line', () => {
    expect(trendLine([1, 2, 3])).toEqual([1, 2, 3]);
    const target = targetLine(100, 13);
    expect(target[0]).toBe(100);
    expect(target[12]).toBeCloseTo(95, 10);
  });

  const series = fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 6, maxLength: 36 }).filter((a) => a.some((x) => x > 0));

  it('property: scaling all counts does not change the trend', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 2, max: 50 }), (counts, k) => {
        const a = linearTrend(counts).annualChange!;
        const b = linearTrend(counts.map((c) => c * k)).annualChange!;
        expect(b).toBeCloseTo(a, 9);
      }),
    );
  });

  it('property: months backwards turn the trend into its negative', () => {
    fc.assert(
      fc.property(series, (counts) => {
        const a = linearTrend(counts).annualChange!;
        const b = linearTrend([...counts].reverse()).annualChange!;
        expect(a + b).toBeCloseTo(0, 9);
      }),
    );
  });

  it('property: adding a steady fall makes the trend lower', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 5 }), (counts, fall) => {
        const base = linearTrend(counts.map((c) => c + 1000));
        const falling = linearTrend(counts.map((c, i) => c + 1000 - fall * i));
        expect(falling.slopePerMonth).toBeLessThan(base.slopePerMonth);
      }),
    );
  });

  it('formats changes with a real minus sign', () => {
    expect(formatChange(-0.048, 'de')).toBe('−4,8 %');
    expect(formatChange(0.02, 'en')).toBe('+2.0 %');
    expect(formatChange(null, 'de')).toBe('–');
    expect(TARGET_ANNUAL_CHANGE).toBe(-0.05);
  });
});
