import { describe, expect, it } from 'vitest';
import { countElection } from './count';
import type { Election } from './election';
import { approvalElection, cumulativeElection } from './fixtures.test-support';
import { rat } from './rational';
import type { GreedyExplanation } from './result';

const byId = (r: ReturnType<typeof countElection>) => Object.fromEntries(r.explanations.map((e) => [e.projectId, e as GreedyExplanation]));

describe('greedy', () => {
  // votes: a 3, b 2, c 2, d 1
  const e = approvalElection(
    { a: 50, b: 40, c: 30, d: 10 },
    [
      ['a', 'b', 'c'],
      ['a', 'b'],
      ['a', 'c', 'd'],
    ],
    100,
  );

  it('funds by votes, skips what does not fit, and records the remaining budget', () => {
    const r = countElection(e, { rule: 'greedy', ties: 'id' });
    expect(r.winners).toEqual(['a', 'b', 'd']);
    const x = byId(r);
    expect(x.c?.status).toBe('did-not-fit');
    expect(x.c?.remainingBefore).toEqual(rat(10n));
    expect(x.d?.position).toBe(4);
  });

  it('breaks equal votes by id or by lower cost, and says so', () => {
    const byIdOrder = countElection(e, { rule: 'greedy', ties: 'id' });
    expect(byIdOrder.ties).toEqual([{ stage: 'greedy-order', run: 'greedy', order: ['b', 'c'], decidedBy: 'id' }]);
    const byCost = countElection(e, { rule: 'greedy', ties: 'cost-votes' });
    expect(byCost.winners).toEqual(['a', 'c', 'd']);
    expect(byCost.ties).toEqual([{ stage: 'greedy-order', run: 'greedy', order: ['c', 'b'], decidedBy: 'lower-cost' }]);
  });

  it('compares ids in plain string order ("10" before "9")', () => {
    const r = countElection(approvalElection({ '9': 10, '10': 10 }, [['9', '10']], 10), {
      rule: 'greedy',
      ties: 'id',
    });
    expect(r.winners).toEqual(['10']);
  });

  it('no-skip stops at the first project that does not fit', () => {
    const r = countElection(e, { rule: 'greedy', ties: 'id', noSkip: true });
    expect(r.winners).toEqual(['a', 'b']);
    expect(byId(r).d).toMatchObject({ status: 'not-reached', stoppedAt: 'c' });
  });

  it('no-skip passes over pabulib withdrawn projects (cost 999999999)', () => {
    const w = approvalElection({ a: 50, x: 999999999, b: 40 }, [['a', 'x', 'b'], ['a', 'x'], ['a']], 100);
    const r = countElection(w, { rule: 'greedy', ties: 'id', noSkip: true });
    expect(r.winners).toEqual(['a', 'b']);
    expect(byId(r).x?.status).toBe('withdrawn');
  });

  it('the threshold makes low scores ineligible even if they fit', () => {
    const r = countElection(e, { rule: 'greedy', ties: 'id', threshold: rat(2n) });
    expect(r.winners).toEqual(['a', 'b']);
    expect(byId(r).d).toMatchObject({ status: 'below-threshold', threshold: rat(2n) });
  });

  it('ranks cumulative ballots by points and ordinal ballots by approvals or k..1 points', () => {
    const cumulative = cumulativeElection(
      { a: 50, b: 50 },
      [
        [
          ['a', 'b'],
          [rat(1n), rat(1n, 2n)],
        ],
        [['b'], [rat(1n)]],
      ],
      50,
    );
    expect(countElection(cumulative, { rule: 'greedy' }).winners).toEqual(['b']);
    const ordinal: Election = {
      voteType: 'ordinal',
      budget: rat(50n),
      projects: cumulative.projects,
      ballots: [
        { voterId: '1', projects: ['a', 'b'] },
        { voterId: '2', projects: ['a', 'b'] },
        { voterId: '3', projects: ['b'] },
      ],
    };
    expect(countElection(ordinal, { rule: 'greedy' }).winners).toEqual(['b']);
    expect(countElection(ordinal, { rule: 'greedy', ordinalScoring: 'positional' }).winners).toEqual(['a']);
  });
});
