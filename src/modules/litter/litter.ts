import { intlLocale, type Locale } from '../../platform/i18n';
import { numberFormat } from '../../platform/i18n/formatters';
// Pure rules of the litter reporter ("Dreckpetze"): the trend of monthly counts against the city's target of
// 5 % less litter every year. No I/O here.

/** The programme's target: 5 % fewer litter reports every year. */
export const TARGET_ANNUAL_CHANGE = -0.05;
/** Months the trend is computed over (whole months before the current one). */
export const TREND_MONTHS = 12;
/** With fewer months that have data, a trend says nothing. */
export const MIN_TREND_MONTHS = 6;
export const NOTE_MAX = 1000;

export interface Trend {
  /** Change per month of the fitted line, in reports. */
  slopePerMonth: number;
  /** Mean of the monthly counts. */
  mean: number;
  /** The fitted line's change over twelve months, relative to the mean (−0.05 = 5 % fewer a year); null without data. */
  annualChange: number | null;
  onTarget: boolean | null;
}

/** Least squares through (i, counts[i]): the slope per month and the mean. */
function leastSquares(counts: number[]): { slope: number; mean: number } {
  const n = counts.length;
  const mean = n > 0 ? counts.reduce((s, c) => s + c, 0) / n : 0;
  if (n < 2) return { slope: 0, mean };
  const tMean = (n - 1) / 2;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (i - tMean) * (counts[i]! - mean);
    den += (i - tMean) ** 2;
  }
  return { slope: num / den, mean };
}

/**
 * The straight line through the monthly counts (least squares). Its rise over twelve months divided by the mean
 * is the yearly change: a plain measure that does not depend on the unit (scaling all counts changes nothing)
 * and that turns into its negative when the months run backwards.
 */
export function linearTrend(counts: number[], target = TARGET_ANNUAL_CHANGE): Trend {
  const { slope, mean } = leastSquares(counts);
  if (counts.length < MIN_TREND_MONTHS || mean <= 0) return { slopePerMonth: slope, mean, annualChange: null, onTarget: null };
  const annualChange = (12 * slope) / mean;
  return { slopePerMonth: slope, mean, annualChange, onTarget: annualChange <= target + 1e-12 };
}

/** The fitted line's values at each month (for the chart). */
export function trendLine(counts: number[]): number[] {
  const { slope, mean } = leastSquares(counts);
  const mid = (counts.length - 1) / 2;
  return counts.map((_, i) => mean + slope * (i - mid));
}

/** The line the target asks for: starting where the trend line starts, 5 % lower after every twelve months. */
export function targetLine(start: number, months: number, target = TARGET_ANNUAL_CHANGE): number[] {
  return Array.from({ length: months }, (_, i) => start * (1 + target) ** (i / 12));
}

/** A change as a signed percentage with one decimal, e.g. "−4,8 %" / "+2.0 %". */
export function formatChange(change: number | null, locale: Locale): string {
  if (change === null) return '–';
  const value = numberFormat(intlLocale(locale), { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(change * 100);
  return `${value.replace('-', '−')} %`;
}
