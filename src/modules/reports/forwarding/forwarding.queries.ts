import { sql } from 'kysely';
import type { Db, Trx } from '../../../platform/db/connect';

// SQL of the Open311 forwarding job. The claim serves every city (one job forwards all of them); everything after
// it works on the claimed row's city.

/**
 * Claims the oldest due forward of any city: SKIP LOCKED, so two processes never take the same row, then a lease
 * on next_attempt_at keeps it away from others while its request runs (a crash retries after the lease).
 */
export function claimDueForward(trx: Trx, leaseSeconds: number) {
  return trx
    .updateTable('report_forwards')
    .set({ next_attempt_at: sql`now() + make_interval(secs => ${leaseSeconds})` })
    .where('id', '=', (eb) =>
      eb
        .selectFrom('report_forwards')
        .select('id')
        .where('done_at', 'is', null)
        .where('next_attempt_at', '<=', sql<Date>`now()`)
        .orderBy('next_attempt_at')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'organization_id', 'attempts', 'report_id', 'department_id'])
    .executeTakeFirst();
}

/** What the request needs: the department's endpoint and the report's public fields. */
export function forwardDetails(db: Db, organizationId: number, forwardId: number) {
  return db
    .selectFrom('report_forwards as f')
    .innerJoin('departments as d', 'd.id', 'f.department_id')
    .innerJoin('reports as r', 'r.id', 'f.report_id')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .select([
      'd.open311_endpoint',
      'd.open311_api_key',
      'd.open311_enabled',
      'd.name as department',
      'r.organization_id',
      'r.lat',
      'r.lon',
      'r.description',
      'r.address',
      'r.answers',
      'c.code',
    ])
    .where('f.organization_id', '=', organizationId)
    .where('f.id', '=', forwardId)
    .executeTakeFirstOrThrow();
}

export function firstApprovedPhoto(db: Db, organizationId: number, reportId: number) {
  return db
    .selectFrom('report_photos')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('report_id', '=', reportId)
    .where('status', '=', 'approved')
    .orderBy('sort')
    .orderBy('id')
    .executeTakeFirst();
}

export function markForwarded(db: Db, organizationId: number, forwardId: number, done: { attempts: number; externalId: string | null }) {
  return db
    .updateTable('report_forwards')
    .set({ attempts: done.attempts, done_at: sql`now()`, external_id: done.externalId, last_error: null })
    .where('organization_id', '=', organizationId)
    .where('id', '=', forwardId)
    .execute();
}

export function markForwardFailed(db: Db, organizationId: number, forwardId: number, failed: { attempts: number; error: string; retrySeconds: number }) {
  return db
    .updateTable('report_forwards')
    .set({ attempts: failed.attempts, last_error: failed.error, next_attempt_at: sql`now() + make_interval(secs => ${failed.retrySeconds})` })
    .where('organization_id', '=', organizationId)
    .where('id', '=', forwardId)
    .execute();
}
