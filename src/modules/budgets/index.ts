// Public surface of the participatory-budget counting module: pure functions, no I/O.
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
export type { Rational } from './counting/rational';
export { parseDecimal, parseRational, rat, toExactDecimal, toExactString } from './counting/rational';
export { type CountOptions, countElection, defaultTieBreaking } from './counting/count';
export { type FileRule, ruleFromFile } from './counting/file-rule';
export {
  type ExplainOptions,
  type Lang,
  explainProject,
  explainResult,
  explainTie,
  formatAmount,
  ruleLabel,
} from './counting/explain';
export { compareIds } from './counting/tie-breaking';
export { type PbIssue, type PbReadResult, PbFormatError, parsePb, readPb } from './pabulib/pb-reader';
export { type WritePbOptions, writePb } from './pabulib/pb-writer';
export { exactJsonReplacer, toExactJson } from './json';
export { runPbCli } from './pb.cli';
