import type { Election } from './election';
import { lcm, type Rational, rat } from './rational';

/** Voters with identical ballots behave identically under every rule here, so they are counted once. */
export interface BallotGroup {
  /** Number of voters casting this ballot. */
  readonly count: number;
  /** Project indices with positive weight, ascending. */
  readonly projects: Int32Array;
  /** Weight per entry of `projects` in units of 1/weightScale points; null means 1 each (approval). */
  readonly weights: readonly bigint[] | null;
}

/**
 * An election in the integer form the rules work on: money multiplied by `moneyScale` so that the
 * budget and every cost are integers, points multiplied by `weightScale` likewise.
 */
export interface CompiledElection {
  readonly election: Election;
  readonly ids: readonly string[];
  readonly costs: readonly bigint[];
  readonly budget: bigint;
  readonly moneyScale: bigint;
  readonly weightScale: bigint;
  /** Every ballot row counts, including empty ones: MES gives each an equal share. */
  readonly voterCount: number;
  readonly groups: readonly BallotGroup[];
  /** Group indices supporting each project. */
  readonly supporterGroups: readonly Int32Array[];
  /** Voters giving the project a positive weight ("votes"). */
  readonly votes: readonly number[];
  /** Sum of weights (approval: votes; cumulative: points × weightScale). */
  readonly scores: readonly bigint[];
  readonly indexOf: ReadonlyMap<string, number>;
}

export function compileElection(election: Election): CompiledElection {
  const ids = election.projects.map((p) => p.id);
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => {
    if (indexOf.has(id)) throw new Error(`duplicate project id ${JSON.stringify(id)}`);
    indexOf.set(id, i);
  });

  let moneyScale = election.budget.den;
  for (const p of election.projects) {
    if (p.cost.num < 0n) throw new Error(`project ${p.id} has a negative cost`);
    moneyScale = lcm(moneyScale, p.cost.den);
  }
  const scaleMoney = (r: Rational) => (r.num * moneyScale) / r.den;

  const weighted = election.voteType === 'cumulative';
  let weightScale = 1n;
  if (weighted) {
    for (const b of election.ballots) for (const pt of b.points ?? []) weightScale = lcm(weightScale, pt.den);
  }

  // Hot path for 100,000+ ballots: a stamp array instead of a Set per ballot, and group keys built from
  // the sorted project indices as UTF-16 code units.
  const byKey = new Map<string, { count: number; projects: Int32Array; weights: bigint[] | null }>();
  const stamp = new Int32Array(ids.length).fill(-1);
  const idx: number[] = [];
  const weightOf: bigint[] = new Array(ids.length).fill(0n);
  election.ballots.forEach((ballot, b) => {
    idx.length = 0;
    ballot.projects.forEach((id, k) => {
      const i = indexOf.get(id);
      if (i === undefined) throw new Error(`voter ${ballot.voterId} votes for unknown project ${id}`);
      if (stamp[i] === b) throw new Error(`voter ${ballot.voterId} lists project ${id} twice`);
      stamp[i] = b;
      let w = 1n;
      if (weighted) {
        const pt = ballot.points?.[k];
        if (pt === undefined) throw new Error(`voter ${ballot.voterId} gives no points to ${id}`);
        if (pt.num < 0n) throw new Error(`voter ${ballot.voterId} gives negative points to ${id}`);
        w = (pt.num * weightScale) / pt.den;
        weightOf[i] = w;
      }
      if (w > 0n) idx.push(i);
    });
    idx.sort((x, y) => x - y);
    let key = ids.length < 0xd800 ? String.fromCharCode(...idx) : idx.join(',');
    if (weighted) key += `|${idx.map((i) => weightOf[i]).join(',')}`;
    const group = byKey.get(key);
    if (group) group.count++;
    else {
      byKey.set(key, {
        count: 1,
        projects: Int32Array.from(idx),
        weights: weighted ? idx.map((i) => weightOf[i] ?? 0n) : null,
      });
    }
  });
  const groups = [...byKey.values()];

  const votes = ids.map(() => 0);
  const scores = ids.map(() => 0n);
  const supporterLists: number[][] = ids.map(() => []);
  groups.forEach((g, gi) => {
    g.projects.forEach((p, k) => {
      votes[p] = (votes[p] ?? 0) + g.count;
      scores[p] = (scores[p] ?? 0n) + BigInt(g.count) * (g.weights?.[k] ?? 1n);
      supporterLists[p]?.push(gi);
    });
  });

  return {
    election,
    ids,
    costs: election.projects.map((p) => scaleMoney(p.cost)),
    budget: scaleMoney(election.budget),
    moneyScale,
    weightScale,
    voterCount: election.ballots.length,
    groups,
    supporterGroups: supporterLists.map((l) => Int32Array.from(l)),
    votes,
    scores,
    indexOf,
  };
}

/** Converts scaled money back to currency units. */
export function money(c: CompiledElection, scaled: bigint, extraDen = 1n): Rational {
  return rat(scaled, c.moneyScale * extraDen);
}

export function totalCost(c: CompiledElection, winners: readonly number[]): bigint {
  let t = 0n;
  for (const w of winners) t += c.costs[w] ?? 0n;
  return t;
}
