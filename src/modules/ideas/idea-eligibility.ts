import type { Db } from '../../platform/db/connect';
import { decideEligibility, type EligibilityDecision, type EligibilityRule, type Participant } from '../participation';

// Every decision about who may propose, support or comment is the participation core's (issue 16), made on the
// server for each request; the ideas only choose the rule (the city's ideas settings).
export function decide(db: Db, participant: Participant, rule: EligibilityRule, now: Date): Promise<EligibilityDecision> {
  return decideEligibility(db, participant, rule, now);
}
