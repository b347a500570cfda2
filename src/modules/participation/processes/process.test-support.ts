import type { Db } from '../../../platform/db/connect';
import type { EligibilityRules } from '../eligibility/rule';
import { berlinDay } from './process';
import * as q from './process.queries';

// Test data for the processes feature: a process with phases around today, written through the feature's queries.

const DAY = 86_400_000;
export const dayFromToday = (offset: number) => berlinDay(new Date(Date.now() + offset * DAY));

export interface TestProcess {
  title: string;
  topic?: string;
  departmentId?: number | null;
  bodyId?: number | null;
  districtIds?: number[];
  rules?: EligibilityRules;
  published?: boolean;
  /** Offsets in days from today, and what each phase offers. */
  phases?: Array<{ title: string; from: number; to: number; kinds?: string[] }>;
}

export async function createProcess(db: Db, organizationId: number, p: TestProcess): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const id = await q.insertProcess(
      trx,
      organizationId,
      {
        title: p.title,
        summary: `Worum es bei ${p.title} geht.`,
        bodyHtml: '<p>Beschreibung</p>',
        topic: p.topic ?? 'verkehr',
        departmentId: p.departmentId ?? null,
        bodyId: p.bodyId ?? null,
        rules: p.rules ?? {},
        published: p.published ?? true,
      },
      null,
    );
    await q.setProcessDistricts(trx, organizationId, id, p.districtIds ?? []);
    for (const ph of p.phases ?? []) {
      await q.insertPhase(trx, organizationId, id, {
        title: ph.title,
        description: '',
        startsOn: dayFromToday(ph.from),
        endsOn: dayFromToday(ph.to),
        kinds: ph.kinds ?? ['information'],
      });
    }
    return id;
  });
}

export async function createStadtbezirk(db: Db, organizationId: number, name: string): Promise<number> {
  const row = await db
    .insertInto('districts')
    .values({
      organization_id: organizationId,
      kind: 'stadtbezirk',
      name,
      geometry: JSON.stringify({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [7.4, 51.45],
              [7.5, 51.45],
              [7.5, 51.5],
              [7.4, 51.45],
            ],
          ],
        ],
      }),
      min_lon: 7.4,
      min_lat: 51.45,
      max_lon: 7.5,
      max_lat: 51.5,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createBody(db: Db, organizationId: number, name: string): Promise<number> {
  const row = await db
    .insertInto('participation_bodies')
    .values({ organization_id: organizationId, kind: 'youth_parliament', name })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
