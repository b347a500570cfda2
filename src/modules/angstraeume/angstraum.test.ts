import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { average, changeSinceLastMeasure, isOverdue, lastNews, measureEffects, monthlyAverages, parseRating, type Rating } from './angstraum';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);

describe('ratings', () => {
  it('accepts whole numbers 1–5 only', () => {
    expect(['1', ' 5 ', '3'].map(parseRating)).toEqual([1, 5, 3]);
    for (const bad of ['0', '6', '3.5', '', 'drei', '-1', '10', '1e0']) expect(parseRating(bad), bad).toBeNull();
  });

  it('averages day and night separately', () => {
    expect(average([])).toEqual({ n: 0, day: null, night: null });
    expect(
      average([
        { at: day(0), day: 2, night: 1 },
        { at: day(1), day: 4, night: 2 },
      ]),
    ).toEqual({ n: 2, day: 3, night: 1.5 });
  });
});

describe('before and after a measure', () => {
  const r = (d: number, dayScore: number, night: number): Rating => ({ at: day(d), day: dayScore, night });

  it('cuts the periods at the measures', () => {
    const ratings = [r(1, 2, 1), r(2, 2, 1), r(10, 4, 3), r(11, 4, 3), r(20, 5, 5)];
    const effects = measureEffects(ratings, [
      { id: 2, at: day(15), type: 'greenery' },
      { id: 1, at: day(5), type: 'lighting' },
    ]);
    expect(effects.map((e) => e.measureId)).toEqual([1, 2]);
    expect(effects[0]!.before).toEqual({ n: 2, day: 2, night: 1 });
    expect(effects[0]!.after).toEqual({ n: 2, day: 4, night: 3 });
    expect(effects[1]!.before).toEqual({ n: 2, day: 4, night: 3 });
    expect(effects[1]!.after).toEqual({ n: 1, day: 5, night: 5 });
  });

  it('a rating at the very moment of a measure counts as after it', () => {
    const [effect] = measureEffects([r(5, 5, 5)], [{ id: 1, at: day(5), type: 'other' }]);
    expect(effect!.before.n).toBe(0);
    expect(effect!.after.n).toBe(1);
  });

  it('property: every rating is "after" exactly one measure or before the first', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ d: fc.integer({ min: 0, max: 400 }), day: fc.integer({ min: 1, max: 5 }), night: fc.integer({ min: 1, max: 5 }) }), {
          maxLength: 60,
        }),
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 6 }),
        (raw, measureDays) => {
          const ratings = raw.map((x) => r(x.d, x.day, x.night));
          const measures = measureDays.map((d, i) => ({ id: i + 1, at: day(d), type: 'other' as const }));
          const effects = measureEffects(ratings, measures);
          const first = Math.min(...measureDays);
          const beforeFirst = ratings.filter((x) => measures.length > 0 && x.at < day(first)).length;
          const afterSum = effects.reduce((s, e) => s + e.after.n, 0);
          expect(afterSum + beforeFirst).toBe(measures.length > 0 ? ratings.length : 0);
          for (const e of effects) {
            for (const a of [e.before, e.after]) {
              if (a.n > 0) {
                expect(a.day!).toBeGreaterThanOrEqual(1);
                expect(a.day!).toBeLessThanOrEqual(5);
              } else expect(a.day).toBeNull();
            }
          }
        },
      ),
    );
  });

  it('names the change since the last measure, and says so when it cannot tell', () => {
    const m = [{ id: 1, at: day(10), type: 'lighting' as const }];
    const before = [r(1, 2, 1), r(2, 2, 1), r(3, 2, 2)];
    expect(changeSinceLastMeasure(measureEffects(before, [])).group).toBe('no_measure');
    expect(changeSinceLastMeasure(measureEffects([...before, r(11, 4, 4)], m)).group).toBe('unknown');
    const safer = changeSinceLastMeasure(measureEffects([...before, r(11, 4, 4), r(12, 4, 3), r(13, 3, 3)], m));
    expect(safer.group).toBe('safer');
    expect(safer.delta).toBeCloseTo(3.5 - 5 / 3, 5);
    expect(changeSinceLastMeasure(measureEffects([...before, r(11, 2, 1), r(12, 2, 2), r(13, 2, 1)], m)).group).toBe('same');
    expect(changeSinceLastMeasure(measureEffects([r(1, 5, 5), r(2, 5, 5), r(3, 5, 5), r(11, 2, 1), r(12, 2, 2), r(13, 2, 1)], m)).group).toBe('less_safe');
  });
});

describe('overdue', () => {
  const reviewed = day(0);
  it('is overdue only after more than the interval without news, for open reviewed places', () => {
    const p = { status: 'in_progress' as const, reviewedAt: reviewed, lastNewsAt: day(10) };
    expect(isOverdue(p, day(40), 30)).toBe(false);
    expect(isOverdue(p, new Date(day(40).getTime() + 1), 30)).toBe(true);
    expect(isOverdue({ ...p, lastNewsAt: null }, day(31), 30)).toBe(true);
    expect(isOverdue({ ...p, status: 'fixed' }, day(400), 30)).toBe(false);
    expect(isOverdue({ ...p, status: 'closed' }, day(400), 30)).toBe(false);
    expect(isOverdue({ ...p, reviewedAt: null }, day(400), 30)).toBe(false);
    expect(lastNews(p)).toEqual(day(10));
    expect(lastNews({ reviewedAt: day(5), lastNewsAt: day(1) })).toEqual(day(5));
  });

  it('property: news within the interval is never overdue; a longer interval is never stricter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 365 }),
        fc.integer({ min: 0, max: 100 }),
        (news, gap, interval, extra) => {
          const p = { status: 'confirmed' as const, reviewedAt: day(0), lastNewsAt: day(news) };
          const now = day(news + gap);
          if (gap <= interval) expect(isOverdue(p, now, interval)).toBe(false);
          if (!isOverdue(p, now, interval)) expect(isOverdue(p, now, interval + extra)).toBe(false);
        },
      ),
    );
  });
});

describe('monthly series', () => {
  it('fills empty months between ratings', () => {
    const series = monthlyAverages(
      [
        { at: new Date('2026-01-10T12:00:00Z'), day: 2, night: 1 },
        { at: new Date('2026-03-10T12:00:00Z'), day: 4, night: 5 },
      ],
      new Date('2026-03-20T12:00:00Z'),
    );
    expect(series.map((s) => [s.month, s.n])).toEqual([
      ['2026-01', 1],
      ['2026-02', 0],
      ['2026-03', 1],
    ]);
  });
});
