// Shared election fixtures and fast-check generators for the budget tests (test support, not shipped).
import fc from 'fast-check';
import type { Ballot, Election, Project, VoteType } from './election';
import { type Rational, rat } from './rational';

export interface ElectionShape {
  readonly voteTypes?: readonly VoteType[];
  readonly maxProjects?: number;
  readonly maxVoters?: number;
}

/** Small elections with awkward numbers: cents, zero costs, empty ballots, repeated ballots. */
export function electionArb(shape: ElectionShape = {}): fc.Arbitrary<Election> {
  const voteTypes = shape.voteTypes ?? ['approval', 'cumulative', 'ordinal', 'choose-1'];
  return fc
    .record({
      voteType: fc.constantFrom(...voteTypes),
      // Mostly small costs against the budget, so that MES runs several rounds and supporters run dry.
      costs: fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 4000 })), {
        minLength: 1,
        maxLength: shape.maxProjects ?? 6,
      }),
      centsCosts: fc.boolean(),
      budget: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 120 })),
      budgetCents: fc.integer({ min: 0, max: 99 }),
      voters: fc.array(fc.array(fc.record({ pick: fc.nat(), points: fc.integer({ min: 0, max: 5 }) }), { maxLength: 5 }), { maxLength: shape.maxVoters ?? 14 }),
    })
    .map(({ voteType, costs, centsCosts, budget, budgetCents, voters }): Election => {
      const projects: Project[] = costs.map((c, i) => ({
        id: `p${i === 2 ? 10 : i}`,
        cost: centsCosts ? rat(c, 100) : rat(c),
      }));
      const ballots: Ballot[] = voters.map((picks, v) => {
        const ids: string[] = [];
        const points = [];
        for (const { pick, points: pt } of picks) {
          const id = projects[pick % projects.length]?.id;
          if (id === undefined || ids.includes(id)) continue;
          ids.push(id);
          points.push(rat(pt + (voteType === 'cumulative' ? 0 : 1)));
          if (voteType === 'choose-1') break;
        }
        return voteType === 'cumulative' ? { voterId: `v${v}`, projects: ids, points } : { voterId: `v${v}`, projects: ids };
      });
      return {
        voteType,
        budget: rat(budget * 100 + budgetCents, 100),
        projects,
        ballots,
      };
    });
}

/** A hand-written approval election: project costs by id, one list of approved ids per voter. */
export function approvalElection(costs: Record<string, number>, ballots: string[][], budget: number): Election {
  return {
    voteType: 'approval',
    budget: rat(budget),
    projects: Object.entries(costs).map(([id, c]) => ({ id, cost: rat(c) })),
    ballots: ballots.map((projects, i) => ({ voterId: String(i), projects })),
  };
}

/** A hand-written cumulative election: ballots as [approved ids, points] pairs. */
export function cumulativeElection(costs: Record<string, number>, ballots: Array<[string[], Rational[]]>, budget: number): Election {
  return {
    ...approvalElection(costs, [], budget),
    voteType: 'cumulative',
    ballots: ballots.map(([projects, points], i) => ({ voterId: String(i + 1), projects, points })),
  };
}
