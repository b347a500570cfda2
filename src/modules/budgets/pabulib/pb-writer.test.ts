import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../../../test/helpers/shared-data';
import { countElection } from '../counting/count';
import type { Election } from '../counting/election';
import { electionArb } from '../counting/fixtures.test-support';
import { rat } from '../counting/rational';
import { toExactJson } from '../json';
import { parsePb, readPb } from './pb-reader';
import { writePb } from './pb-writer';

/** What counting depends on, in a comparable form. */
const core = (e: Election) =>
  toExactJson({
    voteType: e.voteType,
    budget: e.budget,
    threshold: e.minProjectScoreThreshold ?? null,
    rule: e.declaredRule ?? null,
    projects: e.projects.map((p) => [p.id, p.cost, p.meta?.name ?? null]),
    ballots: e.ballots.map((b) => [b.voterId, b.projects, b.points ?? null, b.meta ?? null]),
  });

const nameArb = fc
  .string({ unit: fc.constantFrom('a', 'ä', ';', '"', ',', ' ', '\n', 'ß', '€', 'x'), maxLength: 12 })
  .map((s) => s.trim())
  .filter((s) => s !== '' && s.toLowerCase() !== 'none');

describe('writePb', () => {
  it('round-trips through readPb (names with ; " , and line breaks, cents, points)', () => {
    fc.assert(
      fc.property(
        electionArb(),
        fc.array(nameArb, { minLength: 6, maxLength: 6 }),
        fc.option(fc.constantFrom('greedy', 'equalshares/add1')),
        fc.option(fc.integer({ min: 0, max: 9 })),
        (base, names, rule, threshold) => {
          const election: Election = {
            ...base,
            projects: base.projects.map((p, i) => ({ ...p, meta: { name: names[i] ?? 'x' } })),
            ballots: base.ballots.map((b, i) => (i % 2 ? { ...b, meta: { age: String(20 + i) } } : b)),
            ...(rule ? { declaredRule: rule } : {}),
            ...(threshold !== null ? { minProjectScoreThreshold: rat(threshold) } : {}),
            meta: { description: 'Bürgerhaushalt; Test', currency: 'EUR' },
          };
          const text = writePb(election);
          const r = readPb(text);
          if (!r.ok) throw new Error(`${text}\n${JSON.stringify(r.errors)}`);
          expect(core(r.election)).toBe(core(election));
          expect(writePb(r.election)).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round-trips every dev instance to the same count', () => {
    const dev = sharedPath('data/pabulib/dev');
    for (const file of ['Poland_Czestochowa_2024_Grabowka.pb', 'Poland_Krakow_2024_Lagiewniki-Borek_Falecki.pb']) {
      const { election } = parsePb(readFileSync(path.join(dev, file), 'utf8'));
      const again = parsePb(writePb(election)).election;
      expect(core(again)).toBe(core(election));
      expect(countElection(again, { rule: 'mes' }).winners).toEqual(countElection(election, { rule: 'mes' }).winners);
    }
  });

  it('anonymises: ids 1..n, no voter columns, order independent of the input', () => {
    fc.assert(
      fc.property(electionArb(), (base) => {
        const withMeta: Election = {
          ...base,
          ballots: base.ballots.map((b, i) => ({ ...b, voterId: `secret-${i}`, meta: { age: '42' } })),
        };
        const text = writePb(withMeta, { anonymise: true });
        expect(text).not.toMatch(/secret|age/);
        const reversed = writePb({ ...withMeta, ballots: [...withMeta.ballots].reverse() }, { anonymise: true });
        expect(reversed).toBe(text);
        const again = parsePb(text).election;
        expect(again.ballots.map((b) => b.voterId)).toEqual(again.ballots.map((_, i) => String(i + 1)));
        expect(toExactJson(countElection(again, { rule: 'mes' }))).toBe(toExactJson(countElection(base, { rule: 'mes' })));
      }),
      { numRuns: 100 },
    );
  });

  it('writes computed counts and a selected column', () => {
    const election: Election = {
      voteType: 'approval',
      budget: rat(100n),
      projects: [
        { id: 'a', cost: rat(60n) },
        { id: 'b', cost: rat(4050n, 100n) },
      ],
      ballots: [
        { voterId: 'x', projects: ['a', 'b'] },
        { voterId: 'y', projects: ['b'] },
      ],
      meta: { description: 'd', num_votes: '99', budget: 'wrong' },
    };
    expect(writePb(election, { selected: ['b'] })).toBe(
      [
        'META',
        'key;value',
        'description;d',
        'num_votes;2',
        'budget;100',
        'num_projects;2',
        'vote_type;approval',
        'PROJECTS',
        'project_id;cost;votes;selected',
        'a;60;1;0',
        'b;40.5;2;1',
        'VOTES',
        'voter_id;vote',
        'x;a,b',
        'y;b',
        '',
      ].join('\n'),
    );
  });

  it('refuses what the format cannot carry instead of altering it', () => {
    const base: Election = {
      voteType: 'approval',
      budget: rat(1n),
      projects: [{ id: 'a', cost: rat(1n) }],
      ballots: [],
    };
    expect(() => writePb({ ...base, projects: [{ id: 'a,b', cost: rat(1n) }] })).toThrowError(/project id/);
    expect(() => writePb({ ...base, budget: rat(1n, 3n) })).toThrowError(/no finite decimal form/);
    expect(() => writePb({ ...base, ballots: [{ voterId: ' v', projects: [] }] })).toThrowError(/voter id/);
  });
});
