import type { TieBreaking } from './election';
import type { CompiledElection } from './profile';
import type { TieCriterion } from './result';

/**
 * Plain string order by Unicode code point, which is how Python (pabutools) compares ids; JavaScript's
 * `<` compares UTF-16 units and differs for characters outside the BMP.
 */
export function compareIds(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Order of two tied projects: negative when `a` wins the tie. */
export function compareTied(c: CompiledElection, a: number, b: number, mode: TieBreaking): number {
  if (mode === 'cost-votes') {
    const ca = c.costs[a] ?? 0n;
    const cb = c.costs[b] ?? 0n;
    if (ca !== cb) return ca < cb ? -1 : 1;
    const va = c.votes[a] ?? 0;
    const vb = c.votes[b] ?? 0;
    if (va !== vb) return vb - va;
  }
  return compareIds(c.ids[a] ?? '', c.ids[b] ?? '');
}

/** The criterion that separates two projects adjacent in tie order. */
export function separatingCriterion(c: CompiledElection, a: number, b: number, mode: TieBreaking): TieCriterion {
  if (mode === 'cost-votes') {
    if (c.costs[a] !== c.costs[b]) return 'lower-cost';
    if (c.votes[a] !== c.votes[b]) return 'more-votes';
  }
  return 'id';
}

function sortTied(c: CompiledElection, tied: readonly number[], mode: TieBreaking): number[] {
  return [...tied].sort((a, b) => compareTied(c, a, b, mode));
}

const STRENGTH: Record<TieCriterion, number> = { 'lower-cost': 0, 'more-votes': 1, id: 2 };

/** Sorts a tied group and reports the strongest criterion that was needed anywhere in it. */
export function orderTied(c: CompiledElection, tied: readonly number[], mode: TieBreaking): { order: number[]; decidedBy: TieCriterion } {
  const order = sortTied(c, tied, mode);
  let decidedBy: TieCriterion = mode === 'id' ? 'id' : 'lower-cost';
  for (let i = 1; i < order.length; i++) {
    const crit = separatingCriterion(c, order[i - 1] ?? 0, order[i] ?? 0, mode);
    if (STRENGTH[crit] > STRENGTH[decidedBy]) decidedBy = crit;
  }
  return { order, decidedBy };
}

/** Picks the winner of a tie; `decidedBy` is what set it apart from the runner-up. */
export function pickTied(c: CompiledElection, tied: readonly number[], mode: TieBreaking): { order: number[]; decidedBy: TieCriterion } {
  const order = sortTied(c, tied, mode);
  const decidedBy = separatingCriterion(c, order[0] ?? 0, order[1] ?? 0, mode);
  return { order, decidedBy };
}
