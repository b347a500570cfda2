import type { Db } from '../../../platform/db/connect';
import { AppError } from '../../../platform/http/errors';
import { type BornRange, berlinDay, rangeMeetsAge } from './age';
import { isBodyMember } from './bodies.queries';
import type { EligibilityDecision, EligibilityRule, Participant, Refusal } from './rule';
import { verificationOf } from './verification.queries';

// The one place that decides whether a person may act under a rule. Every feature calls it on the server for
// each post (support, comment, vote …); the page may call it too, to show the form or the notice, but the post
// decides again, so a form sent without the page ("bypassed") gets 403 and changes nothing.

const allowed: EligibilityDecision = { allowed: true };
const refuse = (refusal: Refusal): EligibilityDecision => ({ allowed: false, refusal });

export async function decideEligibility(db: Db, participant: Participant, rule: EligibilityRule, now: Date): Promise<EligibilityDecision> {
  if (rule.who === 'anyone') return allowed;
  const { userId, organizationId } = participant;
  if (userId === null) return refuse('sign_in');
  if (rule.who === 'signed_in') return allowed;
  if (rule.who === 'body_member') return (await isBodyMember(db, organizationId, rule.bodyId, userId)) ? allowed : refuse('body');

  const v = await verificationOf(db, organizationId, userId);
  if (!v) return refuse('verify');
  const today = berlinDay(now);
  // valid_until is the last day it holds.
  if (v.valid_until < today) return refuse('verification_expired');
  if (rule.districtIds.length > 0 && (v.district_id === null || !rule.districtIds.includes(v.district_id))) return refuse('district');
  if (rule.ageMin !== null || rule.ageMax !== null) {
    const range: BornRange = { bornFrom: v.born_from, bornTo: v.born_to };
    if (!rangeMeetsAge(range, rule.ageMin, rule.ageMax, rule.referenceDate ?? today)) return refuse('age');
  }
  return allowed;
}

/**
 * For form posts: one line that refuses with the platform's 403 when the person may not act. The reason goes to
 * the log only; pages that want to explain it call decideEligibility and show EligibilityNotice.
 */
export async function requireEligibility(db: Db, participant: Participant, rule: EligibilityRule, now: Date): Promise<void> {
  const decision = await decideEligibility(db, participant, rule, now);
  if (!decision.allowed) throw new AppError('forbidden', { reason: `eligibility: ${decision.refusal}` });
}
