import type { CountOptions } from './count';
import type { Election } from './election';

export interface FileRule {
  readonly options: CountOptions;
  /** `file`: the META rule maps onto ours; `default`: it does not (or is missing) and greedy is used. */
  readonly source: 'file' | 'default';
  readonly note: string;
}

/**
 * Maps pabulib's META `rule` onto our rules, with the conventions that reproduce the published
 * `selected` columns: the META threshold for the greedy family, k..1 points for ordinal ballots (the
 * pabulib checker's scoring), and pabulib's Add1 (no exhaustiveness stop) with cost-then-votes ties.
 */
export function ruleFromFile(election: Election): FileRule {
  const declared = (election.declaredRule ?? '').trim().toLowerCase();
  const threshold = election.minProjectScoreThreshold;
  const greedyBase = { rule: 'greedy', ties: 'id', ordinalScoring: 'positional', threshold } as const;
  switch (declared) {
    case 'greedy':
    case 'greedy-threshold':
      return { options: greedyBase, source: 'file', note: `file rule "${declared}" counted as greedy` };
    case 'greedy-no-skip':
      return {
        options: { ...greedyBase, noSkip: true },
        source: 'file',
        note: 'file rule "greedy-no-skip" counted as greedy without skipping',
      };
    case 'equalshares':
    case 'equalshares-comparison':
      return {
        options: { rule: 'mes', ties: 'cost-votes', comparison: declared.endsWith('-comparison') },
        source: 'file',
        note: `file rule "${declared}" counted as MES`,
      };
    case 'equalshares/add1':
    case 'equalshares/add1-comparison':
      return {
        options: {
          rule: 'mes-add1-pabulib',
          ties: 'cost-votes',
          comparison: declared.endsWith('-comparison'),
        },
        source: 'file',
        note: `file rule "${declared}" counted as MES with pabulib's Add1 completion`,
      };
    case 'greedy-exclusive':
    case 'greedy-custom':
      return {
        options: greedyBase,
        source: 'default',
        note: `file rule "${declared}" depends on information not in the file; counted as plain greedy`,
      };
    default:
      return {
        options: { rule: 'greedy', ties: 'id', ordinalScoring: 'positional' },
        source: 'default',
        note: declared ? `file rule "${declared}" is not one of ours; counted as greedy` : 'the file names no rule; counted as greedy',
      };
  }
}
