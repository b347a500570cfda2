import type { Area } from '../../src/platform/geo/geojson';
import type { Rng } from '../../src/seed/prng';
import { createAreaLookup } from './grid';

// Where Dortmund's residents live, coarse enough to ship as code: 64 Stadtteile (close to the city's 62
// statistische Bezirke) with an approximate centre, resident count and area. Reports are drawn around the
// centres, so the benchmark data is dense where people live and thin on fields, forests and the port.
//
// Sources and how exact this is:
// - Stadtbezirk totals: Dortmunder Statistik (statistikportal.dortmund.de, "Bevölkerungsstand", main residence,
//   31.12.2023: 612,065 in all; Innenstadt-Nord 61,065, Innenstadt-Ost 58,520, Hombruch 57,380, Huckarde 36,565).
//   The other eight totals are rounded from the same portal's 31.12.2022 figures (609,546 in all) and are
//   APPROXIMATE to about ±1,000.
// - The split of each Stadtbezirk into Stadtteile, the centre points and the areas are APPROXIMATIONS made for
//   this benchmark (from public maps and the statistische Bezirke as listed on de.wikipedia.org, "Liste der
//   Dortmunder Stadtteile", figures of 2021–2023); a few small Stadtteile are merged into a neighbour. The sum
//   per Stadtbezirk matches the totals above. Good for load tests; not a statistic to quote.

export const POPULATION_SOURCE = 'Dortmunder Statistik 2022/2023 (Stadtbezirke); split into Stadtteile, centres and areas approximated for the benchmark';

export interface Stadtteil {
  name: string;
  /** The Stadtbezirk, spelt as in src/seed/districts.ts (the demo's streets and districts use these names). */
  bezirk: string;
  /** Approximate centre of the settled area, [lon, lat]. */
  centre: readonly [number, number];
  residents: number;
  /** Approximate area in km²: sets how far reports spread around the centre. */
  areaKm2: number;
}

const t = (bezirk: string, name: string, lon: number, lat: number, residents: number, areaKm2: number): Stadtteil => ({
  name,
  bezirk,
  centre: [lon, lat],
  residents,
  areaKm2,
});

export const STADTTEILE: readonly Stadtteil[] = [
  t('Innenstadt-West', 'City', 7.4653, 51.5136, 10_470, 1.8),
  t('Innenstadt-West', 'Westfalenhalle', 7.456, 51.502, 16_000, 3.7),
  t('Innenstadt-West', 'Dorstfelder Brücke', 7.445, 51.512, 12_300, 2.1),
  t('Innenstadt-West', 'Dorstfeld', 7.415, 51.513, 15_200, 6.1),
  t('Innenstadt-Nord', 'Hafen', 7.448, 51.528, 18_000, 7.5),
  t('Innenstadt-Nord', 'Nordmarkt', 7.46, 51.526, 31_000, 3.5),
  t('Innenstadt-Nord', 'Borsigplatz', 7.483, 51.526, 12_065, 3.4),
  t('Innenstadt-Ost', 'Kaiserbrunnen', 7.488, 51.515, 25_000, 4.0),
  t('Innenstadt-Ost', 'Westfalendamm', 7.495, 51.503, 17_520, 5.0),
  t('Innenstadt-Ost', 'Ruhrallee', 7.475, 51.498, 16_000, 4.0),
  t('Eving', 'Eving', 7.478, 51.555, 22_000, 8.0),
  t('Eving', 'Brechten', 7.48, 51.585, 9_000, 7.5),
  t('Eving', 'Lindenhorst', 7.445, 51.55, 6_500, 2.8),
  t('Eving', 'Holthausen', 7.45, 51.582, 2_000, 4.5),
  t('Scharnhorst', 'Scharnhorst-Ost', 7.55, 51.547, 14_000, 3.0),
  t('Scharnhorst', 'Alt-Scharnhorst', 7.535, 51.541, 6_000, 4.0),
  t('Scharnhorst', 'Derne', 7.515, 51.57, 7_000, 5.5),
  t('Scharnhorst', 'Grevel', 7.56, 51.575, 2_500, 5.0),
  t('Scharnhorst', 'Husen', 7.585, 51.545, 5_000, 3.5),
  t('Scharnhorst', 'Kurl', 7.595, 51.56, 6_000, 4.7),
  t('Scharnhorst', 'Lanstrop', 7.57, 51.58, 5_500, 5.0),
  t('Brackel', 'Brackel', 7.545, 51.52, 20_000, 9.0),
  t('Brackel', 'Wambel', 7.525, 51.515, 8_500, 4.0),
  t('Brackel', 'Asseln', 7.58, 51.53, 11_000, 7.0),
  t('Brackel', 'Wickede', 7.615, 51.535, 17_000, 11.0),
  t('Aplerbeck', 'Aplerbeck', 7.56, 51.485, 22_000, 9.0),
  t('Aplerbeck', 'Berghofen', 7.515, 51.47, 11_500, 5.0),
  t('Aplerbeck', 'Schüren', 7.535, 51.495, 8_500, 4.5),
  t('Aplerbeck', 'Sölde', 7.595, 51.495, 9_000, 4.0),
  t('Aplerbeck', 'Sölderholz', 7.585, 51.47, 5_500, 4.1),
  t('Hörde', 'Hörde', 7.495, 51.48, 24_000, 7.0),
  t('Hörde', 'Benninghofen', 7.51, 51.465, 9_500, 3.5),
  t('Hörde', 'Wellinghofen', 7.485, 51.46, 9_000, 4.0),
  t('Hörde', 'Hacheney', 7.47, 51.475, 3_000, 2.5),
  t('Hörde', 'Holzen', 7.53, 51.45, 6_500, 4.5),
  t('Hörde', 'Wichlinghofen', 7.49, 51.445, 4_300, 3.4),
  t('Hörde', 'Syburg', 7.49, 51.425, 1_000, 5.5),
  t('Hombruch', 'Hombruch', 7.44, 51.47, 13_500, 3.0),
  t('Hombruch', 'Barop', 7.42, 51.48, 11_000, 4.5),
  t('Hombruch', 'Eichlinghofen', 7.405, 51.485, 5_500, 3.0),
  t('Hombruch', 'Menglinghausen', 7.42, 51.46, 5_000, 3.5),
  t('Hombruch', 'Brünninghausen', 7.46, 51.48, 6_500, 3.3),
  t('Hombruch', 'Kirchhörde', 7.455, 51.45, 7_500, 6.5),
  t('Hombruch', 'Lücklemberg', 7.445, 51.455, 3_000, 3.0),
  t('Hombruch', 'Persebeck-Kruckel-Schnee', 7.395, 51.465, 3_500, 4.5),
  t('Hombruch', 'Bittermark', 7.47, 51.445, 1_880, 3.5),
  t('Lütgendortmund', 'Lütgendortmund', 7.35, 51.497, 16_000, 6.0),
  t('Lütgendortmund', 'Marten', 7.395, 51.505, 10_000, 3.5),
  t('Lütgendortmund', 'Oespel', 7.38, 51.49, 5_500, 4.5),
  t('Lütgendortmund', 'Bövinghausen', 7.33, 51.515, 6_500, 4.0),
  t('Lütgendortmund', 'Westrich', 7.35, 51.515, 5_000, 2.5),
  t('Lütgendortmund', 'Somborn', 7.37, 51.48, 6_000, 3.0),
  t('Huckarde', 'Huckarde', 7.415, 51.535, 11_500, 4.0),
  t('Huckarde', 'Deusen', 7.405, 51.545, 1_500, 3.0),
  t('Huckarde', 'Jungferntal-Rahm', 7.385, 51.54, 7_500, 3.0),
  t('Huckarde', 'Kirchlinde', 7.37, 51.53, 12_000, 3.5),
  t('Huckarde', 'Wischlingen', 7.395, 51.523, 4_065, 1.9),
  t('Mengede', 'Mengede', 7.385, 51.575, 11_500, 5.5),
  t('Mengede', 'Westerfilde', 7.39, 51.555, 10_000, 3.5),
  t('Mengede', 'Bodelschwingh', 7.37, 51.555, 3_500, 3.0),
  t('Mengede', 'Nette', 7.415, 51.565, 6_500, 3.5),
  t('Mengede', 'Oestrich', 7.355, 51.57, 4_200, 4.0),
  t('Mengede', 'Groppenbruch', 7.41, 51.585, 3_000, 4.0),
  t('Mengede', 'Schwieringhausen', 7.35, 51.585, 1_000, 5.1),
];

