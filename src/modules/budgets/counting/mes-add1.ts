import type { TieBreaking } from './election';
import { runMes } from './mes';
import { type CompiledElection, totalCost } from './profile';
import { floor, type Rational, rat } from './rational';
import type { Add1Info, RuleRun } from './result';

export interface Add1Options {
  readonly ties: TieBreaking;
  /**
   * `equalshares`: equalshares.net's recommendation — stop as soon as the outcome is exhaustive.
   * `pabulib`: pabulib's definition of equalshares/add1 — keep raising while the outcome fits the budget.
   */
  readonly variant: Add1Info['variant'];
  /** Raise per step, in currency units per voter (1 in both published variants). */
  readonly increment?: Rational;
}

/** No project outside the outcome fits in what is left (equalshares.net checks all projects). */
function isExhaustive(c: CompiledElection, winners: readonly number[]): boolean {
  const chosen = new Set(winners);
  const left = c.budget - totalCost(c, winners);
  return c.costs.every((k, i) => chosen.has(i) || k > left);
}

function fundsEverySupported(c: CompiledElection, winners: readonly number[]): boolean {
  const chosen = new Set(winners);
  return c.votes.every((v, i) => v === 0 || chosen.has(i));
}

/**
 * MES with the Add1 completion. The first run uses budget / voters exactly; the following ones use
 * floor(budget / voters) + k·increment, k = 1, 2, … ("integral" option of equalshares.net). A run whose
 * outcome exceeds the real budget ends the search and the previous outcome stands.
 *
 * Termination: once an outcome funds every supported project, any later outcome is a subset of those
 * and fits too, so both variants would raise forever and reach that same outcome in the limit (from a
 * per-voter budget at least the total cost on, MES funds every supported project); we stop right there.
 */
export function runMesAdd1(c: CompiledElection, options: Add1Options): { run: RuleRun; info: Add1Info } {
  const n = BigInt(c.voterCount);
  const budget = rat(c.budget, c.moneyScale);
  const info = (perVoterBudget: Rational, runs: number, stopReason: Add1Info['stopReason']): Add1Info => ({
    variant: options.variant,
    perVoterBudget,
    runs,
    stopReason,
  });
  if (n === 0n) {
    return {
      run: runMes(c, { ties: options.ties, perVoterBudget: rat(0n) }),
      info: info(rat(0n), 1, 'no-voters'),
    };
  }
  let perVoter = rat(budget.num, budget.den * n);
  let current = runMes(c, { ties: options.ties, perVoterBudget: perVoter });
  let runs = 1;
  const step = options.increment ?? rat(1n);
  const base = floor(perVoter);
  for (let k = 1n; ; k++) {
    if (options.variant === 'equalshares' && isExhaustive(c, current.winners)) {
      return { run: current, info: info(perVoter, runs, 'exhaustive') };
    }
    if (fundsEverySupported(c, current.winners)) {
      return { run: current, info: info(perVoter, runs, 'all-supported-funded') };
    }
    const nextPerVoter = rat(base * step.den + k * step.num, step.den);
    const next = runMes(c, { ties: options.ties, perVoterBudget: nextPerVoter });
    runs++;
    if (totalCost(c, next.winners) > c.budget) {
      return { run: current, info: info(perVoter, runs, 'next-over-budget') };
    }
    current = next;
    perVoter = nextPerVoter;
  }
}
