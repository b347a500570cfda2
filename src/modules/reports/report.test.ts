import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxAround, canTransition, distanceMeters, open311Status, parseCoordinate, publicState, type Question, validateAnswers } from './report';

describe('report rules', () => {
  it('allows the documented status changes and reopening', () => {
    expect(canTransition('new', 'confirmed')).toBe(true);
    expect(canTransition('in_progress', 'fixed')).toBe(true);
    expect(canTransition('fixed', 'in_progress')).toBe(true);
    expect(canTransition('closed', 'confirmed')).toBe(true);
    expect(canTransition('fixed', 'new')).toBe(false);
    expect(canTransition('new', 'unconfirmed')).toBe(false);
    expect(open311Status('fixed')).toBe('closed');
    expect(open311Status('in_progress')).toBe('open');
    expect(publicState({ status: 'closed', close_reason: 'duplicate' })).toBe('closed:duplicate');
  });

  it('measures distances in metres (Reinoldikirche to Dortmund Hbf ≈ 600 m)', () => {
    const d = distanceMeters({ lat: 51.5143, lon: 7.4662 }, { lat: 51.5178, lon: 7.4593 });
    expect(d).toBeGreaterThan(550);
    expect(d).toBeLessThan(650);
  });

  it('boxes always contain the circle they stand for', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 47, max: 55, noNaN: true }),
        fc.double({ min: 5, max: 15, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        (lat, lon, angle) => {
          const box = boxAround(lat, lon, 250);
          // A point 249 m away in any direction lies inside the box.
          const dLat = (249 * Math.cos(angle)) / 111_320;
          const dLon = (249 * Math.sin(angle)) / (111_320 * Math.cos((lat * Math.PI) / 180));
          expect(lat + dLat).toBeGreaterThanOrEqual(box.minLat);
          expect(lat + dLat).toBeLessThanOrEqual(box.maxLat);
          expect(lon + dLon).toBeGreaterThanOrEqual(box.minLon);
          expect(lon + dLon).toBeLessThanOrEqual(box.maxLon);
        },
      ),
    );
  });

  it('parses coordinates strictly', () => {
    expect(parseCoordinate('51.5136', 'lat')).toBe(51.5136);
    expect(parseCoordinate('7,4653', 'lon')).toBe(7.4653);
    for (const bad of ['', 'abc', '91', '1e3', '51.5.1', 'NaN', '0x10']) expect(parseCoordinate(bad, 'lat')).toBeNull();
  });

  const questions: Question[] = [
    { code: 'size', datatype: 'number', label: 'Größe', required: true, options: [] },
    {
      code: 'kind',
      datatype: 'singlevaluelist',
      label: 'Art',
      required: false,
      options: [
        { key: 'a', label: 'A' },
        { key: 'b', label: 'B' },
      ],
    },
    {
      code: 'when',
      datatype: 'multivaluelist',
      label: 'Wann',
      required: false,
      options: [
        { key: 'day', label: 'Tag' },
        { key: 'night', label: 'Nacht' },
      ],
    },
    { code: 'since', datatype: 'datetime', label: 'Seit', required: false, options: [] },
  ];

  it('validates answers by datatype and drops unknown codes', () => {
    const ok = validateAnswers(questions, { size: '2,5', kind: 'b', when: ['night', 'day', 'night'], since: '2026-11-01', extra: 'x' });
    expect(ok.errors).toEqual({});
    expect(ok.answers).toEqual({ size: 2.5, kind: 'b', when: ['night', 'day'], since: '2026-11-01' });
    const bad = validateAnswers(questions, { size: '', kind: 'c', when: ['dusk'], since: 'gestern' });
    expect(bad.errors).toEqual({ size: 'required', kind: 'choice', when: 'choice', since: 'date' });
    expect(validateAnswers(questions, { size: '12abc' }).errors.size).toBe('number');
  });
});
