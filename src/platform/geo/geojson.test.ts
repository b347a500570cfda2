import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../../test/helpers/shared-data';
import { areaContains, bboxOf, GeoJsonError, readArea, readDistrictFeatures } from './geojson';

// Synthetic test polygons: a 2×2 square with a 1×1 hole.
const squareWithHole = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ],
    [
      [0.5, 0.5],
      [1.5, 0.5],
      [1.5, 1.5],
      [0.5, 1.5],
      [0.5, 0.5],
    ],
  ],
};

describe('geojson', () => {
  it('finds points inside polygons but not in holes', () => {
    const area = readArea(squareWithHole);
    expect(areaContains(area, 0.25, 0.25)).toBe(true);
    expect(areaContains(area, 1, 1)).toBe(false);
    expect(areaContains(area, 3, 1)).toBe(false);
    expect(bboxOf(area)).toEqual({ minLon: 0, minLat: 0, maxLon: 2, maxLat: 2 });
  });
  it('rejects broken geometry with a message naming the place', () => {
    expect(() => readArea({ type: 'Point', coordinates: [1, 2] })).toThrow(/Polygon or MultiPolygon/);
    expect(() =>
      readArea({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      }),
    ).toThrow(/not closed/);
    expect(() =>
      readArea({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [500, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      }),
    ).toThrow(GeoJsonError);
  });
  it('reads the real Dortmund boundary and places the Reinoldikirche inside, Bochum outside', () => {
    const file = sharedPath('data/dortmund/dortmund-stadtgrenze.geojson');
    const [dortmund] = readDistrictFeatures(JSON.parse(readFileSync(file, 'utf8')));
    expect(dortmund?.name).toBe('Dortmund');
    expect(areaContains(dortmund!.area, 7.4662, 51.5143)).toBe(true);
    expect(areaContains(dortmund!.area, 7.2162, 51.4818)).toBe(false);
  });
  it('names features from common property names or a chosen one', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { BEZEICHNUNG: 'Testbezirk Nord', nummer: 7 }, geometry: squareWithHole }],
    };
    expect(readDistrictFeatures(fc)[0]).toMatchObject({ name: 'Testbezirk Nord', code: '7' });
    expect(() => readDistrictFeatures(fc, 'label')).toThrow(/no name found/);
  });
});
