import { describe, expect, it } from 'vitest';
import { countElection } from './count';
import { approvalElection, cumulativeElection } from './fixtures.test-support';
import { rat } from './rational';
import type { MesFundedExplanation, MesUnfundedExplanation } from './result';

describe('Method of Equal Shares', () => {
  it('explains price, payments and effective votes of a funded project', () => {
    // 4 voters, 25 each. a: 3 supporters share 60 → 20 each (ρ = 1/3 per unit).
    const e = approvalElection({ a: 60, b: 30, c: 50 }, [['a', 'b'], ['a'], ['a', 'b'], ['c']], 100);
    const r = countElection(e, { rule: 'mes' });
    expect(r.winners).toEqual(['a']);
    const a = r.explanations.find((x) => x.projectId === 'a') as MesFundedExplanation;
    expect(a).toMatchObject({
      kind: 'mes-funded',
      round: 1,
      maxPayment: rat(20n),
      effectiveVotes: rat(3n),
      rho: rat(1n, 3n),
      votersPayingMax: 3,
      votersPayingAllLeft: 0,
    });
    // b: its 2 supporters have 5 each left, 10 < 30.
    const b = r.explanations.find((x) => x.projectId === 'b') as MesUnfundedExplanation;
    expect(b).toMatchObject({ reason: 'supporters-out-of-money', moneyLeft: rat(10n) });
    const c = r.explanations.find((x) => x.projectId === 'c') as MesUnfundedExplanation;
    expect(c).toMatchObject({ reason: 'supporters-out-of-money', moneyLeft: rat(25n) });
  });

  it('lets supporters with less pay all they have and the others cover the rest', () => {
    // 5 voters × 10. a (cost 32, 4 supporters) first: 8 each, leaving voters 0–3 with 2.
    // b (cost 12) by voters 0, 1, 4: voters 0 and 1 pay their last 2, voter 4 pays 8.
    const e = approvalElection({ a: 32, b: 12 }, [['a', 'b'], ['a', 'b'], ['a'], ['a'], ['b']], 50);
    const r = countElection(e, { rule: 'mes' });
    expect(r.winners).toEqual(['a', 'b']);
    const b = r.explanations.find((x) => x.projectId === 'b') as MesFundedExplanation;
    expect(b).toMatchObject({
      round: 2,
      votersPayingAllLeft: 2,
      paidByThoseWithLess: rat(4n),
      votersPayingMax: 1,
      maxPayment: rat(8n),
      effectiveVotes: rat(3n, 2n),
      rho: rat(2n, 3n),
    });
  });

  it('breaks equal prices by lower cost then votes, or by id, and records the tie', () => {
    // x (10) and z (20) each have two supporters: both cost ρ = 1/2 per unit.
    const e = approvalElection({ z: 20, x: 10 }, [['x'], ['x'], ['z'], ['z']], 40);
    const cheap = countElection(e, { rule: 'mes', ties: 'cost-votes' });
    expect(cheap.winners).toEqual(['x', 'z']);
    expect(cheap.ties).toEqual([{ stage: 'mes-round', run: 'mes', round: 1, order: ['x', 'z'], decidedBy: 'lower-cost' }]);
    const y = approvalElection({ y: 10, x: 10 }, [['x'], ['x'], ['y'], ['y']], 20);
    const byId = countElection(y, { rule: 'mes', ties: 'id' });
    expect(byId.winners).toEqual(['x', 'y']);
    expect(byId.ties[0]).toEqual({
      stage: 'mes-round',
      run: 'mes',
      round: 1,
      order: ['x', 'y'],
      decidedBy: 'id',
    });
    expect(countElection(y, { rule: 'mes', ties: 'cost-votes' }).ties[0]?.decidedBy).toBe('id');
  });

  it('uses points × cost as utility for cumulative ballots', () => {
    const e = cumulativeElection(
      { a: 10, b: 10 },
      [
        [
          ['a', 'b'],
          [rat(3n), rat(1n)],
        ],
        [['b'], [rat(1n)]],
      ],
      20,
    );
    const r = countElection(e, { rule: 'mes' });
    // a: 10 over 3 points (ρ = 1/3) beats b: 10 over 2 points (ρ = 1/2). Voter 1 is then empty.
    expect(r.winners).toEqual(['a', 'b']);
    const [a, b] = r.explanations as MesFundedExplanation[];
    expect(a).toMatchObject({ paymentUnit: 'point', maxPayment: rat(10n, 3n), rho: rat(1n, 3n) });
    expect(b).toMatchObject({ maxPayment: rat(10n), votersWithNothingLeft: 1, votersPayingMax: 1 });
  });

  it('funds a free project with supporters up front and never an unsupported one', () => {
    const e = approvalElection({ free: 0, nobody: 0, a: 10 }, [['free', 'a'], ['a']], 10);
    const r = countElection(e, { rule: 'mes' });
    expect(r.winners).toEqual(['free', 'a']);
    expect(r.explanations.find((x) => x.projectId === 'nobody')).toMatchObject({ reason: 'no-supporters' });
  });
});

