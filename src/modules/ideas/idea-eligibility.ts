import type { Db } from '../../platform/db/connect';
import type { EligibilityDecision, EligibilityRule, Participant } from '../participation';

// MINIMAL CALL SITE (issue 16): the participation core's `decideEligibility(db, participant, rule, now)` was not
// exported from src/modules/participation/index.ts when this module was written. Until it is, this decides the two
// rules the ideas use by default and refuses every other rule (verified residents, body members) — failing closed,
// so a city that asks for verification is never opened up by mistake. Replace the body with
// `return decideEligibility(db, participant, rule, now)` once the core exports it.
export async function decide(_db: Db, participant: Participant, rule: EligibilityRule, _now: Date): Promise<EligibilityDecision> {
  if (rule.who === 'anyone') return { allowed: true };
  if (participant.userId === null) return { allowed: false, refusal: 'sign_in' };
  if (rule.who === 'signed_in') return { allowed: true };
  return { allowed: false, refusal: rule.who === 'body_member' ? 'body' : 'verify' };
}
