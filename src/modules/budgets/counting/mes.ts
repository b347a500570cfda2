import type { TieBreaking } from './election';
import type { CompiledElection } from './profile';
import { money } from './profile';
import { type Rational, gcd, rat } from './rational';
import type {
  MesFundedExplanation,
  MesUnfundedExplanation,
  ProjectExplanation,
  RuleRun,
  TieRecord,
} from './result';
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
 *   bought, and then every supporter in class c moves to the same class child(c, project), so the number
 *   of classes stays far below the number of voters.
 * - All class budgets are integer numerators over one shared denominator G (in scaled money), so comparing
 *   and adding budgets is integer arithmetic; buying a project at price X/Y multiplies G by Y once per round.
 * - For each project we keep how many supporters sit in each (class, weight), updated incrementally when
 *   voters move; computing its price ρ walks those entries in order of budget per point.
 */

interface Evaluation {
  /** Price per weight unit is x / remW (in units of 1/G scaled money). */
  readonly x: bigint;
  readonly remW: bigint;
}

const ZERO_CLASS = -1;

export function runMes(c: CompiledElection, options: MesOptions): MesRun {
  const nProjects = c.ids.length;
  const groups = c.groups;

  // Weight interning: entry keys are class * wCount + weightIndex.
  const weightIndex = new Map<bigint, number>();
  const weightValues: bigint[] = [];
  const groupWeightIdx: Int32Array[] = groups.map((g) => {
    const idx = new Int32Array(g.projects.length);
    if (g.weights) {
      g.weights.forEach((w, k) => {
        let wi = weightIndex.get(w);
        if (wi === undefined) {
          wi = weightValues.length;
          weightValues.push(w);
          weightIndex.set(w, wi);
        }
        idx[k] = wi;
      });
    }
    return idx;
  });
  if (weightValues.length === 0) weightValues.push(1n);
  const wCount = weightValues.length;
  const weighted = wCount > 1 || weightValues[0] !== 1n;

  let G = options.perVoterBudget.den;
  const classNum: bigint[] = [options.perVoterBudget.num * c.moneyScale];
  const classPop: number[] = [0];
  const cls = new Int32Array(groups.length);
  if (classNum[0] === 0n) cls.fill(ZERO_CLASS);

  const entries: Map<number, number>[] = c.ids.map(() => new Map());
  const alive = new Uint8Array(nProjects);
  const staleNum: bigint[] = new Array(nProjects).fill(0n);
  const staleDen: bigint[] = new Array(nProjects).fill(1n);
  const winners: number[] = [];
  const explanations = new Array<ProjectExplanation>(nProjects);
  const ties: TieRecord[] = [];
  const payments: ProjectPayments[] | undefined = options.recordPayments ? [] : undefined;

  if (classNum[0] !== 0n) {
    groups.forEach((g, gi) => {
      classPop[0] = (classPop[0] ?? 0) + g.count;
      const wIdx = groupWeightIdx[gi] as Int32Array;
      g.projects.forEach((p, k) => {
        const m = entries[p] as Map<number, number>;
        const key = wIdx[k] ?? 0;
        m.set(key, (m.get(key) ?? 0) + g.count);
      });
    });
  }

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
  const classOf = (key: number) => Math.floor(key / wCount);

  /** Smallest price such that supporters paying min(budget, price × weight) cover the cost, or null. */
  function evaluate(p: number): Evaluation | null {
    const m = entries[p] as Map<number, number>;
    const list: number[] = [];
    let remW = 0n;
    let total = 0n;
    for (const [key, cnt] of m) {
      list.push(key);
      const bc = BigInt(cnt);
      remW += bc * weightOf(key);
      total += bc * (classNum[classOf(key)] ?? 0n);
    }
    const target = (c.costs[p] ?? 0n) * G;
    if (total < target) return null;
    if (weighted) {
      list.sort((a, b) => {
        const l = (classNum[classOf(a)] ?? 0n) * weightOf(b);
        const r = (classNum[classOf(b)] ?? 0n) * weightOf(a);
        return l < r ? -1 : l > r ? 1 : 0;
      });
    } else {
      list.sort((a, b) => {
        const l = classNum[a] ?? 0n;
        const r = classNum[b] ?? 0n;
        return l < r ? -1 : l > r ? 1 : 0;
      });
    }
    let paid = 0n;
    for (const key of list) {
      const num = classNum[classOf(key)] ?? 0n;
      const w = weightOf(key);
      const x = target - paid;
      if (x * w <= num * remW) return { x, remW };
      const cnt = BigInt(m.get(key) ?? 0);
      paid += cnt * num;
      remW -= cnt * w;
    }
    return null; // unreachable: total >= target guarantees the last entry can pay
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
      // Prices only rise, so a stale price above the best current one rules the project out this round.
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
    // Move every budget onto the denominator G·y so the new budgets num·y − x·w stay integers.
    if (y !== 1n) {
      for (let k = 0; k < classNum.length; k++) {
        if ((classPop[k] ?? 0) > 0) classNum[k] = (classNum[k] ?? 0n) * y;
      }
      G *= y;
    }
    alive[p] = 0;
    entries[p]?.clear();
    const child = new Map<number, number>();
    let payingMax = 0;
    let payingAll = 0;
    let paidByPoor = 0n;
    let broke = 0;
    const byGroup: Array<readonly [number, Rational]> = [];
    const supporters = c.supporterGroups[p] as Int32Array;
    for (let s = 0; s < supporters.length; s++) {
      const gi = supporters[s] as number;
      const from = cls[gi] as number;
      const grp = groups[gi];
      if (!grp) continue;
      if (from === ZERO_CLASS) {
        broke += grp.count;
        continue;
      }
      const k = grp.projects.indexOf(p);
      const w = grp.weights ? (grp.weights[k] ?? 1n) : 1n;
      const wi = (groupWeightIdx[gi] as Int32Array)[k] ?? 0;
      const childKey = from * wCount + wi;
      let to = child.get(childKey);
      const num = classNum[from] ?? 0n;
      const share = x * w;
      if (to === undefined) {
        const left = num - share;
        if (left > 0n) {
          to = classNum.length;
          classNum.push(left);
          classPop.push(0);
        } else to = ZERO_CLASS;
        child.set(childKey, to);
      }
      if (payments) byGroup.push([gi, money(c, share <= num ? share : num, G)]);
      if (share <= num) payingMax += grp.count;
      else {
        payingAll += grp.count;
        paidByPoor += BigInt(grp.count) * num;
      }
      moveGroup(gi, from, to);
    }
    winners.push(p);
    payments?.push({ project: p, byGroup });
    explanations[p] = funded(c, p, roundNo, x * c.weightScale, G, {
      payingMax,
      payingAll,
      paidByPoor,
      broke,
    });
  }

  function moveGroup(gi: number, from: number, to: number): void {
    const grp = groups[gi];
    if (!grp) return;
    cls[gi] = to;
    classPop[from] = (classPop[from] ?? 0) - grp.count;
    if (to !== ZERO_CLASS) classPop[to] = (classPop[to] ?? 0) + grp.count;
    const wIdx = groupWeightIdx[gi] as Int32Array;
    const projects = grp.projects;
    for (let k = 0; k < projects.length; k++) {
      const q = projects[k] as number;
      if (!alive[q]) continue;
      const m = entries[q] as Map<number, number>;
      const wi = wIdx[k] ?? 0;
      const oldKey = from * wCount + wi;
      const left = (m.get(oldKey) ?? 0) - grp.count;
      if (left > 0) m.set(oldKey, left);
      else m.delete(oldKey);
      if (to !== ZERO_CLASS) {
        const newKey = to * wCount + wi;
        m.set(newKey, (m.get(newKey) ?? 0) + grp.count);
      }
    }
  }

  for (let p = 0; p < nProjects; p++) {
    if (explanations[p]) continue;
    let left = 0n;
    for (const [key, cnt] of entries[p] ?? []) left += BigInt(cnt) * (classNum[classOf(key)] ?? 0n);
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
