import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/connect';
import { PENDING_TOKEN_HASH } from '../../platform/surveys/survey.queries';
import { publicFilter } from '../reports';
import { DEFAULT_INTERVAL_DAYS, DEFAULT_QUESTIONNAIRE_WEEKS, type MeasureType, RATING_PERIOD_DAYS } from './angstraum';

// Every SQL statement of the Angsträume feature. Public reads go through the reports module's publicFilter
// (which also holds the review gate), plus "category kind is angstraum".

/** Kinds of public events that are not news from the city (kept in step with isNews in angstraum.ts). */
const NOT_NEWS_SQL = sql`('created', 'confirmed', 'questionnaire', 'photo_approved')`;
/** Closed as a duplicate, rejected or not ours: no place on the Angsträume map. */
const HIDDEN_CLOSE_REASONS = ['duplicate', 'rejected', 'not_responsible'] as const;

export async function settingsOf(db: Db, organizationId: number): Promise<{ intervalDays: number; questionnaireWeeks: number }> {
  const row = await db
    .selectFrom('angstraum_settings')
    .select(['update_interval_days', 'questionnaire_weeks'])
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return { intervalDays: row?.update_interval_days ?? DEFAULT_INTERVAL_DAYS, questionnaireWeeks: row?.questionnaire_weeks ?? DEFAULT_QUESTIONNAIRE_WEEKS };
}

export function saveSettings(db: Db, organizationId: number, s: { intervalDays: number; questionnaireWeeks: number }, userId: number) {
  return db
    .insertInto('angstraum_settings')
    .values({ organization_id: organizationId, update_interval_days: s.intervalDays, questionnaire_weeks: s.questionnaireWeeks, updated_by: userId })
    .onConflict((oc) =>
      oc
        .column('organization_id')
        .doUpdateSet({ update_interval_days: s.intervalDays, questionnaire_weeks: s.questionnaireWeeks, updated_by: userId, updated_at: sql`now()` }),
    )
    .execute();
}

