import type { TieBreaking } from './election';
import type { CompiledElection } from './profile';
import { money } from './profile';
import { gcd, type Rational, rat } from './rational';
import type { MesFundedExplanation, MesUnfundedExplanation, ProjectExplanation, RuleRun, TieRecord } from './result';
import { compareIds, pickTied } from './tie-breaking';

export interface MesOptions {
  readonly ties: TieBreaking;
  /** Virtual budget of every voter in currency units (plain MES: budget / number of voters). */
  readonly perVoterBudget: Rational;
  /** Also return what every ballot group paid for each project (for audits and tests; costs memory). */
  readonly recordPayments?: boolean;
}

/** What each voter of a ballot group paid for one funded project, in currency units. */
export interface ProjectPayments {
  readonly project: number;
  readonly byGroup: ReadonlyArray<readonly [group: number, perVoter: Rational]>;
}

export interface MesRun extends RuleRun {
  readonly payments?: readonly ProjectPayments[];
}

/*
 * Representation, chosen for speed with exact numbers:
 * - Voters with identical ballots form a group (CompiledElection.groups).
 * - Voters whose remaining budgets are equal share a budget class. Budgets only change when a project is
 *   bought, and then every supporter in class c moves to the same class child(c, project), so there are
 *   far fewer classes than voters and all BigInt work is done once per class, not once per voter.
 * - All class budgets are integer numerators over one shared denominator G (in scaled money), so comparing
 *   and adding budgets is integer arithmetic without gcd; buying at price x/y multiplies G by y once.
 * - A project's price ρ is computed from its supporters counted per (class, weight) in a scratch typed
 *   array, walked in order of budget per point. Prices only rise, so last round's price is a lower bound
 *   and most projects need no re-evaluation in a round.
 */

interface Evaluation {
  /** Price per weight unit is x / remW (in units of 1/G scaled money). */
  readonly x: bigint;
  readonly remW: bigint;
}

/** Per-election data reused by every run (Add1 runs MES many times on the same election). */
interface Prepared {
  readonly weightValues: readonly bigint[];
  readonly wCount: number;
  readonly weighted: boolean;
  /** Per project, the weight index of each supporter group (null: approval, all weights 1). */
  readonly supporterWeightIdx: readonly (Int32Array | null)[];
  readonly groupCount: Int32Array;
  readonly totalVoters: number;
}

const preparedCache = new WeakMap<CompiledElection, Prepared>();

function prepare(c: CompiledElection): Prepared {
  const cached = preparedCache.get(c);
  if (cached) return cached;
  const weightIndex = new Map<bigint, number>();
  const weightValues: bigint[] = [];
  const intern = (w: bigint) => {
    let wi = weightIndex.get(w);
    if (wi === undefined) {
      wi = weightValues.length;
      weightValues.push(w);
      weightIndex.set(w, wi);
    }
    return wi;
  };
  const weighted = c.groups.some((g) => g.weights !== null);
  const supporterWeightIdx = c.supporterGroups.map((sup, p) => {
    if (!weighted) return null;
    const idx = new Int32Array(sup.length);
    sup.forEach((gi, s) => {
      const g = c.groups[gi];
      const k = g ? g.projects.indexOf(p) : -1;
      idx[s] = intern(g?.weights?.[k] ?? 1n);
    });
    return idx;
  });
  if (weightValues.length === 0) weightValues.push(1n);
  const groupCount = Int32Array.from(c.groups, (g) => g.count);
  const prepared: Prepared = {
    weightValues,
    wCount: weightValues.length,
    weighted,
    supporterWeightIdx,
    groupCount,
    totalVoters: groupCount.reduce((a, b) => a + b, 0),
  };
  preparedCache.set(c, prepared);
  return prepared;
}

const ZERO_CLASS = -1;
const UNSET = -2;

