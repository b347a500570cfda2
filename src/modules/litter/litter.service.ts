import type { Db } from '../../platform/db/connect';
import { addMonths, berlinMidnight, berlinMonth, lastFullMonths } from '../../platform/i18n/months';
import { linearTrend, TARGET_ANNUAL_CHANGE, TREND_MONTHS, type Trend } from './litter';
import * as q from './litter.queries';

export interface LitterSeries {
  districtId: number | null;
  name: string | null;
  /** One count per month of `months`. */
  counts: number[];
  current: number;
  trend: Trend;
}

export interface LitterStatistics {
  months: string[];
  currentMonth: string;
  target: number;
  total: LitterSeries;
  districts: LitterSeries[];
}

/** Monthly litter counts per district for the last TREND_MONTHS whole months (and the current month so far). */
export async function litterStatistics(db: Db, organizationId: number, now: Date): Promise<LitterStatistics> {
  const months = lastFullMonths(now, TREND_MONTHS);
  const currentMonth = berlinMonth(now);
  const from = berlinMidnight(`${months[0]}-01`)!;
  const to = berlinMidnight(`${addMonths(currentMonth, 1)}-01`)!;
  const [rows, names] = await Promise.all([q.monthlyLitterCounts(db, organizationId, from, to), q.districtNames(db, organizationId)]);
  const index = new Map(months.map((m, i) => [m, i]));
  const series = (districtId: number | null | 'all', name: string | null): LitterSeries => {
    const counts = months.map(() => 0);
    let current = 0;
    for (const r of rows) {
      if (districtId !== 'all' && r.district_id !== districtId) continue;
      const i = index.get(r.month);
      if (i !== undefined) counts[i]! += r.n;
      else if (r.month === currentMonth) current += r.n;
    }
    return { districtId: districtId === 'all' ? null : districtId, name, counts, current, trend: linearTrend(counts) };
  };
  const districts = names.map((d) => series(d.id, d.name));
  if (rows.some((r) => r.district_id === null)) districts.push(series(null, null));
  return { months, currentMonth, target: TARGET_ANNUAL_CHANGE, total: series('all', null), districts };
}
