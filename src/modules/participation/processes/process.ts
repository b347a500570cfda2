import type { ParticipationAction } from '../eligibility/rule';

// The rules of a participation process as plain functions: which phase is on, what state the process is in.
// Days are calendar days in Berlin: a phase "bis 31. März" is open all of that day, whatever the server's zone.

export const TOPICS = ['verkehr', 'umwelt', 'stadtplanung', 'soziales', 'jugend', 'senioren', 'bildung', 'kultur', 'sport', 'wirtschaft'] as const;
export type Topic = (typeof TOPICS)[number];

/** What a phase offers residents. */
export const PHASE_KINDS = ['information', 'proposals', 'comments', 'supports', 'vote', 'survey', 'events'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

/** The kinds of participation that an eligibility rule governs. */
export const KIND_ACTION: Partial<Record<PhaseKind, ParticipationAction>> = { proposals: 'propose', comments: 'comment', supports: 'support', vote: 'vote' };

export const PROCESS_STATES = ['current', 'upcoming', 'finished'] as const;
export type ProcessState = (typeof PROCESS_STATES)[number];
export type PhaseState = 'upcoming' | 'current' | 'over';

export interface PhaseDates {
  /** YYYY-MM-DD, first day of the phase. */
  startsOn: string;
  /** YYYY-MM-DD, last day of the phase (inclusive). */
  endsOn: string;
  /** Staff ended the phase before its last day: it is over from then on. */
  endedEarlyAt: Date | null;
}

export function isTopic(value: string): value is Topic {
  return (TOPICS as readonly string[]).includes(value);
}

export function isPhaseKind(value: string): value is PhaseKind {
  return (PHASE_KINDS as readonly string[]).includes(value);
}

/** The calendar day in Berlin at a moment, as YYYY-MM-DD. */
export function berlinDay(at: Date): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** A real calendar day written YYYY-MM-DD (2027-02-30 is not). */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function phaseState(phase: PhaseDates, today: string): PhaseState {
  if (phase.endedEarlyAt) return 'over';
  if (today < phase.startsOn) return 'upcoming';
  if (today > phase.endsOn) return 'over';
  return 'current';
}

/**
 * The phase on today, or null (before the first, after the last, between two, or after one ended early). When
 * phases overlap, the one that started last is the current one.
 */
export function currentPhase<P extends PhaseDates>(phases: readonly P[], today: string): P | null {
  let found: P | null = null;
  for (const p of phases) {
    if (phaseState(p, today) === 'current' && (!found || p.startsOn >= found.startsOn)) found = p;
  }
  return found;
}

/**
 * Upcoming until something has started; finished when every phase is over; current in between, gaps between
 * phases included. A process without phases is upcoming (nothing has happened yet). The list's SQL
 * (process.queries.ts, `stateFilter`) says the same.
 */
export function processState(phases: readonly PhaseDates[], today: string): ProcessState {
  if (phases.length === 0) return 'upcoming';
  const states = phases.map((p) => phaseState(p, today));
  if (states.every((s) => s === 'upcoming')) return 'upcoming';
  if (states.every((s) => s === 'over')) return 'finished';
  return 'current';
}

/** The next phase to start after today, for "Nächste Phase ab …". */
export function nextPhase<P extends PhaseDates>(phases: readonly P[], today: string): P | null {
  const next = phases.filter((p) => phaseState(p, today) === 'upcoming').sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return next[0] ?? null;
}
