import path from 'node:path';
import type { TokenPurpose } from '../../../src/db-schema';
import { newTotpSecret } from '../../../src/modules/accounts/totp';
import { postMeasure } from '../../../src/modules/angstraeume/angstraeume.service';
import { addVideo } from '../../../src/modules/languages/languages.queries';
import { createApiKey } from '../../../src/modules/open311/api-key.service';
import { makeReport, seedBackOffice, stripedJpeg } from '../../../src/modules/reports/backoffice/backoffice.test-support';
import { unsubscribeToken } from '../../../src/modules/reports/notifications/status-mail';
import { addFollower, insertEvent, insertReport } from '../../../src/modules/reports/report.queries';
import { localStorage } from '../../../src/platform/files/storage';
import { createSession } from '../../../src/platform/http/sessions';
import { seal } from '../../../src/platform/security/seal';
import { hashToken, randomToken } from '../../../src/platform/security/tokens';
import type { TestApp } from '../../helpers/app';
import { createCategory, createSyntheticBoundary } from '../../helpers/factories';
import { seedParticipation } from './seed-participation';

// Realistic content for the fuzzer: without it most routes answer 404 or the empty state and the fuzz stays
// shallow. Everything here is synthetic (a square test city, made-up reports).

export type Who = 'admin' | 'moderator' | 'department_staff' | 'resident' | 'anonymous';

export interface FuzzWorld {
  ids: Record<string, number[]>;
  codes: string[];
  /** Live single-use links by the route family they open. */
  tokens: Record<'magic' | 'setup' | 'reset' | 'secondFactor' | 'confirm' | 'questionnaire' | 'safety' | 'unsubscribe' | 'participationUnsubscribe', string[]>;
  photoFiles: Array<{ reportId: number; photoId: number; key: string }>;
  apiKey: string;
  orgSlug: string;
  /** Addresses of the seeded accounts, and the staff password (for sign-in forms). */
  emails: string[];
  staffPassword: string;
  apiKeyId: number;
  users: Record<Exclude<Who, 'anonymous'>, number>;
  /** Department staff of the second department (`department_staff` works in the first, which has most reports). */
  otherDepartmentStaff: number;
  sessions: Partial<Record<Who, string>>;
  jpeg: Buffer;
}

function district(org: number, name: string, kind: string, [w, s, e, n]: [number, number, number, number]) {
  return {
    organization_id: org,
    kind,
    name,
    geometry: JSON.stringify({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [w, s],
            [e, s],
            [e, n],
            [w, n],
            [w, s],
          ],
        ],
      ],
    }),
    min_lon: w,
    min_lat: s,
    max_lon: e,
    max_lat: n,
  };
}

