import { describe, expect, it } from 'vitest';
import { addMonths, berlinMidnight, berlinMonth, lastFullMonths, monthLabel, monthRange } from './months';

describe('the Berlin calendar', () => {
  it('uses Berlin months', () => {
    expect(berlinMonth(new Date('2026-01-31T23:30:00Z'))).toBe('2026-02');
    expect(berlinMonth(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06');
    expect(addMonths('2025-11', 3)).toBe('2026-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(lastFullMonths(new Date('2026-03-15T10:00:00Z'), 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('computes Berlin midnights', () => {
    expect(berlinMidnight('2025-07-01')?.toISOString()).toBe('2025-06-30T22:00:00.000Z');
    expect(berlinMidnight('2025-01-01')?.toISOString()).toBe('2024-12-31T23:00:00.000Z');
    expect(berlinMidnight('2025-13-01')).toBeNull();
    expect(berlinMidnight('2025-02-29')).toBeNull();
  });

  it('lists months across a year and names them for people', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-02', '2026-01')).toEqual([]);
    expect(monthLabel('2026-03', 'de')).toBe('März 2026');
    expect(monthLabel('2026-03', 'en')).toBe('Mar 2026');
  });
});
