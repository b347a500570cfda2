import type { Ballot, Election, Project, VoteType } from '../counting/election';
import { add, cmp, parseDecimal, type Rational } from '../counting/rational';
import { CsvError, type CsvRecord, parseCsv } from './csv';

export interface PbIssue {
  /** 1-based line in the file; 0 when the problem concerns the file as a whole. */
  readonly line: number;
  readonly message: string;
}

export type PbReadResult =
  | { readonly ok: true; readonly election: Election; readonly warnings: readonly PbIssue[] }
  | { readonly ok: false; readonly errors: readonly PbIssue[]; readonly warnings: readonly PbIssue[] };

export class PbFormatError extends Error {
  constructor(readonly issues: readonly PbIssue[]) {
    super(issues.map((i) => (i.line ? `line ${i.line}: ${i.message}` : i.message)).join('\n'));
    this.name = 'PbFormatError';
  }
}

const SECTIONS = ['meta', 'projects', 'votes'] as const;
type SectionName = (typeof SECTIONS)[number];
const VOTE_TYPES: readonly VoteType[] = ['approval', 'cumulative', 'ordinal', 'choose-1'];
const MAX_ERRORS = 100;

interface Section {
  readonly title: CsvRecord;
  header?: { readonly line: number; readonly columns: readonly string[] };
  readonly rows: CsvRecord[];
}

/** A `None` cell means "no value" in pabulib files (pabutools drops such cells). */
const cell = (v: string | undefined): string | undefined => {
  const t = v?.trim();
  return t === undefined || t === '' || t.toLowerCase() === 'none' ? undefined : t;
};

/**
 * Reads a pabulib `.pb` file. Structural problems (missing sections, bad numbers, unknown or repeated
 * projects, counts that contradict META) are errors with line numbers; constraint violations that do not
 * stop the count (ballot length, point limits, a `votes` column that disagrees) are warnings. Nothing is
 * repaired silently.
 */