export function angstraumCategories(db: Db, organizationId: number) {
  return db
    .selectFrom('report_categories')
    .select(['id', 'active'])
    .where('organization_id', '=', organizationId)
    .where('kind', '=', 'angstraum')
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

export interface PlaceRow {
  id: number;
  status: import('../../db-schema').ReportStatus;
  close_reason: import('../../db-schema').CloseReason | null;
  lat: number;
  lon: number;
  address: string;
  location_precise: boolean;
  created_at: Date;
  reviewed_at: Date | null;
  district: string | null;
  district_id: number | null;
  department_id: number | null;
  last_news_at: Date | null;
}

/** Every public Angstraum of the city with its newest news: one query for the map, the list and the statistics. */
export function publicPlaces(db: Db, organizationId: number): Promise<PlaceRow[]> {
  return db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .leftJoin('districts as d', 'd.id', 'r.district_id')
    .select([
      'r.id',
      'r.status',
      'r.close_reason',
      'r.lat',
      'r.lon',
      'r.address',
      'r.location_precise',
      'r.created_at',
      'r.reviewed_at',
      'd.name as district',
      'r.district_id',
      'r.department_id',
      sql<Date | null>`(SELECT max(e.created_at) FROM report_events e WHERE e.report_id = r.id AND e.public AND e.kind NOT IN ${NOT_NEWS_SQL})`.as(
        'last_news_at',
      ),
    ])
    .where(publicFilter(organizationId, {}))
    .where('c.kind', '=', 'angstraum')
    .where((eb) => eb.or([eb('r.close_reason', 'is', null), eb('r.close_reason', 'not in', [...HIDDEN_CLOSE_REASONS])]))
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute() as Promise<PlaceRow[]>;
}

/**
 * Angsträume waiting for review (confirmed by their reporter, not hidden), oldest first. `departmentIds`: only
 * places of these departments (department staff); null: all of them.
 */
export function reviewQueue(db: Db, organizationId: number, departmentIds: number[] | null) {
  return db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .leftJoin('districts as d', 'd.id', 'r.district_id')
    .select(['r.id', 'r.address', 'r.created_at', 'r.status', 'd.name as district'])
    .where('r.organization_id', '=', organizationId)
    .where('c.kind', '=', 'angstraum')
    .where('r.reviewed_at', 'is', null)
    .where('r.hidden', '=', false)
    .where('r.status', '!=', 'unconfirmed')
    .$if(departmentIds !== null, (qb) => (departmentIds!.length > 0 ? qb.where('r.department_id', 'in', departmentIds!) : qb.where(sql<boolean>`false`)))
    .orderBy('r.created_at')
    .orderBy('r.id')
    .limit(500)
    .execute();
}

export function ratingsOf(db: Db, organizationId: number, reportIds: number[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('safety_ratings')
    .select(['report_id', 'day', 'night', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('report_id', 'in', reportIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function measuresOf(db: Db, organizationId: number, reportIds: number[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('report_events')
    .select(['id', 'report_id', 'body', 'data', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('report_id', 'in', reportIds)
    .where('kind', '=', 'measure')
    .where('public', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** One Angstraum as anyone may see it (reviewed or not: the page then leaves out the text). */
export function placeById(db: Db, organizationId: number, id: number) {
  return db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .leftJoin('districts as d', 'd.id', 'r.district_id')
    .select([
      'r.id',
      'r.status',
      'r.close_reason',
      'r.lat',
      'r.lon',
      'r.address',
      'r.location_precise',
      'r.description',
      'r.answers',
      'r.created_at',
      'r.reviewed_at',
      'r.hidden',
      'r.category_id',
      'r.reporter_email',
      'r.district_id',
      'r.department_id',
      'c.name_de as category_de',
      'c.name_en as category_en',
      'c.kind as category_kind',
      'd.name as district',
      sql<Date | null>`(SELECT max(e.created_at) FROM report_events e WHERE e.report_id = r.id AND e.public AND e.kind NOT IN ${NOT_NEWS_SQL})`.as(
        'last_news_at',
      ),
    ])
    .where('r.organization_id', '=', organizationId)
    .where('r.id', '=', id)
    .where('c.kind', '=', 'angstraum')
    .executeTakeFirst();
}

export function publicEvents(db: Db, organizationId: number, reportId: number) {
  return db
    .selectFrom('report_events')
    .select(['id', 'kind', 'from_status', 'to_status', 'body', 'data', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('report_id', '=', reportId)
    .where('public', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Marks the place reviewed with the moderated text; only once (a second click changes nothing). */
export function markReviewed(db: Db, organizationId: number, id: number, userId: number, text: { description: string; address: string }) {
  return db
    .updateTable('reports')
    .set({ reviewed_at: sql`now()`, reviewed_by: userId, description: text.description, address: text.address, updated_at: sql`now()` })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('reviewed_at', 'is', null)
    .returning(['id'])
    .executeTakeFirst();
}

export function insertMeasure(db: Db, m: { organizationId: number; reportId: number; userId: number; type: MeasureType; body: string }) {
  return db
    .insertInto('report_events')
    .values({
      organization_id: m.organizationId,
      report_id: m.reportId,
      kind: 'measure',
      public: true,
      actor_user_id: m.userId,
      body: m.body,
      data: JSON.stringify({ type: m.type }),
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** Internal: who reviewed, and whether the text was changed (the original is not kept: data minimisation). */
export function insertReviewEvent(db: Db, e: { organizationId: number; reportId: number; userId: number; edited: boolean }) {
  return db
    .insertInto('report_events')
    .values({
      organization_id: e.organizationId,
      report_id: e.reportId,
      kind: 'angstraum_reviewed',
      public: false,
      actor_user_id: e.userId,
      data: JSON.stringify({ edited: e.edited }),
    })
    .execute();
}

export function touchReport(db: Db, organizationId: number, id: number) {
  return db.updateTable('reports').set({ updated_at: sql`now()` }).where('organization_id', '=', organizationId).where('id', '=', id).execute();
}

// ---------------------------------------------------------------------------------------------------------
// Ratings: once per person, place and RATING_PERIOD_DAYS

/**
 * Claims the person's rating slot for this place: a new slot, or one whose last rating is at least the period
 * old. Under concurrency the upsert waits for any other transaction holding the same slot and then re-checks
 * the condition against the committed row, so of many parallel submissions exactly one gets a row back.
 * Must run in the same transaction as the rating's insert.
 */
export async function claimRatingSlot(trx: Trx, organizationId: number, reportId: number, userId: number): Promise<boolean> {
  const result = await sql<{ report_id: number }>`
    INSERT INTO safety_rating_slots AS s (organization_id, report_id, user_id, last_rated_at) VALUES (${organizationId}, ${reportId}, ${userId}, now())
    ON CONFLICT (report_id, user_id) DO UPDATE SET last_rated_at = EXCLUDED.last_rated_at
      WHERE s.last_rated_at <= now() - make_interval(days => ${RATING_PERIOD_DAYS})
    RETURNING report_id`.execute(trx);
  return result.rows.length === 1;
}

export function insertRating(db: Db, r: { organizationId: number; reportId: number; userId: number; day: number; night: number }) {
  return db
    .insertInto('safety_ratings')
    .values({ organization_id: r.organizationId, report_id: r.reportId, user_id: r.userId, day: r.day, night: r.night })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

/** When the person last rated the place, and when they may rate again. */
export function ratingSlot(db: Db, organizationId: number, reportId: number, userId: number) {
  return db
    .selectFrom('safety_rating_slots')
    .select([
      'last_rated_at',
      sql<Date>`last_rated_at + make_interval(days => ${RATING_PERIOD_DAYS})`.as('next_at'),
      sql<boolean>`last_rated_at > now() - make_interval(days => ${RATING_PERIOD_DAYS})`.as('blocked'),
    ])
    .where('organization_id', '=', organizationId)
    .where('report_id', '=', reportId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------------------
// Statistics

export async function reviewCounts(db: Db, organizationId: number): Promise<{ reported: number; reviewed: number }> {
  const row = await db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .select([sql<number>`count(*)::int`.as('reported'), sql<number>`count(r.reviewed_at)::int`.as('reviewed')])
    .where('r.organization_id', '=', organizationId)
    .where('c.kind', '=', 'angstraum')
    .where('r.status', '!=', 'unconfirmed')
    .where('r.hidden', '=', false)
    .where((eb) => eb.or([eb('r.close_reason', 'is', null), eb('r.close_reason', 'not in', [...HIDDEN_CLOSE_REASONS])]))
    .executeTakeFirstOrThrow();
  return { reported: Number(row.reported), reviewed: Number(row.reviewed) };
}

export async function questionnaireCounts(
  db: Db,
  organizationId: number,
): Promise<{ sent: number; answered: number; yes: number; no: number; unknown: number }> {
  const row = await db
    .selectFrom('angstraum_questionnaires')
    .select([
      sql<number>`count(*) FILTER (WHERE sent_at IS NOT NULL)::int`.as('sent'),
      sql<number>`count(answered_at)::int`.as('answered'),
      sql<number>`count(*) FILTER (WHERE answer = 'yes')::int`.as('yes'),
      sql<number>`count(*) FILTER (WHERE answer = 'no')::int`.as('no'),
      sql<number>`count(*) FILTER (WHERE answer = 'unknown')::int`.as('unknown'),
    ])
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return { sent: Number(row.sent), answered: Number(row.answered), yes: Number(row.yes), no: Number(row.no), unknown: Number(row.unknown) };
}

// The questionnaire after a measure ("do you feel safer here now?", questionnaire.ts).

/** Measures older than their waiting time plus this are not asked about any more (old data, first start). */
export const TOO_LATE_DAYS = 14;

/**
 * One questionnaire per newest measure and address (the reporter and everyone following the place), in every
 * city at once (a job); each row takes its report's city, and the waiting time is that city's setting.
 */
export async function scheduleSafetyQuestionnaires(db: Db): Promise<number> {
  const result = await sql`
    INSERT INTO angstraum_questionnaires (organization_id, report_id, measure_event_id, email, token_hash, due_at)
    SELECT r.organization_id, r.id, m.id, x.email, ${PENDING_TOKEN_HASH},
           m.created_at + make_interval(days => 7 * coalesce(s.questionnaire_weeks, ${DEFAULT_QUESTIONNAIRE_WEEKS}))
    FROM (SELECT DISTINCT ON (report_id) id, report_id, created_at FROM report_events
          WHERE kind = 'measure' AND public ORDER BY report_id, created_at DESC, id DESC) m
    JOIN reports r ON r.id = m.report_id
    JOIN report_categories c ON c.id = r.category_id AND c.kind = 'angstraum'
    LEFT JOIN angstraum_settings s ON s.organization_id = r.organization_id
    JOIN LATERAL (
      SELECT r.reporter_email AS email WHERE r.reporter_email IS NOT NULL
      UNION SELECT f.email FROM report_followers f WHERE f.report_id = r.id
    ) x ON true
    WHERE r.reviewed_at IS NOT NULL AND NOT r.hidden
      AND m.created_at + make_interval(days => 7 * coalesce(s.questionnaire_weeks, ${DEFAULT_QUESTIONNAIRE_WEEKS}) + ${TOO_LATE_DAYS}) > now()
    ON CONFLICT (measure_event_id, email) DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Over the survey row `q`: its place is still shown and its measure is still the newest there (a newer one gets its own questionnaire). */
export const measureStillNewest = sql<boolean>`EXISTS (SELECT 1 FROM reports r WHERE r.id = q.report_id AND r.organization_id = q.organization_id AND NOT r.hidden)
  AND NOT EXISTS (SELECT 1 FROM report_events m JOIN report_events n ON n.report_id = m.report_id
                  WHERE m.id = q.measure_event_id AND n.kind = 'measure' AND n.public AND n.created_at > m.created_at)`;

/** The measure a questionnaire asks about, with its place's address. */
export function questionnaireMeasure(db: Db, organizationId: number, measureEventId: number) {
  return db
    .selectFrom('report_events as m')
    .innerJoin('reports as r', 'r.id', 'm.report_id')
    .select(['r.address', 'm.created_at', 'm.data'])
    .where('m.organization_id', '=', organizationId)
    .where('r.organization_id', '=', organizationId)
    .where('m.id', '=', measureEventId)
    .executeTakeFirstOrThrow();
}
