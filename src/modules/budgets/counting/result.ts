import type { RuleName, TieBreaking } from './election';
import type { Rational } from './rational';

export type TieCriterion = 'lower-cost' | 'more-votes' | 'id';

/** A tie the rule had to break, and the criterion that broke it. */
export interface TieRecord {
  /** `greedy-order`: equal scores in the greedy ranking. `mes-round`: equal price ρ in one MES round. */
  readonly stage: 'greedy-order' | 'mes-round';
  /** Which run the tie belongs to (the comparison step runs a greedy count of its own). */
  readonly run: 'greedy' | 'mes' | 'comparison-greedy';
  /** MES round, 1-based. */
  readonly round?: number;
  /** The tied projects in the order the tie-breaking put them (MES: the chosen one first). */
  readonly order: readonly string[];
  /** Strongest criterion needed: `id` means cost and votes were equal too. */
  readonly decidedBy: TieCriterion;
}

interface ExplanationBase {
  readonly projectId: string;
  readonly cost: Rational;
  /** Voters who approved / gave points to the project. */
  readonly votes: number;
  readonly funded: boolean;
}

export type GreedyStatus = 'funded' | 'did-not-fit' | 'below-threshold' | 'not-reached' | 'withdrawn';

export interface GreedyExplanation extends ExplanationBase {
  readonly kind: 'greedy';
  readonly status: GreedyStatus;
  /** 1-based place in the ranking by score. */
  readonly position: number;
  readonly score: Rational;
  readonly scoreUnit: 'votes' | 'points';
  /** Budget left when the project came up (before funding it). */
  readonly remainingBefore: Rational;
  readonly threshold?: Rational;
  /** no-skip rule: the project at which counting stopped. */
  readonly stoppedAt?: string;
}

export interface MesFundedExplanation extends ExplanationBase {
  readonly kind: 'mes-funded';
  /** 1-based MES round; 0 for free projects funded up front. */
  readonly round: number;
  /** Price per unit of utility (utility = cost × points; approval: cost). */
  readonly rho: Rational;
  /** The most a supporter paid: per supporter (approval) or per point (cumulative). */
  readonly maxPayment: Rational;
  readonly paymentUnit: 'supporter' | 'point';
  /** cost / maxPayment: as many supporters as would cover the cost paying maxPayment each. */
  readonly effectiveVotes: Rational;
  readonly votersPayingMax: number;
  /** Supporters whose remaining budget was smaller than their share: they paid all they had left. */
  readonly votersPayingAllLeft: number;
  readonly paidByThoseWithLess: Rational;
  /** Supporters who had already spent everything on earlier projects and paid nothing. */
  readonly votersWithNothingLeft: number;
}

export interface MesUnfundedExplanation extends ExplanationBase {
  readonly kind: 'mes-unfunded';
  readonly reason: 'no-supporters' | 'supporters-out-of-money';
  /** Supporters' remaining money when counting ended. */
  readonly moneyLeft: Rational;
}

export type ProjectExplanation = GreedyExplanation | MesFundedExplanation | MesUnfundedExplanation;

export interface Add1Info {
  readonly variant: 'equalshares' | 'pabulib';
  /** Per-voter budget of the run whose outcome was taken. */
  readonly perVoterBudget: Rational;
  /** MES runs performed, including the first one at budget / voters. */
  readonly runs: number;
  readonly stopReason: 'exhaustive' | 'next-over-budget' | 'all-supported-funded' | 'no-voters';
}

export interface ComparisonInfo {
  readonly prefersMes: number;
  readonly prefersGreedy: number;
  readonly switchedToGreedy: boolean;
  readonly mesWinners: readonly string[];
  readonly greedyWinners: readonly string[];
}

export interface CountResult {
  readonly rule: RuleName;
  readonly tieBreaking: TieBreaking;
  readonly comparison: boolean;
  /** In the order the rule selected them. */
  readonly winners: readonly string[];
  readonly totalCost: Rational;
  readonly budget: Rational;
  readonly leftover: Rational;
  /** One per project, in the election's project order. */
  readonly explanations: readonly ProjectExplanation[];
  readonly ties: readonly TieRecord[];
  readonly add1?: Add1Info;
  readonly comparisonStep?: ComparisonInfo;
  readonly threshold?: Rational;
  readonly noSkip?: boolean;
}

/** What one rule run produces before it is wrapped into a CountResult. */
export interface RuleRun {
  readonly winners: readonly number[];
  readonly explanations: readonly ProjectExplanation[];
  readonly ties: readonly TieRecord[];
}