export function readPb(text: string): PbReadResult {
  const errors: PbIssue[] = [];
  const warnings: PbIssue[] = [];
  const error = (line: number, message: string) => {
    if (errors.length < MAX_ERRORS) errors.push({ line, message });
  };
  const fail = (): PbReadResult => ({ ok: false, errors, warnings });

  let records: CsvRecord[];
  try {
    records = parseCsv(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (e) {
    if (e instanceof CsvError) return { ok: false, errors: [{ line: e.line, message: e.message }], warnings };
    throw e;
  }
  const lastLine = records.at(-1)?.line ?? 1;

  // Split into sections.
  const sections = new Map<SectionName, Section>();
  let current: Section | undefined;
  for (const rec of records) {
    if (rec.blank) continue;
    const title = rec.fields.length === 1 ? (rec.fields[0] ?? '').trim().toLowerCase() : '';
    if ((SECTIONS as readonly string[]).includes(title)) {
      const name = title as SectionName;
      const expected = SECTIONS[sections.size];
      if (sections.has(name)) error(rec.line, `section ${name.toUpperCase()} appears twice`);
      else if (name !== expected) {
        error(rec.line, `section ${name.toUpperCase()} found where ${expected?.toUpperCase()} was expected`);
      }
      current = { title: rec, rows: [] };
      sections.set(name, current);
      continue;
    }
    if (!current) {
      error(rec.line, 'the file must start with the META section');
      return fail();
    }
    if (!current.header) {
      const columns = rec.fields.map((f) => f.trim().toLowerCase());
      const dup = columns.find((col, k) => columns.indexOf(col) !== k);
      if (dup !== undefined) error(rec.line, `column "${dup}" appears twice in the header`);
      current.header = { line: rec.line, columns };
    } else current.rows.push(rec);
  }
  for (const name of SECTIONS) {
    const s = sections.get(name);
    if (!s) error(lastLine, `missing section ${name.toUpperCase()}`);
    else if (!s.header) error(s.title.line, `section ${name.toUpperCase()} has no header line`);
  }
  if (errors.length > 0) return fail();
  const metaSec = sections.get('meta') as Section & { header: NonNullable<Section['header']> };
  const projSec = sections.get('projects') as Section & { header: NonNullable<Section['header']> };
  const voteSec = sections.get('votes') as Section & { header: NonNullable<Section['header']> };

  // META
  if (metaSec.header.columns.join(';') !== 'key;value') {
    error(metaSec.header.line, `META header must be "key;value", found "${metaSec.header.columns.join(';')}"`);
  }
  const meta: Record<string, string> = {};
  const metaLine = new Map<string, number>();
  for (const row of metaSec.rows) {
    if (row.fields.length !== 2) {
      error(row.line, `META line must have 2 fields (key;value), found ${row.fields.length}`);
      continue;
    }
    const key = (row.fields[0] ?? '').trim();
    const value = (row.fields[1] ?? '').trim();
    if (!key) error(row.line, 'META line with an empty key');
    else if (metaLine.has(key)) error(row.line, `META key "${key}" appears twice (first on line ${metaLine.get(key)})`);
    else {
      meta[key] = value;
      metaLine.set(key, row.line);
    }
  }
  const metaAt = (key: string) => metaLine.get(key) ?? metaSec.title.line;
  const metaNumber = (key: string, what: string): Rational | undefined => {
    const raw = meta[key];
    if (raw === undefined) return undefined;
    const v = parseDecimal(raw);
    if (!v) error(metaAt(key), `${what} "${raw}" is not a number`);
    return v ?? undefined;
  };
  const metaCount = (key: string): number | undefined => {
    const raw = meta[key];
    if (raw === undefined) return undefined;
    if (!/^\d+$/.test(raw)) {
      error(metaAt(key), `${key} "${raw}" is not a whole number`);
      return undefined;
    }
    return Number(raw);
  };

  const budget = metaNumber('budget', 'budget');
  if (meta.budget === undefined) error(metaSec.title.line, 'META has no budget');
  else if (budget && budget.num < 0n) error(metaAt('budget'), 'budget is negative');
  const voteTypeRaw = meta.vote_type?.toLowerCase();
  if (voteTypeRaw === undefined) error(metaSec.title.line, 'META has no vote_type');
  else if (!(VOTE_TYPES as readonly string[]).includes(voteTypeRaw)) {
    error(metaAt('vote_type'), `vote_type "${meta.vote_type}" is not supported (expected ${VOTE_TYPES.join(', ')})`);
  }
  const voteType = voteTypeRaw as VoteType;
  const threshold = metaNumber('min_project_score_threshold', 'min_project_score_threshold');
  const numProjects = metaCount('num_projects');
  const numVotes = metaCount('num_votes');
  const minLength = metaCount('min_length');
  const maxLength = metaCount('max_length');
  const maxSumPoints = metaNumber('max_sum_points', 'max_sum_points');
  const minSumPoints = metaNumber('min_sum_points', 'min_sum_points');
  const maxPoints = metaNumber('max_points', 'max_points');
  for (const key of ['num_projects', 'num_votes', 'rule']) {
    if (meta[key] === undefined) warnings.push({ line: metaSec.title.line, message: `META has no ${key}` });
  }
  if (errors.length > 0) return fail();

  // PROJECTS
  const pCols = projSec.header.columns;
  const idCol = pCols.indexOf('project_id');
  const costCol = pCols.indexOf('cost');
  if (idCol < 0) error(projSec.header.line, 'PROJECTS header has no project_id column');
  if (costCol < 0) error(projSec.header.line, 'PROJECTS header has no cost column');
  if (errors.length > 0) return fail();
  const projects: Project[] = [];
  const projectLine = new Map<string, number>();
  for (const row of projSec.rows) {
    const id = rowId(row, pCols.length, idCol, 'project', projectLine);
    if (id === undefined) continue;
    const rawCost = cell(row.fields[costCol]);
    const cost = rawCost === undefined ? null : parseDecimal(rawCost);
    if (!cost || cost.num < 0n) {
      error(row.line, `project ${id} has an invalid cost "${row.fields[costCol]?.trim() ?? ''}"`);
      continue;
    }
    projects.push({ id, cost, meta: rowMeta(pCols, row.fields, [idCol, costCol]) });
  }
  if (numProjects !== undefined && numProjects !== projSec.rows.length) {
    error(metaAt('num_projects'), `num_projects is ${numProjects} but PROJECTS has ${projSec.rows.length} lines`);
  }

  // VOTES
  const vCols = voteSec.header.columns;
  const voterCol = vCols.indexOf('voter_id');
  const voteCol = vCols.indexOf('vote');
  const pointsCol = vCols.indexOf('points');
  if (voterCol < 0) error(voteSec.header.line, 'VOTES header has no voter_id column');
  if (voteCol < 0) error(voteSec.header.line, 'VOTES header has no vote column');
  if (voteType === 'cumulative' && pointsCol < 0) error(voteSec.header.line, 'cumulative VOTES need a points column');
  if (errors.length > 0) return fail();
  const ballots: Ballot[] = [];
  const voterLine = new Map<string, number>();
  const votesCount = new Map<string, number>();
  const pointsSum = new Map<string, Rational>();
  const usePoints = voteType === 'cumulative';
  for (const row of voteSec.rows) {
    const voterId = rowId(row, vCols.length, voterCol, 'voter', voterLine);
    if (voterId === undefined) continue;
    const ids = splitList(row.fields[voteCol]);
    let ok = true;
    const seen = new Set<string>();
    for (const id of ids) {
      if (!projectLine.has(id)) {
        error(row.line, `voter ${voterId} votes for unknown project ${id}`);
        ok = false;
      } else if (seen.has(id)) {
        error(row.line, `voter ${voterId} lists project ${id} twice`);
        ok = false;
      }
      seen.add(id);
    }
    let points: Rational[] | undefined;
    if (usePoints) {
      const rawPoints = splitList(row.fields[pointsCol]);
      if (rawPoints.length !== ids.length) {
        error(row.line, `voter ${voterId} lists ${ids.length} projects but ${rawPoints.length} points`);
        ok = false;
      }
      points = [];
      for (const raw of rawPoints) {
        const v = parseDecimal(raw);
        if (!v || v.num < 0n) {
          error(row.line, `voter ${voterId} has invalid points "${raw}"`);
          ok = false;
        } else points.push(v);
      }
    }
    if (!ok) continue;
    if (voteType === 'choose-1' && ids.length > 1) {
      error(row.line, `choose-1 ballot of voter ${voterId} lists ${ids.length} projects`);
      continue;
    }
    checkBallotLimits(row.line, voterId, ids.length, points);
    ids.forEach((id, k) => {
      const pt = points?.[k];
      if (pt && pt.num === 0n) return;
      votesCount.set(id, (votesCount.get(id) ?? 0) + 1);
      if (pt) pointsSum.set(id, add(pointsSum.get(id) ?? { num: 0n, den: 1n }, pt));
    });
    const extra = rowMeta(vCols, row.fields, [voterCol, voteCol, pointsCol]);
    ballots.push({
      voterId,
      projects: ids,
      ...(points ? { points } : {}),
      ...(extra ? { meta: extra } : {}),
    });
  }
  if (numVotes !== undefined && numVotes !== voteSec.rows.length) {
    error(metaAt('num_votes'), `num_votes is ${numVotes} but VOTES has ${voteSec.rows.length} lines`);
  }
  if (errors.length > 0) return fail();

  // The published per-project counts must agree with the ballots; disagreement is reported, not fixed.
  for (const p of projects) {
    const line = projectLine.get(p.id) ?? 0;
    const published = p.meta?.votes;
    const counted = votesCount.get(p.id) ?? 0;
    if (published !== undefined && /^\d+$/.test(published) && Number(published) !== counted) {
      warnings.push({
        line,
        message: `project ${p.id}: votes column says ${published}, the ballots give ${counted}`,
      });
    }
    const publishedScore = p.meta?.score === undefined ? null : parseDecimal(p.meta.score);
    const countedScore = pointsSum.get(p.id);
    if (usePoints && publishedScore && cmp(publishedScore, countedScore ?? { num: 0n, den: 1n }) !== 0) {
      warnings.push({
        line,
        message: `project ${p.id}: score column says ${p.meta?.score}, the ballots disagree`,
      });
    }
  }

  const election: Election = {
    voteType,
    budget: budget as Rational,
    projects,
    ballots,
    ...(threshold ? { minProjectScoreThreshold: threshold } : {}),
    ...(meta.rule !== undefined ? { declaredRule: meta.rule } : {}),
    meta,
  };
  return { ok: true, election, warnings };

  /** Checks a PROJECTS/VOTES row's shape and that its id is present and new; records the id's line. */
  function rowId(row: CsvRecord, width: number, idCol: number, what: 'project' | 'voter', seen: Map<string, number>): string | undefined {
    if (row.fields.length !== width) {
      error(row.line, `${what === 'project' ? 'project' : 'vote'} line has ${row.fields.length} fields, the header has ${width}`);
      return undefined;
    }
    const id = cell(row.fields[idCol]);
    if (!id) {
      error(row.line, what === 'project' ? 'project without project_id' : 'vote without voter_id');
      return undefined;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      error(row.line, `${what} ${id} appears twice (first on line ${first})`);
      return undefined;
    }
    seen.set(id, row.line);
    return id;
  }

  function checkBallotLimits(line: number, voterId: string, length: number, points?: Rational[]): void {
    if (length > 0 && minLength !== undefined && length < minLength) {
      warnings.push({
        line,
        message: `voter ${voterId} lists ${length} projects, min_length is ${minLength}`,
      });
    }
    if (maxLength !== undefined && length > maxLength) {
      warnings.push({
        line,
        message: `voter ${voterId} lists ${length} projects, max_length is ${maxLength}`,
      });
    }
    if (!points) return;
    let total: Rational = { num: 0n, den: 1n };
    for (const pt of points) {
      total = add(total, pt);
      if (maxPoints && cmp(pt, maxPoints) > 0) {
        warnings.push({ line, message: `voter ${voterId} gives more than max_points to one project` });
      }
    }
    if (maxSumPoints && cmp(total, maxSumPoints) > 0) {
      warnings.push({ line, message: `voter ${voterId} gives more points in total than max_sum_points` });
    }
    if (minSumPoints && length > 0 && cmp(total, minSumPoints) < 0) {
      warnings.push({ line, message: `voter ${voterId} gives fewer points in total than min_sum_points` });
    }
  }
}

/** Like readPb, but throws PbFormatError listing every error. */
export function parsePb(text: string): { election: Election; warnings: readonly PbIssue[] } {
  const r = readPb(text);
  if (!r.ok) throw new PbFormatError(r.errors);
  return { election: r.election, warnings: r.warnings };
}

function splitList(raw: string | undefined): string[] {
  if (cell(raw) === undefined) return [];
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function rowMeta(columns: readonly string[], fields: readonly string[], skip: readonly number[]) {
  const out: Record<string, string> = {};
  let any = false;
  columns.forEach((col, k) => {
    if (skip.includes(k)) return;
    const v = cell(fields[k]);
    if (v !== undefined) {
      out[col] = v;
      any = true;
    }
  });
  return any ? out : undefined;
}
