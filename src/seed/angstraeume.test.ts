import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/database';
import { angstraumStatistics } from '../modules/angstraeume/angstraeume.service';
import { scheduleSafetyQuestionnaires } from '../modules/angstraeume/questionnaire';
import { litterStatistics } from '../modules/litter/litter.service';
import type { DatabaseHandle } from '../platform/db/connect';
import { DEMO_ANGSTRAEUME, DEMO_RESIDENTS } from './angstraeume';
import { seedDemo } from './demo';

const NOW = Date.parse('2026-03-15T10:00:00Z');
let h: DatabaseHandle;
let org: number;

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h.db, new URL('http://localhost'), 'a'.repeat(40), { now: NOW });
  org = (await h.db.selectFrom('organizations').select('id').where('slug', '=', 'dortmund').executeTakeFirstOrThrow()).id;
});
afterAll(() => h?.close());

describe('Angsträume and litter demo', () => {
  it('adds about 40 places with measures, ratings before and after, a review queue and a few overdue', async () => {
    const places = await h.db.selectFrom('reports').select(['id', 'reviewed_at', 'district_id']).where('idempotency_key', 'like', 'angstraum-demo-%').execute();
    expect(places).toHaveLength(DEMO_ANGSTRAEUME);
    expect(places.filter((p) => p.reviewed_at === null).length).toBeGreaterThanOrEqual(3);
    expect(places.every((p) => p.district_id !== null)).toBe(true);
    const stats = await angstraumStatistics(h.db, org, new Date(NOW));
    expect(stats.withMeasures).toBeGreaterThanOrEqual(25);
    expect(stats.overdue).toBeGreaterThanOrEqual(3);
    expect(stats.safer).toBeGreaterThan(stats.lessSafe);
    expect(stats.lessSafe + stats.same).toBeGreaterThan(0);
    expect(stats.questionnaire.answered).toBeGreaterThan(10);
    const residents = await h.db.selectFrom('users').select('id').where('email', 'like', 'anwohner-%@dortmund.example').execute();
    expect(residents).toHaveLength(DEMO_RESIDENTS);
  });

  it('keeps the 30-day rule and puts every rating and event in the past', async () => {
    const dup = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM safety_ratings a JOIN safety_ratings b
        ON a.report_id = b.report_id AND a.user_id = b.user_id AND a.id < b.id AND b.created_at < a.created_at + interval '30 days'`.execute(h.db);
    expect(dup.rows[0]!.n).toBe(0);
    const late = await sql<{
      n: number;
    }>`SELECT (SELECT count(*) FROM safety_ratings WHERE created_at > ${new Date(NOW)}) + (SELECT count(*) FROM report_events WHERE created_at > ${new Date(NOW)}) AS n`.execute(
      h.db,
    );
    expect(Number(late.rows[0]!.n)).toBe(0);
    // Measures newer than the waiting time get questionnaires from the job, older ones were seeded: nothing doubles.
    const before = await h.db.selectFrom('angstraum_questionnaires').select('id').where('sent_at', 'is not', null).execute();
    await scheduleSafetyQuestionnaires(h.db);
    const after = await h.db.selectFrom('angstraum_questionnaires').select('id').where('sent_at', 'is not', null).execute();
    expect(after).toHaveLength(before.length);
  });

  it('gives a year of litter reports per district with a falling trend', async () => {
    const stats = await litterStatistics(h.db, org, new Date(NOW));
    expect(stats.months).toHaveLength(12);
    expect(stats.total.counts.every((c) => c > 40)).toBe(true);
    expect(stats.total.trend.annualChange).toBeLessThan(0);
    expect(stats.districts.filter((d) => d.districtId !== null)).toHaveLength(12);
    expect(stats.districts.reduce((s, d) => s + d.counts.reduce((a, b) => a + b, 0), 0)).toBe(stats.total.counts.reduce((a, b) => a + b, 0));
  });
});
