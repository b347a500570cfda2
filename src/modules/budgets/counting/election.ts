import type { Rational } from './rational';

/** Ballot encodings we count. `choose-1` is an approval ballot with exactly one project. */
export type VoteType = 'approval' | 'cumulative' | 'ordinal' | 'choose-1';

export interface Project {
  /** Kept as the string from the source: "10" sorts before "9" in id tie-breaking, as in pabutools. */
  readonly id: string;
  readonly cost: Rational;
  /** Everything else known about the project (name, category, selected, …), as text. */
  readonly meta?: Readonly<Record<string, string>>;
}

export interface Ballot {
  readonly voterId: string;
  /** Approval/choose-1: a set (order kept as given). Ordinal: most preferred first. Cumulative: as listed. */
  readonly projects: readonly string[];
  /** Cumulative only: points for `projects[i]`. */
  readonly points?: readonly Rational[];
  readonly meta?: Readonly<Record<string, string>>;
}

export interface Election {
  readonly voteType: VoteType;
  readonly budget: Rational;
  readonly projects: readonly Project[];
  readonly ballots: readonly Ballot[];
  /** Projects scoring below this are never funded by the greedy-threshold family (pabulib META). */
  readonly minProjectScoreThreshold?: Rational;
  /** The rule the organisers used, as named in pabulib META `rule`. */
  readonly declaredRule?: string;
  /** Remaining META entries in file order (description, unit, currency, …). */
  readonly meta?: Readonly<Record<string, string>>;
}

/** Rules this engine implements. */
export type RuleName = 'greedy' | 'mes' | 'mes-add1' | 'mes-add1-pabulib';
export const RULE_NAMES: readonly RuleName[] = ['greedy', 'mes', 'mes-add1', 'mes-add1-pabulib'];

/**
 * `cost-votes`: lower cost first, then more votes (equalshares.net's recommendation, the pabulib checker,
 * cities). `id`: project id in plain string order (pabutools' default). Whatever remains tied after
 * cost and votes falls back to the id so that the outcome is always determined.
 */
export type TieBreaking = 'cost-votes' | 'id';
export const TIE_BREAKINGS: readonly TieBreaking[] = ['cost-votes', 'id'];

/** How ordinal ballots are scored by greedy: approval of every ranked project, or k, k-1, …, 1 points. */
export type OrdinalScoring = 'approval' | 'positional';
