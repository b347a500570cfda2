import { defineModule } from '../../platform/module';
import { commentsPart } from './comments/part';
import { eligibilityPart } from './eligibility/part';
import * as m0027 from './migrations/0027_participation_bodies';
import { joinParts } from './parts';
import { processesPart } from './processes/part';

// What other modules may use (the boundary test allows no other way in). Ideas, budgets, planning and trials
// build on these. Grouped by feature folder (comments, eligibility, processes); the *Tables types are Kysely's view
// of the core's tables, joined into Database by src/db-schema.ts.

export { recordItemEvent } from './comments/comments.service';
export type { ItemEvent, ParticipationItem, ParticipationItemKind } from './comments/item-kind';
export { participationItemKind } from './comments/item-kind';
export type { CommentTables } from './comments/tables';
export { commentCounts, commentsSection } from './comments/views/comments-section';
export { FollowButton, followSection } from './comments/views/follow-section';
export { decideEligibility, requireEligibility } from './eligibility/eligibility.service';
export { EligibilityNotice, type RefusalText, refusalNotice, VERIFICATION_PATH } from './eligibility/notice';
export type { EligibilityDecision, EligibilityRule, EligibilityRules, Participant, ParticipationAction, Refusal } from './eligibility/rule';
export { PARTICIPATION_ACTIONS } from './eligibility/rule';
export type { EligibilityTables } from './eligibility/tables';
export { DEMO_LETTER_CODE, issueCodes } from './eligibility/verification.service';
export { describeRule, describeRules, type RuleNames } from './processes/describe-rules';
export { type ProcessState, TOPICS, type Topic } from './processes/process';
export { findPublicProcess, listOpenProcessesForSelect, type PublicProcess } from './processes/process.service';
export { sanitizeRichText } from './processes/rich-text';
export type { ProcessTables } from './processes/tables';

/** Beteiligung: processes with phases, eligibility and verification, comments, moderation and follows. */
export const participationModule = defineModule(
  joinParts('participation', [{ migrations: { '0027_participation_bodies': m0027 } }, processesPart, eligibilityPart, commentsPart]),
);
