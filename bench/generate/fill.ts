import path from 'node:path';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/connect';
import { createRng } from '../../src/seed/prng';
import { addBenchStaff, loadCity } from './city';
import { linkPhotos, prepareSharedPhotos, type SharedPhotos } from './photos';
import type { Progress } from './progress';
import { type Batch, newBatch, ReportFactory, residentEmail, residentTimes } from './synthesize';
import { Columns, deferChecksAndIndexes, firstFreeId, reserveIds, restoreChecksAndIndexes, settleSequence, writeBatch } from './writer';

// Fills a city with generated reports: residents first, then the reports in creation order, batch by batch.
// While the database writes one batch the next is generated (on PostgreSQL the two overlap; PGlite runs in this
// thread, so there they simply take turns).

export interface FillOptions {
  organizationId: number;
  reports: number;
  seed: number;
  /** "Now" of the data: nothing happens after it. */
  now: number;
  /** How far back reports go. */
  years?: number;
  /** Resident accounts; default one per ten reports. */
  residents?: number;
  /** Reports per statement. */
  batchSize?: number;
  /** DATA_DIR/files: photo rows get files here. Null: no photos. */
  filesDir: string | null;
  progress?: Progress | null;
  /** Lines about the steps after the progress bar. */
  log?: (line: string) => void;
}

export interface FillResult {
  reports: number;
  events: number;
  residents: number;
  photos: number;
  firstReportId: number;
  lastReportId: number;
  ms: number;
}

/** Tables whose ids the generator chooses. */
const TABLES = ['users', 'reports', 'report_events', 'report_photos'] as const;
/** Every table the generator writes. */
const WRITTEN = [
  ...TABLES,
  'report_supporters',
  'report_followers',
  'report_questionnaires',
  'angstraum_questionnaires',
  'safety_ratings',
  'safety_rating_slots',
];
/** No timeline gets this long; the event id range reserved up front. */
const MAX_EVENTS_PER_REPORT = 40;

function tablesOf(b: Batch) {
  return [b.reports, b.events, b.photos, b.supporters, b.followers, b.questionnaires, b.safetyQuestionnaires, b.ratings];
}

export async function fillCity(db: Db, options: FillOptions): Promise<FillResult> {
  const started = Date.now();
  const years = options.years ?? 3;
  const batchSize = options.batchSize ?? 5000;
  const residentCount = Math.max(10, options.residents ?? Math.round(options.reports / 10));
  const log = options.log ?? (() => {});
  let photos: SharedPhotos | null = null;
  if (options.filesDir) photos = await prepareSharedPhotos(options.filesDir, createRng(options.seed ^ 0x50484f54));

  // One transaction for the whole load: see deferChecksAndIndexes. A single connection also lets the next
  // batch be generated while the database writes the previous one.
  const result = await db.transaction().execute(async (trx) => {
    const city = await loadCity(trx, options.organizationId);
    await addBenchStaff(trx, city);
    const firstUserId = await firstFreeId(trx, 'users');
    const firstReportId = await firstFreeId(trx, 'reports');
    const firstEventId = await firstFreeId(trx, 'report_events');
    const firstPhotoId = await firstFreeId(trx, 'report_photos');
    // Reserve the id ranges first: anything else inserting meanwhile gets ids beyond them. Settled at the end.
    await reserveIds(trx, 'users', firstUserId + residentCount);
    await reserveIds(trx, 'reports', firstReportId + options.reports);
    await reserveIds(trx, 'report_events', firstEventId + options.reports * MAX_EVENTS_PER_REPORT);
    await reserveIds(trx, 'report_photos', firstPhotoId + options.reports);
    const deferred = await deferChecksAndIndexes(trx, WRITTEN);

    const createdAt = residentTimes(options.seed, residentCount, options.now, years);
    for (let i = 0; i < residentCount; i += 10_000) {
      const users = new Columns('users');
      for (let k = i; k < Math.min(residentCount, i + 10_000); k++)
        users.push({ id: firstUserId + k, email: residentEmail(firstUserId + k), created_at: Math.round(createdAt[k]!) });
      await writeBatch(trx, options.organizationId, [users]);
    }

    const factory = new ReportFactory(
      city,
      { firstId: firstUserId, createdAt },
      {
        seed: options.seed,
        now: options.now,
        count: options.reports,
        years,
        firstReportId,
        firstEventId,
        firstPhotoId,
        photos,
      },
    );
    let written = 0;
    let events = 0;
    let photoRows = 0;
    let inflight: Promise<void> | null = null;
    let failure: unknown = null;
    while (factory.done < options.reports) {
      const batch = newBatch();
      while (batch.reports.length < batchSize && factory.done < options.reports) {
        factory.fill(batch, Math.min(500, batchSize - batch.reports.length));
        // Let the socket take the previous batch's bytes while this one is made.
        await yieldToIo();
      }
      for (const t of tablesOf(batch)) t.seal();
      if (inflight) await inflight;
      if (failure) throw failure;
      inflight = (async () => {
        await writeBatch(trx, options.organizationId, tablesOf(batch));
        if (options.filesDir && batch.photoLinks.length > 0) await linkPhotos(options.filesDir, batch.photoLinks);
        written += batch.reports.length;
        events += batch.events.length;
        photoRows += batch.photos.length;
        options.progress?.update(written, `events ${events.toLocaleString('en-US')}`);
      })().catch((err) => {
        failure = err;
      });
    }
    if (inflight) await inflight;
    if (failure) throw failure;
    options.progress?.finish(`events ${events.toLocaleString('en-US')}`);

    const restoreStarted = Date.now();
    log(`Rebuilding ${deferred.indexes.length} indexes and checking ${deferred.constraints.length} foreign keys …`);
    await restoreChecksAndIndexes(trx, deferred);
    log(`  done in ${((Date.now() - restoreStarted) / 1000).toFixed(1)} s`);
    for (const t of TABLES) await settleSequence(trx, t);
    return { reports: written, events, residents: residentCount, photos: photoRows, firstReportId, lastReportId: firstReportId + written - 1 };
  });
  // Fresh statistics and visibility maps, as autovacuum would leave them, before the first benchmark query.
  const vacuumStarted = Date.now();
  await sql`VACUUM (ANALYZE) ${sql.raw(WRITTEN.join(', '))}`.execute(db);
  log(`VACUUM ANALYZE in ${((Date.now() - vacuumStarted) / 1000).toFixed(1)} s`);
  return { ...result, ms: Date.now() - started };
}

export const FILES_SUBDIR = 'files';
export const filesDirOf = (dataDir: string) => path.join(dataDir, FILES_SUBDIR);
