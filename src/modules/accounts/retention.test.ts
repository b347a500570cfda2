import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testConfig } from '../../../test/helpers/app';
import { createCategory, createResident } from '../../../test/helpers/factories';
import type { Config } from '../../config';
import type { ReportStatus } from '../../db-schema';
import { moduleRegistry } from '../../module-list';
import { noJobQueue } from '../../platform/jobs/no-queue';
import { platformJobs } from '../../platform/jobs/scheduler';
import { hashToken, randomToken } from '../../platform/security/tokens';
import { rowCounts } from './data-rights.test-support';

// The retention jobs as the scheduler gets them (the platform's and every module's `jobs`): what each removes, what
// it keeps, and that a second run changes nothing.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const RETENTION_JOBS = ['purge-sessions', 'purge-rate-limits', 'purge-sent-mail', 'account-purge-links', 'report-purge-reporter-contact'];

function retentionJobs(config: Config) {
  const registry = moduleRegistry();
  const services = { db: t.db, config, storage: null as never, modules: registry, jobs: noJobQueue() };
  const jobs = platformJobs(
    t.db,
    config,
    registry.modules.flatMap((m) => m.jobs?.(services) ?? []),
  );
  const chosen = jobs.filter((j) => RETENTION_JOBS.includes(j.name));
  expect(chosen.map((j) => j.name).sort()).toEqual([...RETENTION_JOBS].sort());
  return async () => {
    for (const job of chosen) await job.run();
  };
}

async function snapshot() {
  const tables = ['reports', 'report_followers', 'report_questionnaires', 'login_tokens', 'sessions', 'rate_limits', 'outbox'] as const;
  const out: Record<string, unknown> = {};
  for (const table of tables) out[table] = await t.db.selectFrom(table).selectAll().execute();
  return out;
}

const ago = (days: number) => sql<Date>`now() - make_interval(days => ${days})`;

