import { describe, expect, it } from 'vitest';
import { answerDueAt, canTransition, isOpen, isOverdue, overdueDays, searchQuery, thresholdFor } from './idea';

describe('threshold', () => {
  it('is a share of the active accounts, never below the floor', () => {
    expect(thresholdFor(0, { permille: 5, floor: 50 })).toBe(50);
    expect(thresholdFor(9_999, { permille: 5, floor: 50 })).toBe(50);
    expect(thresholdFor(10_001, { permille: 5, floor: 50 })).toBe(51);
    expect(thresholdFor(100_000, { permille: 5, floor: 50 })).toBe(500);
    expect(thresholdFor(-3, { permille: 5, floor: 1 })).toBe(1);
  });

  it('gives the answer a deadline in weeks and counts overdue days', () => {
    const reached = new Date('2026-01-01T10:00:00Z');
    const due = answerDueAt(reached, 6);
    expect(due.toISOString()).toBe('2026-02-12T10:00:00.000Z');
    const idea = { answer_due_at: due, answered_at: null };
    expect(isOverdue(idea, new Date('2026-02-12T09:00:00Z'))).toBe(false);
    expect(overdueDays(idea, new Date('2026-02-24T11:00:00Z'))).toBe(12);
    expect(overdueDays({ ...idea, answered_at: new Date('2026-02-20T00:00:00Z') }, new Date('2026-03-01T00:00:00Z'))).toBe(0);
  });
});

describe('statuses', () => {
  it('follow eingereicht → in Prüfung → angenommen (→ umgesetzt) or abgelehnt', () => {
    expect(canTransition('submitted', 'reviewing')).toBe(true);
    expect(canTransition('reviewing', 'accepted')).toBe(true);
    expect(canTransition('accepted', 'implemented')).toBe(true);
    expect(canTransition('reviewing', 'rejected')).toBe(true);
    expect(canTransition('submitted', 'implemented')).toBe(false);
    expect(canTransition('implemented', 'submitted')).toBe(false);
    expect(canTransition('merged', 'reviewing')).toBe(false);
  });

  it('are open for supports only before the decision', () => {
    expect(isOpen('submitted')).toBe(true);
    expect(isOpen('reviewing')).toBe(true);
    expect(isOpen('accepted')).toBe(false);
    expect(isOpen('rejected')).toBe(false);
  });
});

describe('search', () => {
  it('reads the German "oder" as OR', () => {
    expect(searchQuery('Bank oder Baum')).toBe('Bank or Baum');
    expect(searchQuery('  Spielplatz  ')).toBe('Spielplatz');
  });
});