export function runMes(c: CompiledElection, options: MesOptions): MesRun {
  const nProjects = c.ids.length;
  const { weightValues, wCount, weighted, supporterWeightIdx, groupCount, totalVoters } = prepare(c);
  const supporterGroups = c.supporterGroups;

  let G = options.perVoterBudget.den;
  const classNum: bigint[] = [options.perVoterBudget.num * c.moneyScale];
  const classPop: number[] = [totalVoters];
  const cls = new Int32Array(groupCount.length);
  if (classNum[0] === 0n) {
    cls.fill(ZERO_CLASS);
    classPop[0] = 0;
  }

  // Scratch arrays indexed by key = class * wCount + weightIndex; always left zeroed / UNSET.
  let scratchCount = new Int32Array(64);
  let scratchTo = new Int32Array(64).fill(UNSET);
  const ensureCapacity = () => {
    const need = classNum.length * wCount;
    if (need <= scratchCount.length) return;
    let size = scratchCount.length;
    while (size < need) size *= 2;
    const count = new Int32Array(size);
    count.set(scratchCount);
    const to = new Int32Array(size).fill(UNSET);
    to.set(scratchTo);
    scratchCount = count;
    scratchTo = to;
  };

  const alive = new Uint8Array(nProjects);
  const staleNum: bigint[] = new Array(nProjects).fill(0n);
  const staleDen: bigint[] = new Array(nProjects).fill(1n);
  const winners: number[] = [];
  const explanations = new Array<ProjectExplanation>(nProjects);
  const ties: TieRecord[] = [];
  const payments: ProjectPayments[] | undefined = options.recordPayments ? [] : undefined;

  for (let p = 0; p < nProjects; p++) {
    const cost = c.costs[p] ?? 0n;
    const supported = (c.votes[p] ?? 0) > 0;
    if (supported && cost === 0n) {
      // As in pabutools: a free project someone wants is bought up front, charging nobody.
      winners.push(p);
      explanations[p] = funded(c, p, 0, 0n, 1n, { payingMax: 0, payingAll: 0, paidByPoor: 0n, broke: 0 });
    } else if (supported) {
      alive[p] = 1;
      // ρ can only grow as budgets shrink, so 1 / total weight is a valid lower bound to start from.
      staleNum[p] = 1n;
      staleDen[p] = c.scores[p] ?? 1n;
    }
  }
  winners.sort((a, b) => compareIds(c.ids[a] ?? '', c.ids[b] ?? ''));

  const weightOf = (key: number) => weightValues[key % wCount] ?? 1n;
  const classOf = (key: number) => (wCount === 1 ? key : Math.floor(key / wCount));

  /** Counts p's supporters with money left per (class, weight) into scratchCount; returns the keys used. */
  function gather(p: number): number[] {
    ensureCapacity();
    const sup = supporterGroups[p] as Int32Array;
    const wIdx = supporterWeightIdx[p] ?? null;
    const keys: number[] = [];
    for (let s = 0; s < sup.length; s++) {
      const g = sup[s] as number;
      const from = cls[g] as number;
      if (from === ZERO_CLASS) continue;
      const key = wIdx ? from * wCount + (wIdx[s] as number) : from;
      if (scratchCount[key] === 0) keys.push(key);
      scratchCount[key] = (scratchCount[key] as number) + (groupCount[g] as number);
    }
    return keys;
  }

  function release(keys: readonly number[]): void {
    for (const k of keys) scratchCount[k] = 0;
  }

  /** Smallest price such that supporters paying min(budget, price × weight) cover the cost, or null. */
  function evaluate(p: number): Evaluation | null {
    const keys = gather(p);
    try {
      let remW = 0n;
      let total = 0n;
      for (const key of keys) {
        const bc = BigInt(scratchCount[key] as number);
        remW += bc * weightOf(key);
        total += bc * (classNum[classOf(key)] ?? 0n);
      }
      const target = (c.costs[p] ?? 0n) * G;
      if (total < target) return null;
      if (weighted) {
        keys.sort((a, b) => {
          const l = (classNum[classOf(a)] ?? 0n) * weightOf(b);
          const r = (classNum[classOf(b)] ?? 0n) * weightOf(a);
          return l < r ? -1 : l > r ? 1 : 0;
        });
      } else {
        keys.sort((a, b) => {
          const l = classNum[a] ?? 0n;
          const r = classNum[b] ?? 0n;
          return l < r ? -1 : l > r ? 1 : 0;
        });
      }
      let paid = 0n;
      for (const key of keys) {
        const num = classNum[classOf(key)] ?? 0n;
        const w = weightOf(key);
        const x = target - paid;
        if (x * w <= num * remW) return { x, remW };
        const cnt = BigInt(scratchCount[key] as number);
        paid += cnt * num;
        remW -= cnt * w;
      }
      return null; // unreachable: total >= target guarantees the last entry can pay
    } finally {
      release(keys);
    }
  }

  let round = 0;
  for (;;) {
    const candidates: number[] = [];
    for (let p = 0; p < nProjects; p++) if (alive[p]) candidates.push(p);
    if (candidates.length === 0) break;
    candidates.sort((a, b) => {
      const l = (staleNum[a] ?? 0n) * (staleDen[b] ?? 1n);
      const r = (staleNum[b] ?? 0n) * (staleDen[a] ?? 1n);
      return l < r ? -1 : l > r ? 1 : a - b;
    });

    let bestNum = 0n;
    let bestDen = 0n;
    let tied: number[] = [];
    const evals = new Map<number, Evaluation>();
    for (const p of candidates) {
      // A stale price above the best current one rules the project out for this round.
      if (tied.length > 0 && (staleNum[p] ?? 0n) * bestDen > bestNum * (staleDen[p] ?? 1n)) break;
      const e = evaluate(p);
      if (!e) {
        alive[p] = 0;
        continue;
      }
      evals.set(p, e);
      // ρ = price per point / cost, in units independent of G so it stays comparable across rounds.
      const num = e.x;
      const den = e.remW * (c.costs[p] ?? 1n) * G;
      staleNum[p] = num;
      staleDen[p] = den;
      if (tied.length === 0) {
        bestNum = num;
        bestDen = den;
        tied = [p];
        continue;
      }
      const l = num * bestDen;
      const r = bestNum * den;
      if (l < r) {
        bestNum = num;
        bestDen = den;
        tied = [p];
      } else if (l === r) tied.push(p);
    }
    if (tied.length === 0) break;

    round++;
    let chosen = tied[0] as number;
    if (tied.length > 1) {
      const { order, decidedBy } = pickTied(c, tied, options.ties);
      chosen = order[0] as number;
      ties.push({
        stage: 'mes-round',
        run: 'mes',
        round,
        order: order.map((i) => c.ids[i] ?? ''),
        decidedBy,
      });
    }
    buy(chosen, evals.get(chosen) as Evaluation, round);
  }

  function buy(p: number, e: Evaluation, roundNo: number): void {
    const g0 = gcd(e.x, e.remW);
    const x = e.x / g0;
    const y = e.remW / g0;
    // Move every budget onto the denominator G·y so that the new budgets num·y − x·w stay integers.
    if (y !== 1n) {
      for (let k = 0; k < classNum.length; k++) {
        if ((classPop[k] ?? 0) > 0) classNum[k] = (classNum[k] ?? 0n) * y;
      }
      G *= y;
    }
    alive[p] = 0;
    ensureCapacity();
    const sup = supporterGroups[p] as Int32Array;
    const wIdx = supporterWeightIdx[p] ?? null;
    const keys: number[] = [];
    const paidBy: Array<readonly [group: number, key: number]> = [];
    let broke = 0;
    for (let s = 0; s < sup.length; s++) {
      const g = sup[s] as number;
      const from = cls[g] as number;
      const n = groupCount[g] as number;
      if (from === ZERO_CLASS) {
        broke += n;
        continue;
      }
      const key = wIdx ? from * wCount + (wIdx[s] as number) : from;
      let to = scratchTo[key] as number;
      if (to === UNSET) {
        const left = (classNum[from] ?? 0n) - x * weightOf(key);
        if (left > 0n) {
          to = classNum.length;
          classNum.push(left);
          classPop.push(0);
        } else to = ZERO_CLASS;
        scratchTo[key] = to;
        keys.push(key);
      }
      scratchCount[key] = (scratchCount[key] as number) + n;
      if (payments) paidBy.push([g, key]);
      cls[g] = to;
      classPop[from] = (classPop[from] ?? 0) - n;
      if (to !== ZERO_CLASS) classPop[to] = (classPop[to] ?? 0) + n;
    }

    let payingMax = 0;
    let payingAll = 0;
    let paidByPoor = 0n;
    const perVoter = new Map<number, bigint>();
    for (const key of keys) {
      const n = scratchCount[key] as number;
      const num = classNum[classOf(key)] ?? 0n;
      const share = x * weightOf(key);
      if (share <= num) payingMax += n;
      else {
        payingAll += n;
        paidByPoor += BigInt(n) * num;
      }
      if (payments) perVoter.set(key, share <= num ? share : num);
      scratchCount[key] = 0;
      scratchTo[key] = UNSET;
    }
    if (payments) {
      const byGroup = paidBy.map(([g, key]) => [g, money(c, perVoter.get(key) ?? 0n, G)] as const);
      payments.push({ project: p, byGroup });
    }
    winners.push(p);
    explanations[p] = funded(c, p, roundNo, x * c.weightScale, G, {
      payingMax,
      payingAll,
      paidByPoor,
      broke,
    });
  }

  for (let p = 0; p < nProjects; p++) {
    if (explanations[p]) continue;
    const keys = gather(p);
    let left = 0n;
    for (const key of keys) left += BigInt(scratchCount[key] as number) * (classNum[classOf(key)] ?? 0n);
    release(keys);
    const unfunded: MesUnfundedExplanation = {
      kind: 'mes-unfunded',
      projectId: c.ids[p] ?? '',
      cost: money(c, c.costs[p] ?? 0n),
      votes: c.votes[p] ?? 0,
      funded: false,
      reason: (c.votes[p] ?? 0) > 0 ? 'supporters-out-of-money' : 'no-supporters',
      moneyLeft: money(c, left, G),
    };
    explanations[p] = unfunded;
  }
  return { winners, explanations, ties, ...(payments ? { payments } : {}) };
}

