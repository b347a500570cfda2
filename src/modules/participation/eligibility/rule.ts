// Who may do what in a participation process (issue 16). A rule is data (stored as JSON on a process, a budget,
// the ideas settings …), decided on the server for every action by `decideEligibility` (eligibility.service.ts).

/** The actions a rule can govern. */
export type ParticipationAction = 'propose' | 'support' | 'comment' | 'vote';
export const PARTICIPATION_ACTIONS: readonly ParticipationAction[] = ['propose', 'support', 'comment', 'vote'];

export type EligibilityRule =
  | { who: 'anyone' }
  | { who: 'signed_in' }
  /**
   * A verified resident (letter code or counter): of the whole city when `districtIds` is empty, else of one of
   * them; of an age from `ageMin` to `ageMax` (inclusive, either may be null) on `referenceDate` (an ISO date;
   * null = the day of the action).
   */
  | { who: 'verified'; districtIds: number[]; ageMin: number | null; ageMax: number | null; referenceDate: string | null }
  | { who: 'body_member'; bodyId: number };

export type EligibilityRules = Partial<Record<ParticipationAction, EligibilityRule>>;

/** Why a person may not act; each has a text that tells them what they can do about it. */
export type Refusal = 'sign_in' | 'verify' | 'verification_expired' | 'district' | 'age' | 'body';

export type EligibilityDecision = { allowed: true } | { allowed: false; refusal: Refusal };

/** Who is acting: the city of the request and the signed-in account, if any. */
export interface Participant {
  organizationId: number;
  userId: number | null;
}
