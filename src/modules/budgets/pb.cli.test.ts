import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../../test/helpers/shared-data';
import { runPbCli } from './pb.cli';

const DEV = sharedPath('data/pabulib/dev');

const SMALL = `META
key;value
description;Kiezbudget
num_projects;3
num_votes;4
budget;100
vote_type;approval
rule;equalshares
currency;EUR
PROJECTS
project_id;cost;name
a;100;Spielplatz
b;50;Bänke
c;50;"Bäume; Sträucher"
VOTES
voter_id;vote
1;a,b
2;a,b
3;a,c
4;c
`;

async function run(args: string[], files: Record<string, string> = { 'small.pb': SMALL }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPbCli(args, {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    readFile: async (p) => {
      const text = files[p];
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${p}'`);
      return text;
    },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('kuemmerer pb', () => {
  it('prints usage for help and exits 0', async () => {
    const r = await run(['help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: kuemmerer pb count FILE\.pb/);
  });

  it('rejects a missing or unknown command with usage on stderr', async () => {
    expect((await run([])).code).toBe(2);
    const r = await run(['tally', 'small.pb']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command "tally"/);
  });

  it('counts with the file rule by default and says so', async () => {
    const r = await run(['count', 'small.pb']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Rule: mes – Method of Equal Shares (file rule "equalshares" counted as MES)');
    expect(r.out).toContain('Winners (2): b, c');
    expect(r.out).toContain('Total cost: 100 EUR of 100 EUR (left over 0 EUR)');
    expect(r.out).toContain('"a" (cost 100 EUR) was not funded');
  });

  it('falls back to greedy when the file rule is not ours, and says so', async () => {
    const r = await run(['count', 'small.pb'], {
      'small.pb': SMALL.replace('rule;equalshares', 'rule;unknown'),
    });
    expect(r.out).toContain('Rule: greedy – greedy (most votes first) (file rule "unknown" is not one of ours; counted as greedy)');
    expect(r.out).toContain('Winners (1): a');
  });

  it('prints one JSON object with winners, totalCost as a decimal string and explanations', async () => {
    const r = await run(['count', 'small.pb', '--rule', 'greedy', '--ties=cost-votes', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.winners).toEqual(['a']);
    expect(json.totalCost).toBe('100');
    expect(json.rule).toBe('greedy');
    expect(json.ruleSource).toBe('argument');
    expect(json.tieBreaking).toBe('cost-votes');
    expect(json.explanations).toHaveLength(3);
    expect(json.explanations[1]).toMatchObject({
      kind: 'greedy',
      projectId: 'b',
      status: 'did-not-fit',
      remainingBefore: '0',
      cost: '50',
    });
    expect(json.sentences[0]).toMatch(/^Rule: greedy/);
  });

  it('applies --comparison, --lang de, --threshold and --no-skip', async () => {
    const cmp = JSON.parse((await run(['count', 'small.pb', '--rule', 'mes', '--comparison', '--json'])).out);
    expect(cmp.comparisonStep).toMatchObject({ prefersMes: 1, prefersGreedy: 0, switchedToGreedy: false });
    const de = await run(['count', 'small.pb', '--lang', 'de']);
    expect(de.out).toContain('wurde in Runde 1 nach der Methode der gleichen Anteile gefördert');
    const t = JSON.parse((await run(['count', 'small.pb', '--rule', 'greedy', '--threshold', '4', '--json'])).out);
    expect(t.winners).toEqual([]);
    const ns = JSON.parse((await run(['count', 'small.pb', '--rule', 'greedy', '--no-skip', '--json'])).out);
    expect(ns.noSkip).toBe(true);
    const step = JSON.parse((await run(['count', 'small.pb', '--rule', 'mes-add1', '--add1-step', '0.5', '--json'])).out);
    expect(step.add1.variant).toBe('equalshares');
  });

  it('fails with exit 2 on bad arguments', async () => {
    for (const args of [
      ['count'],
      ['count', 'small.pb', '--rule', 'stv'],
      ['count', 'small.pb', '--rule'],
      ['count', 'small.pb', '--ties', 'random'],
      ['count', 'small.pb', '--frobnicate'],
      ['count', 'a.pb', 'b.pb'],
      ['count', 'small.pb', '--rule', 'greedy', '--comparison'],
      ['count', 'small.pb', '--rule', 'mes', '--no-skip'],
      ['count', 'small.pb', '--rule', 'greedy', '--threshold', 'many'],
      ['count', 'small.pb', '--json=yes'],
      ['count', 'small.pb', '--rule', 'mes', '--add1-step', '5'],
      ['count', 'small.pb', '--rule', 'mes-add1', '--add1-step', '0'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(/^pb count: /);
      expect(r.out).toBe('');
    }
  });

  it('fails with exit 1 on a missing file or a parse error, with line numbers', async () => {
    const missing = await run(['count', 'nope.pb']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read nope\.pb: ENOENT/);
    const broken = await run(['count', 'small.pb'], { 'small.pb': SMALL.replace('3;a,c', '3;a,x') });
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('line 19: voter 3 votes for unknown project x');
  });

  it('reports validation warnings on stderr and still counts', async () => {
    const r = await run(['count', 'small.pb'], {
      'small.pb': SMALL.replace('currency;EUR', 'currency;EUR\nmax_length;1'),
    });
    expect(r.code).toBe(0);
    expect(r.err).toContain('warning: line 18: voter 1 lists 2 projects, max_length is 1');
  });

  it('reproduces a real city result from the command line', async () => {
    const file = path.join(DEV, 'Poland_Swiecie_2023.pb');
    const r = await run(['count', file, '--json'], { [file]: readFileSync(file, 'utf8') });
    const json = JSON.parse(r.out);
    expect(json.rule).toBe('mes-add1-pabulib');
    expect(json.ruleSource).toBe('file');
    expect(json.totalCost).toBe('1040337');
    expect(json.add1).toMatchObject({ variant: 'pabulib', perVoterBudget: '662' });
  });
});
