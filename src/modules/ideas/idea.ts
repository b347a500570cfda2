import type { EligibilityRules } from '../participation';
import type { IdeaStatus } from './tables';

// The rules of an idea's life, without the database: statuses and their order, the threshold, the deadline.

export type { IdeaStatus };

/** The statuses residents can filter by (merged ideas only redirect). */
export const PUBLIC_STATUSES = ['submitted', 'reviewing', 'accepted', 'implemented', 'rejected'] as const satisfies readonly IdeaStatus[];

/** The city's code list of topics; texts in messages.ts (topic.<code>). */
export const TOPICS = ['verkehr', 'gruen', 'spielen', 'kultur', 'soziales', 'sauberkeit', 'wirtschaft', 'digitales', 'sonstiges'] as const;
export type Topic = (typeof TOPICS)[number];
export const isTopic = (value: string): value is Topic => (TOPICS as readonly string[]).includes(value);

/** eingereicht → in Prüfung → angenommen (→ umgesetzt) or abgelehnt; merging is its own action. */
const NEXT: Record<IdeaStatus, readonly IdeaStatus[]> = {
  submitted: ['reviewing', 'rejected'],
  reviewing: ['accepted', 'rejected', 'submitted'],
  accepted: ['implemented', 'reviewing'],
  implemented: [],
  rejected: ['reviewing'],
  merged: [],
};

export function canTransition(from: IdeaStatus, to: IdeaStatus): boolean {
  return NEXT[from].includes(to);
}

export function nextStatuses(from: IdeaStatus): readonly IdeaStatus[] {
  return NEXT[from];
}

/** A rejection must say why (public). */
export const needsReason = (to: IdeaStatus) => to === 'rejected';

/** Supports (and withdrawing them) only while the city has not decided. */
export const isOpen = (status: IdeaStatus) => status === 'submitted' || status === 'reviewing';

export const LIMITS = {
  titleMin: 5,
  titleMax: 120,
  descriptionMin: 20,
  descriptionMax: 5000,
  photosMax: 3,
  answerMax: 5000,
  reasonMax: 2000,
  searchMax: 200,
};

export const DEFAULT_RULES: Required<Pick<EligibilityRules, 'propose' | 'support' | 'comment'>> = {
  propose: { who: 'signed_in' },
  support: { who: 'signed_in' },
  comment: { who: 'signed_in' },
};

export interface ThresholdSettings {
  /** Share of the active accounts, in thousandths (5 = 0.5 %). */
  permille: number;
  /** At least this many supports. */
  floor: number;
}

/** Supports an idea needs for an official answer: a share of the accounts active in the last 12 months, at least the floor. */
export function thresholdFor(activeAccounts: number, s: ThresholdSettings): number {
  return Math.max(s.floor, Math.ceil((Math.max(0, activeAccounts) * s.permille) / 1000));
}

/** The day the answer is due, `weeks` after the threshold was reached. */
export function answerDueAt(reachedAt: Date, weeks: number): Date {
  return new Date(reachedAt.getTime() + weeks * 7 * 24 * 60 * 60 * 1000);
}

/** Whole days an answer is overdue (0: not overdue or answered). */
export function overdueDays(idea: { answer_due_at: Date | null; answered_at: Date | null }, now: Date): number {
  if (!idea.answer_due_at || idea.answered_at) return 0;
  const ms = now.getTime() - new Date(idea.answer_due_at).getTime();
  return ms > 0 ? Math.floor(ms / 86_400_000) : 0;
}

export function isOverdue(idea: { answer_due_at: Date | null; answered_at: Date | null }, now: Date): boolean {
  return !!idea.answer_due_at && !idea.answered_at && new Date(idea.answer_due_at).getTime() < now.getTime();
}

/** Search words as a websearch query: German "oder" means OR. */
export function searchQuery(text: string): string {
  return text
    .slice(0, LIMITS.searchMax)
    .replace(/\s+oder\s+/gi, ' or ')
    .trim();
}