async function report(categoryId: number, status: ReportStatus, finishedDaysAgo: number | null, email: string) {
  const r = await t.db
    .insertInto('reports')
    .values({
      organization_id: t.org.id,
      category_id: categoryId,
      status,
      lat: 51.5,
      lon: 7.5,
      location: sql`point(7.5, 51.5)`,
      description: `Meldung ${status}`,
      reporter_name: 'Max Kontakt',
      reporter_email: email,
      reporter_phone: '+49 231 5550100',
      show_name: true,
      idempotency_fingerprint: 'fingerprint-with-address',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('report_events')
    .values({ organization_id: t.org.id, report_id: r.id, kind: 'status', public: true, to_status: status, created_at: ago(finishedDaysAgo ?? 400) })
    .execute();
  await t.db
    .insertInto('report_followers')
    .values({ organization_id: t.org.id, report_id: r.id, email, unsubscribe_token_hash: hashToken(randomToken()) })
    .execute();
  for (const [who, answered] of [
    [email, true],
    [`nachbar-${r.id}@example.de`, false],
  ] as const) {
    await t.db
      .insertInto('report_questionnaires')
      .values({
        organization_id: t.org.id,
        report_id: r.id,
        email: who,
        token_hash: hashToken(randomToken()),
        due_at: new Date(),
        answered_at: answered ? new Date() : null,
        answer: answered ? 'yes' : null,
      })
      .execute();
  }
  return r.id;
}

const contact = (id: number) =>
  t.db
    .selectFrom('reports')
    .select(['reporter_name', 'reporter_email', 'reporter_phone', 'show_name', 'idempotency_fingerprint'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('retention jobs', () => {
  it('remove reporter contact N months after closing, old links, sessions, counters and sent mail, and a second run changes nothing', async () => {
    const category = await createCategory(t.db, t.org.id);
    const closedLongAgo = await report(category.id, 'closed', 7 * 31, 'alt@example.de');
    const fixedLongAgo = await report(category.id, 'fixed', 200, 'behoben@example.de');
    const closedRecently = await report(category.id, 'closed', 150, 'neu@example.de');
    const open = await report(category.id, 'in_progress', 400, 'offen@example.de');
    // Closed long ago but reopened and closed again last week: counts from the newest closing.
    const closedAgain = await report(category.id, 'closed', 400, 'wieder@example.de');
    await t.db
      .insertInto('report_events')
      .values({ organization_id: t.org.id, report_id: closedAgain, kind: 'status', public: true, to_status: 'closed', created_at: ago(7) })
      .execute();

    const resident = await createResident(t.db, t.org.id);
    const token = (purpose: 'magic_link', expiresDaysAgo: number, usedDaysAgo: number | null) =>
      t.db
        .insertInto('login_tokens')
        .values({
          token_hash: hashToken(randomToken()),
          organization_id: t.org.id,
          purpose,
          user_id: null,
          email: resident.email,
          expires_at: ago(expiresDaysAgo),
          used_at: usedDaysAgo === null ? null : ago(usedDaysAgo),
        })
        .returning('token_hash')
        .executeTakeFirstOrThrow();
    const expiredLongAgo = await token('magic_link', 8, null);
    const usedLongAgo = await token('magic_link', -1, 8); // still "valid" by date, but spent 8 days ago
    const usedRecently = await token('magic_link', 2, 2);
    const live = await token('magic_link', -1, null);
    const session = (expiresDaysAgo: number, idleDaysAgo: number) =>
      t.db
        .insertInto('sessions')
        .values({
          id_hash: hashToken(randomToken()),
          organization_id: t.org.id,
          user_id: resident.id,
          level: 'resident',
          idle_minutes: 60,
          last_seen_at: ago(idleDaysAgo),
          expires_at: ago(expiresDaysAgo),
        })
        .returning('id_hash')
        .executeTakeFirstOrThrow();
    const expiredSession = await session(1, 0);
    const idleSession = await session(-10, 1);
    const liveSession = await session(-10, 0);
    await t.db.insertInto('rate_limits').values({ key: 'magic:ip:192.0.2.1', window_start: sql`now() - interval '25 hours'`, count: 3 }).execute();
    await t.db.insertInto('rate_limits').values({ key: 'magic:ip:192.0.2.2', window_start: sql`now() - interval '2 hours'`, count: 1 }).execute();
    const mail = (sentDaysAgo: number | null) =>
      t.db
        .insertInto('outbox')
        .values({
          organization_id: t.org.id,
          to_address: resident.email,
          subject: 'x',
          text_body: 'y',
          sent_at: sentDaysAgo === null ? null : ago(sentDaysAgo),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const sentLongAgo = await mail(31);
    const sentRecently = await mail(29);
    const unsent = await mail(null);

    const run = retentionJobs(t.config);
    await run();

    for (const id of [closedLongAgo, fixedLongAgo]) {
      expect(await contact(id)).toEqual({ reporter_name: '', reporter_email: null, reporter_phone: null, show_name: false, idempotency_fingerprint: null });
      expect(await t.db.selectFrom('report_followers').select('email').where('report_id', '=', id).execute()).toEqual([]);
      // The answer stays for the statistics, without the address; the unanswered questionnaire goes.
      const questionnaires = await t.db.selectFrom('report_questionnaires').select(['email', 'answer']).where('report_id', '=', id).execute();
      expect(questionnaires).toEqual([{ email: expect.stringMatching(/^anonym:\d+$/), answer: 'yes' }]);
    }
    for (const id of [closedRecently, open, closedAgain]) {
      expect((await contact(id)).reporter_phone).toBe('+49 231 5550100');
      expect(await t.db.selectFrom('report_followers').select('email').where('report_id', '=', id).execute()).toHaveLength(1);
      expect(await t.db.selectFrom('report_questionnaires').select('email').where('report_id', '=', id).execute()).toHaveLength(2);
    }
    const tokens = (await t.db.selectFrom('login_tokens').select('token_hash').where('email', '=', resident.email).execute()).map((r) => r.token_hash);
    expect(tokens.sort()).toEqual([usedRecently.token_hash, live.token_hash].sort());
    expect(tokens).not.toContain(expiredLongAgo.token_hash);
    expect(tokens).not.toContain(usedLongAgo.token_hash);
    const sessions = (await t.db.selectFrom('sessions').select('id_hash').where('user_id', '=', resident.id).execute()).map((r) => r.id_hash);
    expect(sessions).toEqual([liveSession.id_hash]);
    expect(sessions).not.toContain(expiredSession.id_hash);
    expect(sessions).not.toContain(idleSession.id_hash);
    expect((await t.db.selectFrom('rate_limits').select('key').where('key', 'like', 'magic:ip:192.0.2.%').execute()).map((r) => r.key)).toEqual([
      'magic:ip:192.0.2.2',
    ]);
    const mails = (await t.db.selectFrom('outbox').select('id').where('to_address', '=', resident.email).execute()).map((r) => r.id);
    expect(mails.sort()).toEqual([sentRecently.id, unsent.id].sort());
    expect(mails).not.toContain(sentLongAgo.id);

    // A second run finds nothing to change.
    const [rows, counts] = [await snapshot(), await rowCounts(t.db)];
    await run();
    expect(await snapshot()).toEqual(rows);
    expect(await rowCounts(t.db)).toEqual(counts);
  });

  it('follow the settings: a longer period keeps what a shorter one removes', async () => {
    const category = await createCategory(t.db, t.org.id);
    const closed = await report(category.id, 'closed', 100, 'drei-monate@example.de');
    await retentionJobs(testConfig({ DATA_DIR: t.config.dataDir, RETENTION_REPORTER_CONTACT_MONTHS: '4' }))();
    expect((await contact(closed)).reporter_email).toBe('drei-monate@example.de');
    await retentionJobs(testConfig({ DATA_DIR: t.config.dataDir, RETENTION_REPORTER_CONTACT_MONTHS: '3' }))();
    expect((await contact(closed)).reporter_email).toBeNull();
  });
});
