import { describe, expect, it } from 'vitest';
import { addDays, ageOn, berlinDay, bornRangeOfBand, isIsoDay, rangeMeetsAge } from './age';

describe('ages on a reference day', () => {
  it('counts a birthday on the day itself, not the day before', () => {
    expect(ageOn('2010-05-04', '2026-05-03')).toBe(15);
    expect(ageOn('2010-05-04', '2026-05-04')).toBe(16);
    expect(ageOn('2010-05-04', '2026-05-05')).toBe(16);
  });

  it('makes someone born on 29 February a year older on 1 March in a common year, on 29 February in a leap year', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('turns an age band into the range of birth dates it implies, ends included', () => {
    expect(bornRangeOfBand(14, 17, '2026-12-03')).toEqual({ bornFrom: '2008-12-04', bornTo: '2012-12-03' });
    expect(bornRangeOfBand(18, null, '2026-12-03')).toEqual({ bornFrom: null, bornTo: '2008-12-03' });
    expect(bornRangeOfBand(null, null, '2026-12-03')).toEqual({ bornFrom: null, bornTo: null });
    // Issued on a leap day: the youngest 18-year-old was born on 28 February of a common year.
    expect(bornRangeOfBand(18, 18, '2028-02-29')).toEqual({ bornFrom: '2009-03-01', bornTo: '2010-02-28' });
  });

  it('agrees with counting day by day: every date in the range is in the band, the days beside it are not', () => {
    const wrong: string[] = [];
    for (const issued of ['2026-12-03', '2028-02-29', '2027-03-01', '2026-01-01', '2025-12-31']) {
      for (const [min, max] of [
        [14, 17],
        [0, 0],
        [18, 18],
        [60, 65],
      ] as const) {
        const { bornFrom, bornTo } = bornRangeOfBand(min, max, issued);
        if (!bornFrom || !bornTo) throw new Error('closed band');
        for (let d = addDays(bornFrom, -3); d <= addDays(bornTo, 3); d = addDays(d, 1)) {
          const age = ageOn(d, issued);
          if ((age >= min && age <= max) !== (d >= bornFrom && d <= bornTo)) wrong.push(`${d} on ${issued}: ${age}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('passes a rule only if every birth date of the range meets it on the reference day', () => {
    const band = bornRangeOfBand(14, 17, '2026-01-10'); // born 2008-01-11 … 2012-01-10
    // A year later they are 15–18: "at most 18" holds for all, "at most 17" not for the oldest.
    expect(rangeMeetsAge(band, 14, 18, '2027-01-10')).toBe(true);
    expect(rangeMeetsAge(band, 14, 17, '2027-01-10')).toBe(false);
    // The oldest turns 18 on 2026-01-11: the day before, everyone is still at most 17.
    expect(rangeMeetsAge(band, null, 17, '2026-01-10')).toBe(true);
    expect(rangeMeetsAge(band, null, 17, '2026-01-11')).toBe(false);
    // The youngest turns 14 on 2026-01-10 (the day of issue) and 16 on 2028-01-10, not the day before.
    expect(rangeMeetsAge(band, 16, null, '2028-01-09')).toBe(false);
    expect(rangeMeetsAge(band, 16, null, '2028-01-10')).toBe(true);
    // Open ends know nothing on that side.
    expect(rangeMeetsAge({ bornFrom: null, bornTo: '2000-01-01' }, 18, null, '2026-01-01')).toBe(true);
    expect(rangeMeetsAge({ bornFrom: null, bornTo: '2000-01-01' }, 18, 65, '2026-01-01')).toBe(false);
    expect(rangeMeetsAge({ bornFrom: null, bornTo: null }, 18, null, '2026-01-01')).toBe(false);
    expect(rangeMeetsAge({ bornFrom: null, bornTo: null }, null, null, '2026-01-01')).toBe(true);
  });

  it('takes the day of an action in Europe/Berlin', () => {
    expect(berlinDay(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(berlinDay(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(berlinDay(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });

  it('knows real days', () => {
    expect(isIsoDay('2028-02-29')).toBe(true);
    expect(isIsoDay('2027-02-29')).toBe(false);
    expect(isIsoDay('2027-13-01')).toBe(false);
    expect(isIsoDay('27-01-01')).toBe(false);
  });
});
