import { defineModule } from '../../platform/module';

// Public surface of the participatory-budget counting module: pure functions, no I/O.

export { type CountOptions, countElection, defaultTieBreaking } from './counting/count';
export type {
  Ballot,
  Election,
  OrdinalScoring,
  Project,
  RuleName,
  TieBreaking,
  VoteType,
} from './counting/election';
export { RULE_NAMES, TIE_BREAKINGS } from './counting/election';
export {
  type ExplainOptions,
  explainProject,
  explainResult,
  explainTie,
  formatAmount,
  type Lang,
  ruleLabel,
} from './counting/explain';
export { type FileRule, ruleFromFile } from './counting/file-rule';
export type { Rational } from './counting/rational';
export { parseDecimal, parseRational, rat, toExactDecimal, toExactString } from './counting/rational';
export type {
  Add1Info,
  ComparisonInfo,
  CountResult,
  GreedyExplanation,
  GreedyStatus,
  MesFundedExplanation,
  MesUnfundedExplanation,
  ProjectExplanation,
  TieCriterion,
  TieRecord,
} from './counting/result';
export { compareIds } from './counting/tie-breaking';
export { exactJsonReplacer, toExactJson } from './json';
export { PbFormatError, type PbIssue, type PbReadResult, parsePb, readPb } from './pabulib/pb-reader';
export { type WritePbOptions, writePb } from './pabulib/pb-writer';
export { runPbCli } from './pb.cli';

/** Participatory budgets: so far the counting engine and the pabulib format (pure, no routes yet). */
export const budgetsModule = defineModule({ name: 'budgets' });
