import { describe, expect, it } from 'vitest';
import { countElection } from './count';
import type { Election } from './election';
import { explainProject, explainResult, explainTie, formatAmount } from './explain';
import { rat } from './rational';

const e: Election = {
  voteType: 'approval',
  budget: rat(5000050n, 100n),
  projects: [
    { id: 'a', cost: rat(32000n) },
    { id: 'b', cost: rat(12000n) },
    { id: 'c', cost: rat(999999n) },
  ],
  ballots: [['a', 'b'], ['a', 'b'], ['a'], ['a'], ['b']].map((projects, i) => ({
    voterId: String(i),
    projects,
  })),
};

describe('explanations', () => {
  it('formats amounts per language without floating point', () => {
    expect(formatAmount(rat(123456789n, 100n), 'de', 'EUR')).toBe('1.234.567,89 EUR');
    expect(formatAmount(rat(123456789n, 100n), 'en')).toBe('1,234,567.89');
    expect(formatAmount(rat(2n, 3n), 'en')).toBe('0.67');
    expect(formatAmount(rat(1000n), 'de')).toBe('1.000');
  });

  it('explains greedy decisions in German and English', () => {
    const r = countElection(e, { rule: 'greedy' });
    const [a, b] = r.explanations;
    if (!a || !b) throw new Error('missing explanations');
    expect(explainProject(a, 'en', { currency: 'EUR' })).toBe(
      '"a" (cost 32,000 EUR) was funded: with 4 votes it was ranked 1, and 50,000.50 EUR of the budget was still available when it came up.',
    );
    expect(explainProject(b, 'de', { currency: 'EUR' })).toBe(
      '„b“ (Kosten 12.000 EUR) wurde gefördert: Mit 3 Stimmen lag es auf Platz 2, und als es an der Reihe war, waren noch 18.000,50 EUR des Budgets verfügbar.',
    );
  });

  it('explains MES payments, capped supporters and unaffordable projects', () => {
    const r = countElection(e, { rule: 'mes' });
    const [a, b, c] = r.explanations;
    if (!a || !b || !c) throw new Error('missing explanations');
    expect(explainProject(b, 'en')).toBe(
      '"b" (cost 12,000) was funded in round 2 of the Method of Equal Shares: its 3 supporters shared the cost. 1 of them paid 7,999.80 each, 2 paid everything they had left (4,000.20 in total). That is as strong as 1.50 supporters paying equally (price per unit of utility ρ = 0.66665).',
    );
    expect(explainProject(b, 'de')).toContain('2 zahlten ihr gesamtes Restguthaben (insgesamt 4.000,20)');
    expect(explainProject(c, 'en')).toBe('"c" (cost 999,999) was not funded: nobody voted for it.');
    expect(explainProject(a, 'de')).toMatch(/^„a“ \(Kosten 32\.000\) wurde in Runde 1 nach der Methode der gleichen Anteile gefördert/);
  });

  it('explains ties, Add1 and the comparison step', () => {
    const tie = {
      stage: 'mes-round',
      run: 'mes',
      round: 2,
      order: ['x', 'y'],
      decidedBy: 'more-votes',
    } as const;
    expect(explainTie(tie, 'cost-votes', 'en')).toBe('In round 2, "x", "y" had the same price ρ; "x" was chosen because at equal cost it has more votes.');
    expect(explainTie({ ...tie, decidedBy: 'id' }, 'id', 'de')).toBe(
      'In Runde 2 hatten „x“, „y“ denselben Preis ρ; „x“ wurde gewählt, weil seine Kennung in einfacher Zeichenfolge zuerst kommt.',
    );
    const r = countElection(e, { rule: 'mes-add1', comparison: true });
    const text = explainResult(r, 'en');
    expect(text[0]).toMatch(/^Rule: Method of Equal Shares with Add1 completion \(equalshares.net\)\. Funded: 2 projects/);
    expect(text[1]).toMatch(/^Add1 completion: every voter's virtual budget was raised step by step to/);
    expect(text[2]).toMatch(/^Comparison step: \d+ voters prefer the equal-shares outcome/);
    expect(text.length).toBe(3 + r.ties.length + e.projects.length);
    expect(explainResult(r, 'de')[1]).toMatch(/^Add1-Ergänzung: Das virtuelle Budget jeder Person/);
  });
});