/** The three inner-city Stadtbezirke: commuters, shops and nightlife add reports beyond their residents. */
export const CENTRAL_BEZIRKE = new Set(['Innenstadt-West', 'Innenstadt-Nord', 'Innenstadt-Ost']);

const KM_PER_DEG_LAT = 111.32;
const KM_PER_DEG_LON = KM_PER_DEG_LAT * Math.cos((51.51 * Math.PI) / 180);

export interface Place {
  lon: number;
  lat: number;
  stadtteil: Stadtteil;
}

export interface PlaceSampler {
  /** A point inside the city, drawn around a Stadtteil chosen by residents × `centralFactor` for the inner city. */
  sample(centralFactor: number): Place;
  /** Is the point inside the city? */
  inside(lon: number, lat: number): boolean;
}

/**
 * Points from a Gaussian around each Stadtteil's centre. The spread is half the radius of a disc of the
 * Stadtteil's area (86 % of its points land inside that disc); points outside the city boundary are drawn again.
 */
export function createPlaceSampler(boundary: Area, rng: Rng, stadtteile: readonly Stadtteil[] = STADTTEILE): PlaceSampler {
  const inside = createAreaLookup([{ area: boundary }]);
  const sigmaKm = stadtteile.map((s) => Math.sqrt(s.areaKm2 / Math.PI) / 2);
  const cumulative = new Map<number, Float64Array>();
  const weightsFor = (factor: number) => {
    let cum = cumulative.get(factor);
    if (!cum) {
      cum = new Float64Array(stadtteile.length);
      let sum = 0;
      for (const [i, s] of stadtteile.entries()) {
        sum += s.residents * (CENTRAL_BEZIRKE.has(s.bezirk) ? factor : 1);
        cum[i] = sum;
      }
      cumulative.set(factor, cum);
    }
    return cum;
  };
  const pick = (cum: Float64Array) => {
    const r = rng.next() * cum[cum.length - 1]!;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return {
    inside: (lon, lat) => inside.find(lon, lat) === 0,
    sample(centralFactor) {
      const cum = weightsFor(centralFactor);
      for (;;) {
        const i = pick(cum);
        const s = stadtteile[i]!;
        const sigma = sigmaKm[i]!;
        // A few tries around the same centre; Stadtteile at the city edge lose some draws to the boundary.
        for (let k = 0; k < 8; k++) {
          const lon = Math.round((s.centre[0] + (rng.gauss() * sigma) / KM_PER_DEG_LON) * 1e6) / 1e6;
          const lat = Math.round((s.centre[1] + (rng.gauss() * sigma) / KM_PER_DEG_LAT) * 1e6) / 1e6;
          if (inside.find(lon, lat) === 0) return { lon, lat, stadtteil: s };
        }
      }
    },
  };
}