describe('Add1 completion', () => {
  // 2 voters, budget 10 → 5 each. a (cost 6) by both; b (cost 4) by voter 0 only.
  const e = approvalElection({ a: 6, b: 4 }, [['a', 'b'], ['a']], 10);

  it('equalshares.net variant raises the per-voter budget until the outcome is exhaustive', () => {
    const r = countElection(e, { rule: 'mes-add1' });
    expect([...r.winners].sort()).toEqual(['a', 'b']);
    expect(r.add1).toMatchObject({ variant: 'equalshares', stopReason: 'exhaustive' });
  });

  it('pabulib variant stops when every supported project is funded (its limit)', () => {
    const r = countElection(e, { rule: 'mes-add1-pabulib' });
    expect([...r.winners].sort()).toEqual(['a', 'b']);
    expect(r.add1).toMatchObject({ variant: 'pabulib', stopReason: 'all-supported-funded' });
  });

  it('keeps the previous outcome when the next raise exceeds the budget', () => {
    // 2 voters × 5. b (4) is funded; c (6, no supporters) still fits, so the outcome is not exhaustive.
    // At 6 per voter nothing changes; at 7 a (7) joins and 11 > 10, so the outcome at 6 stands.
    const r = countElection(approvalElection({ a: 7, b: 4, c: 6 }, [['a'], ['b']], 10), { rule: 'mes-add1' });
    expect(r.winners).toEqual(['b']);
    expect(r.add1).toMatchObject({ stopReason: 'next-over-budget', perVoterBudget: rat(6n), runs: 3 });
  });

  it('comparison step switches to greedy only if strictly more voters prefer it', () => {
    // 4 voters × 25: MES funds b and c (two supporters each); greedy funds a (three votes, cost 100).
    const e2 = approvalElection({ a: 100, b: 50, c: 50 }, [['a', 'b'], ['a', 'b'], ['a', 'c'], ['c']], 100);
    const r = countElection(e2, { rule: 'mes', comparison: true });
    expect(r.comparisonStep).toMatchObject({ prefersMes: 1, prefersGreedy: 0, switchedToGreedy: false });
    expect(r.winners).toEqual(['b', 'c']);
    const e3 = approvalElection({ a: 100, b: 50, c: 50 }, [['a'], ['a'], ['a', 'b'], ['b']], 100);
    const r3 = countElection(e3, { rule: 'mes', comparison: true });
    expect(r3.comparisonStep).toMatchObject({ prefersMes: 1, prefersGreedy: 2, switchedToGreedy: true });
    expect(r3.winners).toEqual(['a']);
    expect(r3.explanations.every((x) => x.kind === 'greedy')).toBe(true);
  });
});
