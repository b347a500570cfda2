// A deliberately naive Method of Equal Shares, written straight from the definition with one rational
// budget per voter. The fast engine (grouped ballots, budget classes, shared denominators) must agree.
import type { Election, TieBreaking } from './election';
import { compileElection } from './profile';
import { add, cmp, div, mul, type Rational, rat, sub, ZERO } from './rational';
import { compareTied } from './tie-breaking';

export function naiveMes(election: Election, perVoterBudget: Rational, ties: TieBreaking): string[] {
  const c = compileElection(election);
  const ids = election.projects.map((p) => p.id);
  const utility = election.ballots.map(() => new Map<number, Rational>());
  election.ballots.forEach((b, i) => {
    b.projects.forEach((id, k) => {
      const p = ids.indexOf(id);
      const w = election.voteType === 'cumulative' ? (b.points?.[k] ?? ZERO) : rat(1n);
      if (w.num > 0n) utility[i]?.set(p, mul(w, election.projects[p]?.cost ?? ZERO));
    });
  });
  const budget = election.ballots.map(() => perVoterBudget);
  const supporters = (p: number) => utility.flatMap((u, i) => (u.has(p) ? [i] : []));
  const winners: number[] = [];
  const remaining = new Set<number>();
  election.projects.forEach((p, i) => {
    if (supporters(i).length === 0) return;
    if (p.cost.num === 0n) winners.push(i);
    else remaining.add(i);
  });
  winners.sort((a, b) => compareTied(c, a, b, 'id'));
  for (;;) {
    let best: Rational | null = null;
    let tied: number[] = [];
    for (const p of [...remaining]) {
      const cost = election.projects[p]?.cost ?? ZERO;
      const sup = supporters(p);
      const money = sup.reduce((acc, i) => add(acc, budget[i] ?? ZERO), ZERO);
      if (cmp(money, cost) < 0) {
        remaining.delete(p);
        continue;
      }
      // smallest ρ with Σ min(b_i, ρ·u_i) = cost
      const order = [...sup].sort((a, b) => cmp(div(budget[a] ?? ZERO, utility[a]?.get(p) ?? ZERO), div(budget[b] ?? ZERO, utility[b]?.get(p) ?? ZERO)));
      let paid = ZERO;
      let restUtility = order.reduce((acc, i) => add(acc, utility[i]?.get(p) ?? ZERO), ZERO);
      let rho: Rational | null = null;
      for (const i of order) {
        const u = utility[i]?.get(p) ?? ZERO;
        const candidate = div(sub(cost, paid), restUtility);
        if (cmp(mul(candidate, u), budget[i] ?? ZERO) <= 0) {
          rho = candidate;
          break;
        }
        paid = add(paid, budget[i] ?? ZERO);
        restUtility = sub(restUtility, u);
      }
      if (!rho) throw new Error('affordable project without a price');
      const d = best === null ? -1 : cmp(rho, best);
      if (d < 0) {
        best = rho;
        tied = [p];
      } else if (d === 0) tied.push(p);
    }
    if (!best) break;
    const chosen = [...tied].sort((a, b) => compareTied(c, a, b, ties))[0] as number;
    winners.push(chosen);
    remaining.delete(chosen);
    for (const i of supporters(chosen)) {
      const pay = mul(best, utility[i]?.get(chosen) ?? ZERO);
      const b = budget[i] ?? ZERO;
      budget[i] = cmp(pay, b) >= 0 ? ZERO : sub(b, pay);
    }
  }
  return winners.map((i) => ids[i] ?? '');
}
