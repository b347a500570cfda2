import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../../test/helpers/shared-data';
import { type CountOptions, countElection, defaultTieBreaking } from './counting/count';
import type { Election } from './counting/election';
import { ruleFromFile } from './counting/file-rule';
import { cmp, parseRational, toExactString } from './counting/rational';
import { compareIds } from './counting/tie-breaking';
import { readPb } from './pabulib/pb-reader';

// Test-only access to the shared reference data; application code never reads ../shared.
const DEV = sharedPath('data/pabulib/dev');

interface Instance {
  vote_type: string;
  meta_rule: string;
  budget: string;
  winners: Record<string, string[]>;
  total_cost: Record<string, string>;
  file_selected?: string[];
}
const expected = JSON.parse(readFileSync(path.join(DEV, 'expected.json'), 'utf8')) as {
  rules: Record<string, string>;
  instances: Record<string, Instance>;
};

/** The reference rules as expected.json's "rules" key defines them. */
const RULES: Record<string, (e: Election) => CountOptions> = {
  greedy: () => ({ rule: 'greedy', ties: 'id' }),
  mes: () => ({ rule: 'mes', ties: 'id' }),
  mes_add1: () => ({ rule: 'mes-add1', ties: 'cost-votes' }),
  mes_add1_pabulib: () => ({ rule: 'mes-add1-pabulib', ties: 'cost-votes' }),
  file_rule: (e) => ruleFromFile(e).options,
};

const sorted = (ids: readonly string[]) => [...ids].sort(compareIds);

describe('pabulib dev set (expected.json)', () => {
  it('covers every .pb file in the folder, and only those', () => {
    const files = readdirSync(DEV).filter((f) => f.endsWith('.pb'));
    expect(sorted(Object.keys(expected.instances))).toEqual(sorted(files));
    expect(files.length).toBeGreaterThan(0);
  });

  it('defines no rule we do not implement', () => {
    for (const key of Object.keys(expected.rules)) expect(RULES, `rule key "${key}"`).toHaveProperty(key);
  });

  it('uses the tie-breaking defaults the reference rules state', () => {
    expect(defaultTieBreaking('greedy')).toBe('id');
    expect(defaultTieBreaking('mes')).toBe('id');
    expect(defaultTieBreaking('mes-add1')).toBe('cost-votes');
    expect(defaultTieBreaking('mes-add1-pabulib')).toBe('cost-votes');
  });

  for (const [file, inst] of Object.entries(expected.instances)) {
    describe(file, () => {
      const read = readPb(readFileSync(path.join(DEV, file), 'utf8'));
      const election = () => {
        if (!read.ok) throw new Error(read.errors.map((e) => `line ${e.line}: ${e.message}`).join('\n'));
        return read.election;
      };

      it('reads without errors and matches vote type, META rule and budget', () => {
        const e = election();
        expect(e.voteType).toBe(inst.vote_type);
        expect(e.declaredRule).toBe(inst.meta_rule);
        const budget = parseRational(inst.budget);
        expect(budget).not.toBeNull();
        if (budget) expect(cmp(e.budget, budget)).toBe(0);
      });

      for (const [key, winners] of Object.entries(inst.winners)) {
        it(`rule ${key}: winners and total cost`, () => {
          const make = RULES[key];
          if (!make) throw new Error(`expected.json names rule "${key}", which this engine does not implement`);
          const result = countElection(election(), make(election()));
          expect(sorted(result.winners)).toEqual(winners);
          expect(toExactString(result.totalCost)).toBe(inst.total_cost[key]);
        });
      }

      if (inst.file_selected) {
        const selected = inst.file_selected;
        it("reproduces the city's published winners with the file's own rule", () => {
          const fileRule = ruleFromFile(election());
          expect(fileRule.source).toBe('file');
          expect(sorted(countElection(election(), fileRule.options).winners)).toEqual(selected);
          // The `selected` column itself says the same.
          const fromColumn = election()
            .projects.filter((p) => p.meta?.selected === '1')
            .map((p) => p.id);
          expect(sorted(fromColumn)).toEqual(selected);
        });
      }
    });
  }
});
