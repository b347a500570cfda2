import { describe, expect, it } from 'vitest';
import { rat } from '../counting/rational';
import { PbFormatError, parsePb, readPb } from './pb-reader';

const META = (extra = '', votes = 3) => `META
key;value
description;Test
country;Germany
unit;Musterstadt
instance;2026
num_projects;3
num_votes;${votes}
budget;1000.50
vote_type;approval
rule;greedy
date_begin;2026
date_end;2026${extra}
`;
const PROJECTS = `PROJECTS
project_id;cost;name
a;500;"Park; phase 1"
b;400.25;Bänke
10;100;"The ""big"" one"
`;
const VOTES = `VOTES
voter_id;vote
v1;a,b
v2;10
v3;
`;

function errorsOf(text: string) {
  const r = readPb(text);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('readPb', () => {
  it('reads a valid file exactly, keeping ids as strings and names with quotes', () => {
    const r = readPb(META() + PROJECTS + VOTES);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const e = r.election;
    expect(e.budget).toEqual(rat(2001n, 2n));
    expect(e.projects.map((p) => p.id)).toEqual(['a', 'b', '10']);
    expect(e.projects[1]?.cost).toEqual(rat(40025n, 100n));
    expect(e.projects[0]?.meta?.name).toBe('Park; phase 1');
    expect(e.projects[2]?.meta?.name).toBe('The "big" one');
    expect(e.ballots.map((b) => b.projects)).toEqual([['a', 'b'], ['10'], []]);
    expect(e.declaredRule).toBe('greedy');
    expect(r.warnings).toEqual([]);
  });

  it('accepts a BOM, CRLF line ends, blank lines, spaces around values and lower-case titles', () => {
    const text = `\uFEFF${(META() + PROJECTS + VOTES).replace('budget;1000.50', 'budget; 1000.50 ').replace('PROJECTS', '\nprojects')}`;
    const r = readPb(text.replaceAll('\n', '\r\n'));
    expect(r.ok).toBe(true);
  });

  it('reads decimal budgets such as 1607513.56 exactly and tolerates a decimal comma', () => {
    const r = readPb(META().replace('1000.50', '1607513.56') + PROJECTS + VOTES);
    expect(r.ok && r.election.budget).toEqual(rat(160751356n, 100n));
    const comma = readPb(META().replace('1000.50', '1000,5') + PROJECTS + VOTES);
    expect(comma.ok && comma.election.budget).toEqual(rat(2001n, 2n));
  });

  it('reports a wrong num_votes at the META line', () => {
    expect(errorsOf(META('', 4) + PROJECTS + VOTES)).toEqual([{ line: 8, message: 'num_votes is 4 but VOTES has 3 lines' }]);
  });

  it('reports a wrong num_projects at the META line', () => {
    const errors = errorsOf(META().replace('num_projects;3', 'num_projects;2') + PROJECTS + VOTES);
    expect(errors).toEqual([{ line: 7, message: 'num_projects is 2 but PROJECTS has 3 lines' }]);
  });

  it('reports a vote for an unknown project with its line', () => {
    const errors = errorsOf(META() + PROJECTS + VOTES.replace('v2;10', 'v2;9'));
    expect(errors).toEqual([{ line: 22, message: 'voter v2 votes for unknown project 9' }]);
  });

  it('reports a project listed twice in one vote', () => {
    const errors = errorsOf(META() + PROJECTS + VOTES.replace('v1;a,b', 'v1;"a,b,a"'));
    expect(errors[0]).toEqual({ line: 21, message: 'voter v1 lists project a twice' });
  });

  it('reports a bad cost with its line', () => {
    for (const bad of ['12e3', '', 'None', '-5', '1.000,00']) {
      const errors = errorsOf(META() + PROJECTS.replace('b;400.25', `b;${bad}`) + VOTES);
      expect(errors[0]?.line).toBe(17);
      expect(errors[0]?.message).toMatch(/project b has an invalid cost/);
    }
  });

  it('reports a missing section', () => {
    expect(errorsOf(META() + VOTES)).toContainEqual({
      line: 14,
      message: 'section VOTES found where PROJECTS was expected',
    });
    expect(errorsOf(META() + PROJECTS)).toContainEqual({ line: 18, message: 'missing section VOTES' });
    expect(errorsOf(PROJECTS + VOTES)[0]).toEqual({
      line: 1,
      message: 'section PROJECTS found where META was expected',
    });
  });

  it('reports a missing header, duplicate ids and wrong field counts', () => {
    expect(errorsOf(`${META()}PROJECTS\nid;cost\nVOTES\nvoter_id;vote\n`)).toContainEqual({
      line: 15,
      message: 'PROJECTS header has no project_id column',
    });
    expect(errorsOf(META() + PROJECTS.replace('10;100', 'a;100') + VOTES)).toContainEqual({
      line: 18,
      message: 'project a appears twice (first on line 16)',
    });
    expect(errorsOf(META() + PROJECTS + VOTES.replace('v3;', 'v1;'))).toContainEqual({
      line: 23,
      message: 'voter v1 appears twice (first on line 21)',
    });
    expect(errorsOf(META() + PROJECTS.replace('b;400.25;Bänke', 'b;400.25;Bänke;extra') + VOTES)).toContainEqual({
      line: 17,
      message: 'project line has 4 fields, the header has 3',
    });
  });

  it('reports an unterminated quote where it opened', () => {
    const [first] = errorsOf(META() + PROJECTS.replace('"Park; phase 1"', '"Park; phase 1') + VOTES);
    expect(first?.line).toBe(16);
    expect(first?.message).toMatch(/^quoted field opened here is followed by text after its closing quote on line 18/);
  });

  it('reports missing budget, unknown vote types and META lines with the wrong shape', () => {
    expect(errorsOf(META().replace('budget;1000.50\n', '') + PROJECTS + VOTES)).toContainEqual({
      line: 1,
      message: 'META has no budget',
    });
    expect(errorsOf(META().replace('vote_type;approval', 'vote_type;scoring') + PROJECTS + VOTES)[0]?.message).toMatch(/vote_type "scoring" is not supported/);
    expect(errorsOf(META().replace('country;Germany', 'country;Germany;extra') + PROJECTS + VOTES)).toContainEqual({
      line: 4,
      message: 'META line must have 2 fields (key;value), found 3',
    });
  });

  it('validates cumulative points and choose-1 ballots', () => {
    const cumulative = META().replace('approval', 'cumulative').replace('date_end;2026', 'date_end;2026\nmax_sum_points;5');
    const ok = readPb(`${cumulative}${PROJECTS}VOTES\nvoter_id;vote;points\nv1;a,b;3,2.5\nv2;10;1\nv3;;\n`);
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.election.ballots[0]?.points).toEqual([rat(3n), rat(5n, 2n)]);
      expect(ok.warnings).toEqual([{ line: 22, message: 'voter v1 gives more points in total than max_sum_points' }]);
    }
    expect(errorsOf(`${cumulative}${PROJECTS}VOTES\nvoter_id;vote;points\nv1;a,b;3\nv2;10;1\nv3;;\n`)).toEqual([
      { line: 22, message: 'voter v1 lists 2 projects but 1 points' },
    ]);
    expect(errorsOf(`${cumulative}${PROJECTS}VOTES\nvoter_id;vote\nv1;a\nv2;10\nv3;\n`)[0]?.message).toBe('cumulative VOTES need a points column');
    const choose1 = META().replace('approval', 'choose-1');
    expect(errorsOf(choose1 + PROJECTS + VOTES)).toEqual([{ line: 21, message: 'choose-1 ballot of voter v1 lists 2 projects' }]);
  });

  it('warns, without changing anything, when the votes column or ballot lengths disagree', () => {
    const text =
      META('\nmax_length;1') +
      PROJECTS.replace('project_id;cost;name', 'project_id;cost;name;votes')
        .replace('"Park; phase 1"', '"Park; phase 1";7')
        .replace('Bänke', 'Bänke;1')
        .replace('one"', 'one";1') +
      VOTES;
    const r = readPb(text);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      { line: 22, message: 'voter v1 lists 2 projects, max_length is 1' },
      { line: 17, message: 'project a: votes column says 7, the ballots give 1' },
    ]);
  });

  it('parsePb throws a PbFormatError listing every problem with its line', () => {
    expect(() => parsePb(META('', 4) + PROJECTS + VOTES.replace('v2;10', 'v2;9'))).toThrowError(PbFormatError);
    try {
      parsePb(META('', 4) + PROJECTS + VOTES.replace('v2;10', 'v2;9'));
    } catch (e) {
      expect((e as Error).message).toBe('line 22: voter v2 votes for unknown project 9\nline 8: num_votes is 4 but VOTES has 3 lines');
    }
  });
});
