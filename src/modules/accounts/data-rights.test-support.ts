import path from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import type { TestApp } from '../../../test/helpers/app';
import { createCategory, createResident } from '../../../test/helpers/factories';
import type { Db } from '../../platform/db/connect';
import { localStorage } from '../../platform/files/storage';
import { createSession } from '../../platform/http/sessions';
import { hashToken, randomToken } from '../../platform/security/tokens';
import { createReport } from '../reports';

// One resident with something in every place the platform keeps personal data, and a neighbour whose data must
// stay untouched: for the export, deletion and retention tests (synthetic data, not real people).

export const PERSON = { name: 'Erika Beispielfrau', ip: '198.51.100.77' };

const jpeg = (colour: string) =>
  sharp({ create: { width: 900, height: 600, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();

export interface ResidentWorld {
  userId: number;
  email: string;
  /** Signed in with createSession; the cookie value. */
  session: string;
  /** Report sent while signed in (public, two photos: one approved, one waiting). */
  ownReport: number;
  /** Report sent with the address but never confirmed. */
  unconfirmedReport: number;
  /** The neighbour's report, which the resident supports, follows and answered a questionnaire about. */
  neighbourReport: number;
  /** An Angstraum the resident rated. */
  place: number;
  approvedPhotoKey: string;
  pendingPhotoKey: string;
  neighbourEmail: string;
  /** Given on the resident's own report (each seeded resident has their own). */
  phone: string;
}

export function storageOf(t: Pick<TestApp, 'config'>) {
  return localStorage(path.join(t.config.dataDir, 'files'));
}

export async function seedResident(
  t: Pick<TestApp, 'db' | 'org' | 'config'>,
  email = `erika-${randomToken(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}@example.de`,
): Promise<ResidentWorld> {
  const { db, org } = t;
  const orgId = org.id;
  const storage = storageOf(t);
  const deps = { db, storage, secret: t.config.secret, publicUrl: t.config.publicUrl };
  const category = await createCategory(db, orgId, { name: 'Schlagloch' });
  const angstraum = await createCategory(db, orgId, { name: 'Dunkle Unterführung', kind: 'angstraum' });
  const where = (categoryId: number) => ({ categoryId, lat: 51.51, lon: 7.46, address: 'Hansastraße 3', precise: true, districtId: null });
  const resident = await createResident(db, orgId, email);
  await db.updateTable('users').set({ display_name: PERSON.name }).where('id', '=', resident.id).execute();
  const neighbourEmail = `nachbar-${resident.id}@example.de`;
  const neighbour = await createResident(db, orgId, neighbourEmail);
  const sessionUser = (u: { id: number; email: string }) => ({
    id: u.id,
    email: u.email,
    displayName: '',
    role: null,
    level: 'resident' as const,
    departmentIds: [],
  });

  const made = async (
    categoryId: number,
    description: string,
    user: { id: number; email: string } | null,
    input: { email?: string; photos?: Buffer[]; showName?: boolean } = {},
  ) => {
    const r = await createReport(
      deps,
      org,
      where(categoryId),
      {
        description,
        answers: {},
        name: PERSON.name,
        email: input.email ?? '',
        showName: input.showName ?? false,
        idempotencyKey: randomToken(9).replace(/[^A-Za-z0-9]/g, 'x'),
        photos: (input.photos ?? []).map((data, i) => ({ filename: `foto-${i}.jpg`, data })),
      },
      user ? sessionUser(user) : null,
      'de',
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.reportId;
  };

  const ownReport = await made(category.id, 'Tiefes Schlagloch vor der Einfahrt', resident, {
    photos: [await jpeg('#a55'), await jpeg('#5a5')],
    showName: true,
  });
  const phone = `+49 231 555${String(resident.id).padStart(5, '0')}`;
  await db.updateTable('reports').set({ reporter_phone: phone }).where('id', '=', ownReport).execute();
  const photos = await db.selectFrom('report_photos').select(['id', 'storage_key']).where('report_id', '=', ownReport).orderBy('sort').execute();
  await db.updateTable('report_photos').set({ status: 'approved' }).where('id', '=', photos[0]!.id).execute();
  const unconfirmedReport = await made(category.id, 'Laterne flackert', null, { email, photos: [await jpeg('#55a')] });
  const neighbourReport = await made(category.id, 'Müll am Spielplatz', neighbour);
  const place = await made(angstraum.id, 'Unterführung ohne Licht', neighbour);
  await db.updateTable('reports').set({ reviewed_at: sql`now()` }).where('id', '=', place).execute();

  // "Me too", following, a rating, answered questionnaires, accessibility feedback
  await db
    .insertInto('report_supporters')
    .values({ organization_id: orgId, report_id: neighbourReport, supporter_key: `u:${resident.id}`, user_id: resident.id })
    .execute();
  await db.updateTable('reports').set({ supporters_count: 1 }).where('id', '=', neighbourReport).execute();
  await db
    .insertInto('report_followers')
    .values({ organization_id: orgId, report_id: neighbourReport, email, unsubscribe_token_hash: hashToken(randomToken()) })
    .execute();
  await db.insertInto('safety_ratings').values({ organization_id: orgId, report_id: place, user_id: resident.id, day: 2, night: 1 }).execute();
  await db.insertInto('safety_rating_slots').values({ organization_id: orgId, report_id: place, user_id: resident.id, last_rated_at: new Date() }).execute();
  await db
    .insertInto('report_questionnaires')
    .values({
      organization_id: orgId,
      report_id: neighbourReport,
      email,
      token_hash: hashToken(randomToken()),
      due_at: new Date(),
      sent_at: new Date(),
      answered_at: new Date(),
      answer: 'yes',
      comment: 'Danke, ist behoben',
    })
    .execute();
  const measure = await db
    .insertInto('report_events')
    .values({ organization_id: orgId, report_id: place, kind: 'measure', public: true, body: 'Neue Beleuchtung' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('angstraum_questionnaires')
    .values({ organization_id: orgId, report_id: place, measure_event_id: measure.id, email, token_hash: hashToken(randomToken()), due_at: new Date() })
    .execute();
  await db.insertInto('accessibility_feedback').values({ organization_id: orgId, message: 'Kontrast zu schwach', email }).execute();

  // sign-in traces: a used magic link, its mail, a second device, rate-limit counters by address, account and IP
  await db
    .insertInto('login_tokens')
    .values({
      token_hash: hashToken(randomToken()),
      organization_id: orgId,
      purpose: 'magic_link',
      user_id: null,
      email,
      expires_at: new Date(Date.now() + 600_000),
    })
    .execute();
  await db
    .insertInto('outbox')
    .values({
      organization_id: orgId,
      to_address: email,
      subject: 'Ihr Anmeldelink',
      text_body: `Guten Tag,\n\nhttp://localhost/anmelden/link/${randomToken()}\n\nTeststadt`,
      sent_at: new Date(),
    })
    .execute();
  await createSession(db, { organizationId: orgId, userId: resident.id, level: 'resident', idleMinutes: 60, absoluteHours: 24 });
  const session = await createSession(db, { organizationId: orgId, userId: resident.id, level: 'resident', idleMinutes: 60, absoluteHours: 24 });
  for (const key of [`magic:email:${hashToken(email)}`, `report:account:user:${resident.id}`, `magic:ip:${PERSON.ip}`]) {
    await db
      .insertInto('rate_limits')
      .values({ key, window_start: new Date(), count: 1 })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
  return {
    userId: resident.id,
    email,
    session,
    ownReport,
    unconfirmedReport,
    neighbourReport,
    place,
    approvedPhotoKey: photos[0]!.storage_key,
    pendingPhotoKey: photos[1]!.storage_key,
    neighbourEmail,
    phone,
  };
}

/** Rows per table of the public schema (the migration bookkeeping left out). */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely_%'
    ORDER BY table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table_name)}`.execute(db);
    counts[table_name] = r.rows[0]!.n;
  }
  return counts;
}

/**
 * Every place in the database where any of `needles` still appears: each text-like column of each table (JSON as
 * text), searched case-insensitively. Returns "table.column" names.
 */
export async function whereFound(db: Db, needles: string[]): Promise<string[]> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    SELECT c.table_name, c.column_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      AND c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')
    ORDER BY c.table_name, c.column_name`.execute(db);
  const found: string[] = [];
  for (const { table_name, column_name } of columns.rows) {
    for (const needle of needles) {
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table_name)}
        WHERE strpos(lower(${sql.ref(column_name)}::text), lower(${needle})) > 0`.execute(db);
      if (r.rows[0]!.n > 0) found.push(`${table_name}.${column_name} (${needle})`);
    }
  }
  return found;
}

/** Columns that point at a user and still point at this one. */
export async function referencesTo(db: Db, userId: number): Promise<string[]> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    SELECT kcu.table_name, kcu.column_name FROM information_schema.referential_constraints rc
    JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = rc.constraint_name AND kcu.constraint_schema = rc.constraint_schema
    JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = rc.unique_constraint_name AND ccu.constraint_schema = rc.unique_constraint_schema
    WHERE ccu.table_name = 'users' AND ccu.column_name = 'id' AND kcu.table_schema = 'public' AND kcu.column_name <> 'organization_id'`.execute(db);
  const found: string[] = [];
  for (const { table_name, column_name } of columns.rows) {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table_name)} WHERE ${sql.ref(column_name)} = ${userId}`.execute(db);
    if (r.rows[0]!.n > 0) found.push(`${table_name}.${column_name}`);
  }
  return [...new Set(found)];
}
