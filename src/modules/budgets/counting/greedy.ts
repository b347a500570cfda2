import type { OrdinalScoring, TieBreaking } from './election';
import type { CompiledElection } from './profile';
import { money } from './profile';
import { le, type Rational, rat } from './rational';
import type { GreedyExplanation, GreedyStatus, RuleRun, TieRecord } from './result';
import { compareTied, orderTied } from './tie-breaking';

export interface GreedyOptions {
  readonly ties: TieBreaking;
  /** Projects scoring below this are never funded (greedy-threshold). */
  readonly threshold?: Rational;
  /** Stop at the first project that does not fit instead of skipping it (greedy-no-skip). */
  readonly noSkip?: boolean;
  readonly ordinalScoring?: OrdinalScoring;
  /** Label for tie records. */
  readonly run?: TieRecord['run'];
}

/**
 * pabulib's placeholder cost for projects admitted to the ballot and withdrawn later; the checker's
 * no-skip greedy passes over them instead of stopping.
 */
export const WITHDRAWN_COST = rat(999999999n);

/** Scores in units of 1/scale points: votes, points, or k..1 positional points for ordinal ballots. */
function scores(c: CompiledElection, ordinal: OrdinalScoring): { values: bigint[]; scale: bigint } {
  if (c.election.voteType !== 'ordinal' || ordinal === 'approval') {
    return { values: [...c.scores], scale: c.weightScale };
  }
  // The pabulib checker scores a ranking of length k as k, k-1, …, 1 (Kraków's published scores).
  const values = c.ids.map(() => 0n);
  for (const b of c.election.ballots) {
    let pts = BigInt(b.projects.length);
    for (const id of b.projects) {
      const i = c.indexOf.get(id);
      if (i !== undefined) values[i] = (values[i] ?? 0n) + pts;
      pts--;
    }
  }
  return { values, scale: 1n };
}

export function greedy(c: CompiledElection, options: GreedyOptions): RuleRun {
  const { values, scale } = scores(c, options.ordinalScoring ?? 'approval');
  const score = (i: number) => values[i] ?? 0n;
  const order = c.ids
    .map((_, i) => i)
    .sort((a, b) => {
      const d = score(b) - score(a);
      return d !== 0n ? (d > 0n ? 1 : -1) : compareTied(c, a, b, options.ties);
    });

  const ties: TieRecord[] = [];
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && score(order[end] ?? 0) === score(order[start] ?? 0)) end++;
    if (end - start > 1) {
      const { order: tied, decidedBy } = orderTied(c, order.slice(start, end), options.ties);
      ties.push({
        stage: 'greedy-order',
        run: options.run ?? 'greedy',
        order: tied.map((i) => c.ids[i] ?? ''),
        decidedBy,
      });
    }
    start = end;
  }

  const withdrawn = (WITHDRAWN_COST.num * c.moneyScale) / WITHDRAWN_COST.den;
  const scoreUnit = c.election.voteType === 'cumulative' || (c.election.voteType === 'ordinal' && options.ordinalScoring === 'positional');
  const explanations = new Array<GreedyExplanation>(c.ids.length);
  const winners: number[] = [];
  let remaining = c.budget;
  let stoppedAt: string | undefined;
  order.forEach((p, position) => {
    const cost = c.costs[p] ?? 0n;
    const s = rat(score(p), scale);
    let status: GreedyStatus;
    if (options.threshold && !le(options.threshold, s)) status = 'below-threshold';
    else if (stoppedAt !== undefined) status = 'not-reached';
    else if (cost <= remaining) status = 'funded';
    else if (options.noSkip && cost === withdrawn) status = 'withdrawn';
    else {
      status = 'did-not-fit';
      if (options.noSkip) stoppedAt = c.ids[p];
    }
    explanations[p] = {
      kind: 'greedy',
      projectId: c.ids[p] ?? '',
      cost: money(c, cost),
      votes: c.votes[p] ?? 0,
      funded: status === 'funded',
      status,
      position: position + 1,
      score: s,
      scoreUnit: scoreUnit ? 'points' : 'votes',
      remainingBefore: money(c, remaining),
      ...(options.threshold ? { threshold: options.threshold } : {}),
      ...(status === 'not-reached' ? { stoppedAt } : {}),
    };
    if (status === 'funded') {
      winners.push(p);
      remaining -= cost;
    }
  });
  return { winners, explanations, ties };
}
