import type { Ballot, Election } from '../counting/election';
import { add, type Rational, toExactDecimal } from '../counting/rational';
import { compareIds } from '../counting/tie-breaking';
import { csvLine } from './csv';

export interface WritePbOptions {
  /**
   * Publish without personal data: voter ids become 1..n, voter columns (age, district, …) are dropped,
   * and ballots are sorted by content so that the file order reveals nothing about who voted when.
   */
  readonly anonymise?: boolean;
  /** Writes a `selected` column: 1 for these project ids, 0 for the others. */
  readonly selected?: readonly string[];
}

function decimal(r: Rational, what: string): string {
  const s = toExactDecimal(r);
  if (s === null) throw new RangeError(`${what} ${r.num}/${r.den} has no finite decimal form`);
  return s;
}

/** Computed META keys override whatever the election's meta says, so the file is self-consistent. */
/** Ids that the format cannot carry would come back different; refuse them instead. */
function checkId(id: string, what: string, listItem: boolean): void {
  if (id === '' || id !== id.trim() || id.toLowerCase() === 'none' || (listItem && id.includes(','))) {
    throw new RangeError(`${what} ${JSON.stringify(id)} cannot be written to a .pb file`);
  }
}

function metaEntries(e: Election): Array<[string, string]> {
  const computed: Record<string, string | undefined> = {
    num_projects: String(e.projects.length),
    num_votes: String(e.ballots.length),
    budget: decimal(e.budget, 'budget'),
    vote_type: e.voteType,
    rule: e.declaredRule,
    min_project_score_threshold: e.minProjectScoreThreshold ? decimal(e.minProjectScoreThreshold, 'threshold') : undefined,
  };
  const out: Array<[string, string]> = [];
  const written = new Set<string>();
  for (const [k, v] of Object.entries(e.meta ?? {})) {
    if (k in computed) {
      const c = computed[k];
      if (c !== undefined) out.push([k, c]);
    } else out.push([k, v]);
    written.add(k);
  }
  for (const [k, v] of Object.entries(computed)) if (v !== undefined && !written.has(k)) out.push([k, v]);
  return out;
}

function columnsOf(rows: ReadonlyArray<Readonly<Record<string, string>> | undefined>, skip: readonly string[]) {
  const cols: string[] = [];
  for (const r of rows) for (const k of Object.keys(r ?? {})) if (!skip.includes(k) && !cols.includes(k)) cols.push(k);
  return cols;
}

function ballotKey(b: Ballot): string {
  return `${b.projects.join(',')};${(b.points ?? []).map((p) => `${p.num}/${p.den}`).join(',')}`;
}

/** Writes an election as a pabulib `.pb` file that readPb reads back to the same election. */
export function writePb(election: Election, options: WritePbOptions = {}): string {
  const cumulative = election.voteType === 'cumulative';
  for (const p of election.projects) checkId(p.id, 'project id', true);
  for (const b of election.ballots) checkId(b.voterId, 'voter id', false);
  const lines: string[] = ['META', 'key;value'];
  for (const [k, v] of metaEntries(election)) lines.push(csvLine([k, v]));

  // Counts are recomputed from the ballots rather than copied, so they cannot contradict them.
  const votes = new Map<string, number>();
  const score = new Map<string, Rational>();
  for (const b of election.ballots) {
    b.projects.forEach((id, k) => {
      const pt = b.points?.[k];
      if (pt && pt.num === 0n) return;
      votes.set(id, (votes.get(id) ?? 0) + 1);
      if (pt) score.set(id, add(score.get(id) ?? { num: 0n, den: 1n }, pt));
    });
  }
  const derived = ['votes', 'score', 'selected'];
  const projectCols = columnsOf(
    election.projects.map((p) => p.meta),
    derived,
  );
  const selected = options.selected ? new Set(options.selected) : null;
  lines.push('PROJECTS');
  lines.push(csvLine(['project_id', 'cost', 'votes', ...(cumulative ? ['score'] : []), ...(selected ? ['selected'] : []), ...projectCols]));
  for (const p of election.projects) {
    lines.push(
      csvLine([
        p.id,
        decimal(p.cost, `cost of ${p.id}`),
        String(votes.get(p.id) ?? 0),
        ...(cumulative ? [decimal(score.get(p.id) ?? { num: 0n, den: 1n }, `score of ${p.id}`)] : []),
        ...(selected ? [selected.has(p.id) ? '1' : '0'] : []),
        ...projectCols.map((k) => p.meta?.[k] ?? ''),
      ]),
    );
  }

  const ballots = options.anonymise ? [...election.ballots].sort((a, b) => compareIds(ballotKey(a), ballotKey(b))) : election.ballots;
  const voterCols = options.anonymise
    ? []
    : columnsOf(
        ballots.map((b) => b.meta),
        [],
      );
  lines.push('VOTES');
  lines.push(csvLine(['voter_id', 'vote', ...(cumulative ? ['points'] : []), ...voterCols]));
  ballots.forEach((b, i) => {
    lines.push(
      csvLine([
        options.anonymise ? String(i + 1) : b.voterId,
        b.projects.join(','),
        ...(cumulative ? [(b.points ?? []).map((p) => decimal(p, `points of voter ${b.voterId}`)).join(',')] : []),
        ...voterCols.map((k) => b.meta?.[k] ?? ''),
      ]),
    );
  });
  return `${lines.join('\n')}\n`;
}
