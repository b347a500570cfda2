import type { CompiledElection } from './profile';

/**
 * equalshares.net's comparison step ("satisfaction" mode): each voter compares how many of their
 * approved projects (cumulative: how many of their points) each outcome funds. The greedy outcome
 * replaces MES only if strictly more voters prefer it.
 */
export function compareOutcomes(
  c: CompiledElection,
  mesWinners: readonly number[],
  greedyWinners: readonly number[],
): { prefersMes: number; prefersGreedy: number; switchToGreedy: boolean } {
  const inMes = new Uint8Array(c.ids.length);
  const inGreedy = new Uint8Array(c.ids.length);
  for (const p of mesWinners) inMes[p] = 1;
  for (const p of greedyWinners) inGreedy[p] = 1;
  let prefersMes = 0;
  let prefersGreedy = 0;
  for (const g of c.groups) {
    let mes = 0n;
    let greedy = 0n;
    g.projects.forEach((p, k) => {
      const w = g.weights?.[k] ?? 1n;
      if (inMes[p]) mes += w;
      if (inGreedy[p]) greedy += w;
    });
    if (mes > greedy) prefersMes += g.count;
    else if (greedy > mes) prefersGreedy += g.count;
  }
  return { prefersMes, prefersGreedy, switchToGreedy: prefersGreedy > prefersMes };
}
