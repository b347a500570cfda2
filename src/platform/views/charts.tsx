// Scales of the small server-drawn SVG charts, and the stylesheet charts and figures need.

/** A linear map from a domain to a range; a zero-width domain maps everything to the range's middle. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d0 === d1) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** "Nice" upper bound for a count axis: 1, 2, 5 × 10^n at or above the maximum (at least 1). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/**
 * The styles of charts, legends, figure lists, rating fields and the quick forms, beyond kuemmerer.css: loaded
 * only by the pages that show them (a <link> in the body is valid HTML).
 */
export function FigureStyles() {
  return <link rel="stylesheet" href="/static/css/figures.css" />;
}
