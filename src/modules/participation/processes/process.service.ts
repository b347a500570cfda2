import type { Db } from '../../../platform/db/connect';
import { listStadtbezirke } from '../../organizations';
import type { RuleNames } from './describe-rules';
import { berlinDay, currentPhase, nextPhase, type ProcessState, processState } from './process';
import * as q from './process.queries';

// Use cases of the public side, and what other modules may use to link an item to a process (through the index).

export interface PublicProcess {
  process: q.ProcessRow;
  phases: q.PhaseRow[];
  districts: Array<{ id: number; name: string }>;
  documents: Awaited<ReturnType<typeof q.documentsOf>>;
  state: ProcessState;
  current: q.PhaseRow | null;
  next: q.PhaseRow | null;
}

/** A published process of the city with where it stands today, or null (none, a draft, another city's). */
export async function findPublicProcess(db: Db, organizationId: number, id: number, now = new Date()): Promise<PublicProcess | null> {
  const process = await q.findProcess(db, organizationId, id);
  if (!process?.published) return null;
  const [phases, districts, documents] = await Promise.all([
    q.phasesOf(db, organizationId, [id]),
    q.districtsOf(db, organizationId, [id]),
    q.documentsOf(db, organizationId, id),
  ]);
  const today = berlinDay(now);
  const dated = phases.map((row) => ({ ...phaseDates(row), row }));
  return {
    process,
    phases,
    districts: districts.map((d) => ({ id: d.id, name: d.name })),
    documents,
    state: processState(dated, today),
    current: currentPhase(dated, today)?.row ?? null,
    next: nextPhase(dated, today)?.row ?? null,
  };
}

/** Published processes that are current or upcoming, as choices for "this belongs to process …" (ideas, budgets). */
export function listOpenProcessesForSelect(db: Db, organizationId: number, now = new Date()): Promise<Array<{ id: number; title: string }>> {
  return q.openProcessOptions(db, organizationId, berlinDay(now));
}

export function phaseDates(p: q.PhaseRow) {
  return { startsOn: p.starts_on, endsOn: p.ends_on, endedEarlyAt: p.ended_early_at };
}

/** The names rules point to, for describing them. */
export async function ruleNames(db: Db, organizationId: number): Promise<RuleNames> {
  const [districts, bodies] = await Promise.all([listStadtbezirke(db, organizationId), q.cityBodies(db, organizationId)]);
  return { districts: new Map(districts.map((d) => [d.id, d.name])), bodies: new Map(bodies.map((b) => [b.id, b.name])) };
}
