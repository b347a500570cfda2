import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toExactJson } from '../json';
import { type CountOptions, countElection, perVoterShare } from './count';
import type { Election, RuleName, TieBreaking } from './election';
import { electionArb } from './fixtures.test-support';
import { runMes } from './mes';
import { naiveMes } from './naive-mes.test-support';
import { compileElection } from './profile';
import { add, cmp, le, mul, type Rational, rat, sub, ZERO } from './rational';

const RULES: RuleName[] = ['greedy', 'mes', 'mes-add1', 'mes-add1-pabulib'];
const optionsArb = fc.record({
  rule: fc.constantFrom(...RULES),
  ties: fc.constantFrom<TieBreaking>('cost-votes', 'id'),
  comparison: fc.boolean(),
});
const RUNS = { numRuns: 300 };
// MES paths with capped supporters and ties are rarer; give the exact-payment checks more cases.
const MANY = { numRuns: 1500 };

describe('counting properties', () => {
  it('never spends more than the budget, and funds each project at most once', () => {
    fc.assert(
      fc.property(electionArb(), optionsArb, (election, options) => {
        const r = countElection(election, options);
        expect(le(r.totalCost, election.budget)).toBe(true);
        expect(new Set(r.winners).size).toBe(r.winners.length);
        const costs = new Map(election.projects.map((p) => [p.id, p.cost]));
        const total = r.winners.reduce((acc, id) => add(acc, costs.get(id) ?? ZERO), ZERO);
        expect(cmp(total, r.totalCost)).toBe(0);
        expect(r.explanations.filter((e) => e.funded).length).toBe(r.winners.length);
      }),
      RUNS,
    );
  });

  it('MES: supporters pay exactly the cost and nobody pays more than their budget', () => {
    fc.assert(
      fc.property(electionArb(), fc.constantFrom<TieBreaking>('cost-votes', 'id'), (election, ties) => {
        const c = compileElection(election);
        const share = perVoterShare(election);
        const run = runMes(c, { ties, perVoterBudget: share, recordPayments: true });
        const spent = c.groups.map(() => ZERO);
        for (const { project, byGroup } of run.payments ?? []) {
          let total = ZERO;
          for (const [g, perVoter] of byGroup) {
            expect(perVoter.num >= 0n).toBe(true);
            const group = c.groups[g];
            if (!group) throw new Error('unknown group');
            // only supporters pay
            expect(group.projects.includes(project)).toBe(true);
            total = add(total, mul(perVoter, rat(group.count)));
            spent[g] = add(spent[g] ?? ZERO, perVoter);
          }
          expect(cmp(total, election.projects[project]?.cost ?? ZERO)).toBe(0);
        }
        for (const s of spent) expect(le(s, share)).toBe(true);
        expect((run.payments ?? []).length).toBe(run.winners.filter((w) => (c.costs[w] ?? 0n) > 0n).length);
      }),
      MANY,
    );
  });

  it('MES: agrees with a naive one-budget-per-voter implementation, round by round', () => {
    fc.assert(
      fc.property(electionArb(), fc.constantFrom<TieBreaking>('cost-votes', 'id'), fc.integer({ min: 0, max: 3 }), (election, ties, extra) => {
        // Also at raised per-voter budgets, as the Add1 completion uses them.
        const perVoter = add(perVoterShare(election), rat(extra));
        const fast = runMes(compileElection(election), { ties, perVoterBudget: perVoter });
        const ids = election.projects.map((p) => p.id);
        expect(fast.winners.map((i) => ids[i])).toEqual(naiveMes(election, perVoter, ties));
      }),
      MANY,
    );
  });

  it('greedy outcomes are exhaustive: no unfunded project fits in the leftover', () => {
    fc.assert(
      fc.property(electionArb(), fc.constantFrom<TieBreaking>('cost-votes', 'id'), (election, ties) => {
        const r = countElection(election, { rule: 'greedy', ties });
        for (const e of r.explanations) if (!e.funded) expect(cmp(e.cost, r.leftover)).toBe(1);
      }),
      RUNS,
    );
  });

  it('greedy no-skip funds a prefix of the ranking; the threshold excludes low scores', () => {
    fc.assert(
      fc.property(electionArb(), fc.integer({ min: 0, max: 4 }), (election, t) => {
        const r = countElection(election, { rule: 'greedy', noSkip: true, threshold: rat(t) });
        const ranked = [...r.explanations].sort((a, b) => (a.kind === 'greedy' && b.kind === 'greedy' ? a.position - b.position : 0));
        const eligible = ranked.filter((e) => e.kind === 'greedy' && e.status !== 'below-threshold');
        const firstMiss = eligible.findIndex((e) => !e.funded);
        if (firstMiss >= 0) expect(eligible.slice(firstMiss).every((e) => !e.funded)).toBe(true);
        for (const e of r.explanations) {
          if (e.kind === 'greedy' && e.status === 'below-threshold') expect(cmp(e.score, rat(t))).toBe(-1);
        }
      }),
      RUNS,
    );
  });

  it('the outcome does not depend on the order of the ballots', () => {
    fc.assert(
      fc.property(electionArb(), optionsArb, fc.array(fc.nat(), { maxLength: 20 }), (election, options: CountOptions, keys) => {
        const shuffled: Election = {
          ...election,
          ballots: election.ballots
            .map((b, i) => ({ b, k: keys[i % Math.max(keys.length, 1)] ?? 0, i }))
            .sort((x, y) => x.k - y.k || y.i - x.i)
            .map(({ b }) => b),
        };
        expect(toExactJson(countElection(shuffled, options))).toBe(toExactJson(countElection(election, options)));
      }),
      RUNS,
    );
  });

  it('Add1: the pabulib variant never stops earlier than the equalshares.net variant', () => {
    fc.assert(
      fc.property(electionArb({ voteTypes: ['approval', 'choose-1'] }), (election) => {
        const a = countElection(election, { rule: 'mes-add1' });
        const b = countElection(election, { rule: 'mes-add1-pabulib' });
        const mes = countElection(election, { rule: 'mes', ties: 'cost-votes' });
        const pv = (x: Rational | undefined) => x ?? ZERO;
        expect(cmp(pv(a.add1?.perVoterBudget), pv(b.add1?.perVoterBudget)) <= 0).toBe(true);
        // Add1 starts from plain MES, so it never has fewer runs than one and never less money per voter.
        expect(cmp(sub(pv(a.add1?.perVoterBudget), perVoterShare(election)), ZERO) >= 0).toBe(true);
        expect(a.add1?.runs ?? 0).toBeGreaterThanOrEqual(1);
        if (a.add1?.runs === 1) expect(a.winners).toEqual(mes.winners);
      }),
      RUNS,
    );
  });
});