/** `pricePerPointScaled / priceDen` is the payment per point in scaled money. */
function funded(
  c: CompiledElection,
  p: number,
  round: number,
  pricePerPointScaled: bigint,
  priceDen: bigint,
  payers: { payingMax: number; payingAll: number; paidByPoor: bigint; broke: number },
): MesFundedExplanation {
  const cost = money(c, c.costs[p] ?? 0n);
  const maxPayment = money(c, pricePerPointScaled, priceDen);
  const free = maxPayment.num === 0n;
  return {
    kind: 'mes-funded',
    projectId: c.ids[p] ?? '',
    cost,
    votes: c.votes[p] ?? 0,
    funded: true,
    round,
    rho: free ? rat(0n) : rat(maxPayment.num * cost.den, maxPayment.den * cost.num),
    maxPayment,
    paymentUnit: c.election.voteType === 'cumulative' ? 'point' : 'supporter',
    effectiveVotes: free ? rat(c.votes[p] ?? 0) : rat(cost.num * maxPayment.den, cost.den * maxPayment.num),
    votersPayingMax: payers.payingMax,
    votersPayingAllLeft: payers.payingAll,
    paidByThoseWithLess: money(c, payers.paidByPoor, priceDen),
    votersWithNothingLeft: payers.broke,
  };
}
