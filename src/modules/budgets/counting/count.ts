import { compareOutcomes } from './comparison';
import type { Election, OrdinalScoring, RuleName, TieBreaking } from './election';
import { greedy } from './greedy';
import { runMes } from './mes';
import { runMesAdd1 } from './mes-add1';
import { compileElection, money, totalCost } from './profile';
import { type Rational, rat, sub } from './rational';
import type { Add1Info, ComparisonInfo, CountResult, RuleRun } from './result';

export interface CountOptions {
  readonly rule: RuleName;
  /** Defaults to the convention of the rule's reference implementation (see defaultTieBreaking). */
  readonly ties?: TieBreaking;
  /** MES variants: switch to the greedy outcome if strictly more voters prefer it. */
  readonly comparison?: boolean;
  /** greedy: minimum score for a project to be eligible. */
  readonly threshold?: Rational;
  /** greedy: stop at the first project that does not fit. */
  readonly noSkip?: boolean;
  /** greedy on ordinal ballots: approval of every ranked project (default) or k..1 points. */
  readonly ordinalScoring?: OrdinalScoring;
  /** Add1 step per voter in currency units; 1 unless the currency needs another unit (e.g. HUF). */
  readonly add1Increment?: Rational;
}

/**
 * pabutools breaks greedy and MES ties by project id; equalshares.net and pabulib's checker break
 * Add1 ties by lower cost, then more votes. Defaults follow the implementation each rule reproduces.
 */
export function defaultTieBreaking(rule: RuleName): TieBreaking {
  return rule === 'mes-add1' || rule === 'mes-add1-pabulib' ? 'cost-votes' : 'id';
}

export function countElection(election: Election, options: CountOptions): CountResult {
  const c = compileElection(election);
  const ties = options.ties ?? defaultTieBreaking(options.rule);
  let run: RuleRun;
  let add1: Add1Info | undefined;
  switch (options.rule) {
    case 'greedy':
      run = greedy(c, {
        ties,
        threshold: options.threshold,
        noSkip: options.noSkip,
        ordinalScoring: options.ordinalScoring,
      });
      break;
    case 'mes':
      run = runMes(c, { ties, perVoterBudget: perVoterShare(election) });
      break;
    case 'mes-add1':
    case 'mes-add1-pabulib': {
      const variant = options.rule === 'mes-add1' ? 'equalshares' : 'pabulib';
      const r = runMesAdd1(c, { ties, variant, increment: options.add1Increment });
      run = r.run;
      add1 = r.info;
      break;
    }
  }

  let comparisonStep: ComparisonInfo | undefined;
  const comparison = options.comparison === true && options.rule !== 'greedy';
  if (comparison) {
    const alt = greedy(c, { ties, run: 'comparison-greedy' });
    const verdict = compareOutcomes(c, run.winners, alt.winners);
    comparisonStep = {
      prefersMes: verdict.prefersMes,
      prefersGreedy: verdict.prefersGreedy,
      switchedToGreedy: verdict.switchToGreedy,
      mesWinners: run.winners.map((i) => c.ids[i] ?? ''),
      greedyWinners: alt.winners.map((i) => c.ids[i] ?? ''),
    };
    run = verdict.switchToGreedy ? { ...alt, ties: [...run.ties, ...alt.ties] } : { ...run, ties: [...run.ties, ...alt.ties] };
  }

  const total = money(c, totalCost(c, run.winners));
  return {
    rule: options.rule,
    tieBreaking: ties,
    comparison,
    winners: run.winners.map((i) => c.ids[i] ?? ''),
    totalCost: total,
    budget: election.budget,
    leftover: sub(election.budget, total),
    explanations: run.explanations,
    ties: run.ties,
    ...(add1 ? { add1 } : {}),
    ...(comparisonStep ? { comparisonStep } : {}),
    ...(options.rule === 'greedy' && options.threshold ? { threshold: options.threshold } : {}),
    ...(options.rule === 'greedy' && options.noSkip ? { noSkip: true } : {}),
  };
}

export function perVoterShare(election: Election): Rational {
  const n = BigInt(election.ballots.length);
  return n === 0n ? rat(0n) : rat(election.budget.num, election.budget.den * n);
}
