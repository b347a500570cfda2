import { sql } from 'kysely';
import type { ReportStatus } from '../../../db-schema';
import type { Db } from '../../../platform/db/connect';
import { hashToken, randomToken } from '../../../platform/security/tokens';
import { addFollower, insertEvent, insertReport } from '../report.queries';

// Synthetic reports for the tests of this folder (not real data).

export async function makeReport(
  db: Db,
  organizationId: number,
  categoryId: number,
  options: { status?: ReportStatus; email?: string | null; description?: string } = {},
) {
  const report = await insertReport(db, {
    organizationId,
    categoryId,
    departmentId: null,
    districtId: null,
    status: options.status ?? 'new',
    lat: 51.5,
    lon: 7.5,
    address: 'vor Nr. 1',
    locationPrecise: true,
    description: options.description ?? 'Synthetische Testmeldung',
    answers: {},
    userId: null,
    reporterName: 'Testperson Geheim',
    reporterEmail: options.email === undefined ? 'melder@example.de' : options.email,
    showName: false,
    idempotencyKey: null,
  });
  const id = report!.id;
  await insertEvent(db, { organizationId, reportId: id, kind: 'created', public: true, toStatus: options.status ?? 'new' });
  if (options.email !== null) await addFollower(db, organizationId, id, options.email ?? 'melder@example.de', hashToken(randomToken()));
  return id;
}

/** Writes an event and moves its time back by the given minutes. */
export async function eventAgo(
  db: Db,
  organizationId: number,
  reportId: number,
  minutes: number,
  e: { kind: string; public: boolean; body?: string; fromStatus?: ReportStatus; toStatus?: ReportStatus; data?: unknown },
) {
  const { id } = await insertEvent(db, { organizationId, reportId, ...e });
  await db
    .updateTable('report_events')
    .set({ created_at: sql`now() - make_interval(mins => ${minutes})` })
    .where('id', '=', id)
    .execute();
  return id;
}