export async function seedWorld(t: TestApp): Promise<FuzzWorld> {
  const { db, org } = t;
  const storage = localStorage(path.join(t.config.dataDir, 'files'));
  await createSyntheticBoundary(db, org.id);
  const districts = await db
    .insertInto('districts')
    .values([
      district(org.id, 'Testbezirk West', 'stadtbezirk', [7.4, 51.45, 7.5, 51.55]),
      district(org.id, 'Testbezirk Ost', 'stadtbezirk', [7.5, 51.45, 7.6, 51.55]),
    ])
    .returning('id')
    .execute();
  const base = await seedBackOffice(db, t.config.secret, org.id);
  const questions = await createCategory(db, org.id, {
    code: 'strassenschaden',
    name: 'Straßenschaden',
    departmentId: base.depA.id,
    questions: [
      {
        code: 'groesse',
        datatype: 'singlevaluelist',
        required: true,
        options: [
          { key: 'klein', de: 'klein', en: 'small' },
          { key: 'gross', de: 'groß', en: 'large' },
        ],
      },
      {
        code: 'art',
        datatype: 'multivaluelist',
        options: [
          { key: 'riss', de: 'Riss', en: 'crack' },
          { key: 'loch', de: 'Loch', en: 'hole' },
        ],
      },
      { code: 'tiefe', datatype: 'number' },
      { code: 'seit', datatype: 'datetime' },
      { code: 'hinweis', datatype: 'text' },
    ],
  });
  const angstraum = await createCategory(db, org.id, {
    code: 'angstraum',
    name: 'Angstraum',
    kind: 'angstraum',
  });
  const categories = [base.category.id, base.category2.id, questions.id, angstraum.id];

  const reportIds: number[] = [];
  const statuses = ['unconfirmed', 'new', 'confirmed', 'in_progress', 'fixed', 'closed'] as const;
  for (const [i, status] of statuses.entries()) {
    reportIds.push(
      await makeReport(db, i < 2 ? storage : null, org.id, {
        categoryId: i % 2 ? questions.id : base.category.id,
        departmentId: base.depA.id,
        status,
        photos: i < 2 ? 1 : 0,
        description: `Synthetische Meldung ${i}: Schlagloch ‹${status}›`,
        createdDaysAgo: i * 3,
      }),
    );
  }
  reportIds.push(
    await makeReport(db, null, org.id, {
      categoryId: base.category2.id,
      departmentId: base.depB.id,
      status: 'new',
      reporterEmail: null,
    }),
  );
  await db.updateTable('reports').set({ close_reason: 'done' }).where('id', '=', reportIds[5]!).execute();

  // Angsträume: one reviewed place with a measure and one awaiting review.
  const places: number[] = [];
  for (const reviewed of [true, false]) {
    const r = await insertReport(db, {
      organizationId: org.id,
      categoryId: angstraum.id,
      departmentId: null,
      districtId: districts[0]!.id,
      status: 'new',
      lat: 51.51,
      lon: 7.45,
      address: 'Unterführung am Testbahnhof',
      locationPrecise: true,
      description: 'Dunkel und zugewachsen',
      answers: {},
      userId: null,
      reporterName: '',
      reporterEmail: 'angst@example.de',
      showName: false,
      idempotencyKey: null,
    });
    await insertEvent(db, {
      organizationId: org.id,
      reportId: r!.id,
      kind: 'created',
      public: true,
      toStatus: 'new',
    });
    if (reviewed) {
      await db.updateTable('reports').set({ reviewed_at: new Date(), reviewed_by: base.admin.id }).where('id', '=', r!.id).execute();
      await postMeasure(db, org.id, r!.id, base.admin.id, { type: 'lighting', body: 'Zwei neue Leuchten' });
    }
    places.push(r!.id);
  }
  reportIds.push(...places);

  const photos = await db.selectFrom('report_photos').select(['id', 'report_id', 'storage_key']).execute();
  await db.updateTable('report_photos').set({ status: 'approved' }).where('report_id', '=', reportIds[1]!).execute();

  // Staff in other states, so the forms for them are rendered: one awaiting setup, one blocked.
  const newcomer = await db
    .insertInto('users')
    .values({ organization_id: org.id, email: 'neu@teststadt.example', role: 'moderator' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const blocked = await db
    .insertInto('users')
    .values({
      organization_id: org.id,
      email: 'gesperrt@teststadt.example',
      role: 'department_staff',
      disabled_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addFollower(db, org.id, reportIds[1]!, base.resident.email, hashToken(randomToken()));
  // The resident reported with a name their account lacks: "Mein Konto" shows the form that takes it over.
  await insertReport(db, {
    organizationId: org.id,
    categoryId: base.category.id,
    departmentId: null,
    districtId: null,
    status: 'new',
    lat: 51.5,
    lon: 7.45,
    address: '',
    locationPrecise: true,
    description: 'Eigene Meldung mit Namen',
    answers: {},
    userId: base.resident.id,
    reporterName: 'Fuzz Anwohnerin',
    reporterEmail: base.resident.email,
    showName: false,
    idempotencyKey: null,
  });

  // Single-use links of every kind, several of each because POSTs spend them.
  const tokens: FuzzWorld['tokens'] = {
    magic: [],
    setup: [],
    reset: [],
    secondFactor: [],
    confirm: [],
    questionnaire: [],
    safety: [],
    unsubscribe: [],
    participationUnsubscribe: [],
  };
  const purposes: Array<[keyof FuzzWorld['tokens'], TokenPurpose, number | null, () => unknown]> = [
    ['magic', 'magic_link', base.resident.id, () => ({})],
    ['setup', 'staff_setup', newcomer.id, () => ({ totp: seal(t.config.secret, newTotpSecret()) })],
    ['reset', 'password_reset', base.moderator.id, () => ({})],
    ['secondFactor', 'second_factor', base.admin.id, () => ({})],
    ['confirm', 'report_confirm', null, () => ({ reportId: reportIds[0] })],
  ];
  for (const [kind, purpose, userId, data] of purposes)
    for (let i = 0; i < 8; i++) {
      const token = randomToken();
      tokens[kind].push(token);
      await db
        .insertInto('login_tokens')
        .values({
          token_hash: hashToken(token),
          organization_id: org.id,
          purpose,
          user_id: userId,
          email: 'fuzz@example.de',
          data: JSON.stringify(data()),
          expires_at: new Date(Date.now() + 3600_000),
        })
        .execute();
    }
  const measure = await db.selectFrom('report_events').select('id').where('report_id', '=', places[0]!).orderBy('id', 'desc').executeTakeFirstOrThrow();
  for (let i = 0; i < 8; i++) {
    const token = randomToken();
    tokens.questionnaire.push(token);
    await db
      .insertInto('report_questionnaires')
      .values({
        organization_id: org.id,
        report_id: reportIds[4]!,
        email: `q${i}@example.de`,
        token_hash: hashToken(token),
        due_at: new Date(),
        sent_at: new Date(),
      })
      .execute();
    const safety = randomToken();
    tokens.safety.push(safety);
    await db
      .insertInto('angstraum_questionnaires')
      .values({
        organization_id: org.id,
        report_id: places[0]!,
        measure_event_id: measure.id,
        email: `a${i}@example.de`,
        token_hash: hashToken(safety),
        due_at: new Date(),
        sent_at: new Date(),
      })
      .execute();
    const follow = hashToken(randomToken());
    await addFollower(db, org.id, reportIds[2]!, `f${i}@example.de`, follow);
    tokens.unsubscribe.push(unsubscribeToken(t.config.secret, follow));
  }

  const template = await db
    .insertInto('response_templates')
    .values({ organization_id: org.id, title: 'Danke', body: 'Danke für die Meldung.' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rule = await db
    .insertInto('routing_rules')
    .values({
      organization_id: org.id,
      category_id: base.category.id,
      district_id: districts[0]!.id,
      department_id: base.depB.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const questionIds = (await db.selectFrom('category_questions').select('id').execute()).map((r) => r.id);
  await db
    .insertInto('accessibility_feedback')
    .values({ organization_id: org.id, page_url: '/meldungen', message: 'Kontrast zu gering', email: null })
    .execute();

  const key = await createApiKey(db, org.id, { name: 'Fuzz-Partner', ratePerMinute: 100_000 }, base.admin.id);
  // A sign-language video, so the admins' page renders its removal form (the crawl finds that route's fields there).
  await addVideo(db, org.id, { title: 'Was ist Kümmerer?', videoUrl: '/static/dgs/kuemmerer.mp4', captionsUrl: null, sort: 1 });

  const participation = await seedParticipation(db, storage, t.config.secret, org.id, {
    admin: base.admin.id,
    resident: base.resident.id,
    followers: [base.resident.id, base.admin.id, base.moderator.id, base.staffA.id, base.staffB.id, newcomer.id, blocked.id],
    departmentId: base.depA.id,
    districtId: districts[0]!.id,
  });
  tokens.participationUnsubscribe.push(...participation.unsubscribe);

  const users = {
    admin: base.admin.id,
    moderator: base.moderator.id,
    department_staff: base.staffA.id,
    resident: base.resident.id,
  };
  const world: FuzzWorld = {
    ids: {
      report: reportIds,
      place: places,
      department: [base.depA.id, base.depB.id],
      category: categories,
      district: districts.map((d) => d.id),
      user: [...Object.values(users), newcomer.id, blocked.id],
      template: [template.id],
      rule: [rule.id],
      question: questionIds,
      photo: photos.map((p) => p.id),
      apiKey: [key.id],
      ...participation.ids,
    },
    codes: ['strassenschaden', 'angstraum', base.category.code, base.category2.code],
    tokens,
    photoFiles: photos.map((p) => ({ reportId: p.report_id, photoId: p.id, key: p.storage_key })),
    apiKey: key.key,
    orgSlug: org.slug,
    emails: [base.admin.email, base.moderator.email, base.resident.email],
    staffPassword: base.admin.password,
    apiKeyId: key.id,
    users,
    otherDepartmentStaff: base.staffB.id,
    sessions: {},
    jpeg: await stripedJpeg(64, 48),
  };
  await restoreWorld(t, world);
  return world;
}

/**
 * Puts back what earlier fuzz cases may have changed about the fuzzer's own actors (a sign-out, a blocked or
 * demoted admin, a revoked key, spent rate limits), so later routes are still reached past their guards.
 */
export async function restoreWorld(t: TestApp, world: FuzzWorld): Promise<void> {
  const { db, org } = t;
  await db.deleteFrom('rate_limits').execute();
  await db.updateTable('api_keys').set({ revoked_at: null }).where('id', '=', world.apiKeyId).execute();
  for (const [who, id] of Object.entries(world.users) as Array<[Exclude<Who, 'anonymous'>, number]>) {
    await db
      .updateTable('users')
      .set({ disabled_at: null, role: who === 'resident' ? null : who })
      .where('id', '=', id)
      .execute();
    const token = world.sessions[who];
    const alive = token ? await db.selectFrom('sessions').select('user_id').where('id_hash', '=', hashToken(token)).executeTakeFirst() : undefined;
    if (!alive) {
      world.sessions[who] = await createSession(db, {
        organizationId: org.id,
        userId: id,
        level: who === 'resident' ? 'resident' : 'staff',
        idleMinutes: 600,
        absoluteHours: 10,
      });
    }
  }
}
