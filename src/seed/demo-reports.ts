import { sql } from 'kysely';
import type { CloseReason, ReportStatus } from '../db-schema';
import { LIMITS, photoKey } from '../modules/reports';
import type { Db } from '../platform/db/connect';
import { PHOTO_SIZES, type PhotoSize, processPhoto } from '../platform/files/photos';
import type { FileStorage } from '../platform/files/storage';
import { type Area, areaContains } from '../platform/geo/geojson';
import { hashToken, randomToken } from '../platform/security/tokens';
import { renderScene, SCENE_FOR_CATEGORY, type Scene } from './demo-photos';
import * as text from './demo-texts';
import { nearestDistrict, STADTBEZIRKE } from './districts';
import { createRng, type Rng } from './prng';

// About 300 realistic demo reports across Dortmund, with timelines, supporters, followers, questionnaires
// and a few drawn photos. Deterministic: one seeded PRNG, times relative to "now".

export const DEMO_SEED = 0x4d454c44; // "MELD"
export const DEMO_REPORT_COUNT = 300;
const DUPLICATES = 8;
const PHOTOS = 12;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const CITY_CENTRE: [number, number] = [7.4653, 51.5136];

export type Final =
  | 'unconfirmed'
  | 'new'
  | 'confirmed'
  | 'in_progress'
  | 'fixed'
  | 'closed:done'
  | 'closed:rejected'
  | 'closed:not_responsible'
  | 'closed:duplicate'
  | 'reopened';

/** Every state the demo must show at least once. */
export const REQUIRED_FINALS: Final[] = [
  'unconfirmed',
  'new',
  'confirmed',
  'in_progress',
  'fixed',
  'closed:done',
  'closed:rejected',
  'closed:not_responsible',
  'closed:duplicate',
  'reopened',
];

export interface DemoCategory {
  id: number;
  code: string;
  department_id: number | null;
  questionnaire_weeks: number;
}

export interface DemoContext {
  db: Db;
  organizationId: number;
  adminId: number | null;
  categories: DemoCategory[];
  /** District ids in the order of STADTBEZIRKE. */
  districtIds: number[];
  boundary: Area;
  storage: FileStorage | null;
  now: number;
}

const CATEGORY_WEIGHTS: Record<string, number> = {
  strassenschaden: 22,
  muell: 22,
  strassenbeleuchtung: 12,
  'gruen-baum': 10,
  graffiti: 8,
  'ampel-schild': 7,
  spielplatz: 6,
  angstraum: 7,
  immobilie: 6,
};

interface Spec {
  idx: number;
  category: DemoCategory;
  district: number;
  lon: number;
  lat: number;
  created: number;
  final: Final;
  anonymous: boolean;
  address: string;
  description: string;
  answers: Record<string, string | string[]>;
  reporterName: string;
  email: string;
  showName: boolean;
  hidden: boolean;
  supporters: number;
  extraFollowers: string[];
  photo: Scene | null;
  original: Spec | null;
  id: number;
}

function ascii(s: string): string {
  return s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .replace(/[^a-z0-9]/g, '');
}

function sampleLocation(rng: Rng, boundary: Area): { lon: number; lat: number; district: number } {
  const hotspot = rng.chance(0.15);
  const d = hotspot ? -1 : rng.weighted(STADTBEZIRKE.map((s, i) => [i, s.population * (s.central ? 1.6 : 1)] as const));
  const [clon, clat] = d === -1 ? CITY_CENTRE : STADTBEZIRKE[d]!.centre;
  const sd = d === -1 ? 0.004 : STADTBEZIRKE[d]!.central ? 0.008 : 0.012;
  for (let i = 0; i < 200; i++) {
    const lon = Number((clon + rng.gauss() * sd * 1.55).toFixed(6));
    const lat = Number((clat + rng.gauss() * sd).toFixed(6));
    const near = nearestDistrict(lon, lat);
    if (areaContains(boundary, lon, lat) && (d === -1 || near === d)) return { lon, lat, district: near };
  }
  return { lon: clon, lat: clat, district: nearestDistrict(clon, clat) };
}

function finalFor(rng: Rng, ageDays: number): Final {
  if (ageDays < 3)
    return rng.weighted([
      ['new', 55],
      ['confirmed', 20],
      ['unconfirmed', 15],
      ['in_progress', 10],
    ] as const);
  if (ageDays < 30)
    return rng.weighted([
      ['new', 25],
      ['confirmed', 25],
      ['in_progress', 35],
      ['fixed', 15],
      ['closed:done', 3],
      ['closed:rejected', 4],
      ['closed:not_responsible', 3],
    ] as const);
  return rng.weighted([
    ['new', 2],
    ['confirmed', 5],
    ['in_progress', 10],
    ['fixed', 38],
    ['closed:done', 22],
    ['closed:rejected', 8],
    ['closed:not_responsible', 8],
    ['reopened', ageDays > 45 ? 5 : 0],
    ['unconfirmed', 2],
  ] as const);
}

function answersFor(rng: Rng, code: string): Record<string, string | string[]> {
  const some = (keys: string[], min: number, max: number) => {
    const n = rng.int(min, max);
    const shuffled = [...keys].sort(() => rng.next() - 0.5);
    return keys.filter((k) => shuffled.slice(0, n).includes(k));
  };
  switch (code) {
    case 'strassenschaden':
      return {
        groesse: rng.weighted([
          ['klein', 3],
          ['mittel', 5],
          ['gross', 2],
        ] as const),
      };
    case 'strassenbeleuchtung':
      return rng.chance(0.5) ? { mastnummer: String(rng.int(1000, 9999)) } : {};
    case 'muell':
      return { art: some(['sperrmuell', 'hausmuell', 'gruenschnitt', 'elektro', 'sonstiges'], 1, 2) };
    case 'angstraum':
      return { wann: some(['tag', 'abend', 'nacht'], 1, 2), warum: some(['licht', 'gruen', 'verwahrlosung', 'menschenleer', 'gruppen', 'verkehr'], 1, 3) };
    default:
      return {};
  }
}

/** The report specifications, in creation order. Pure: the same seed gives the same list. */
export function demoSpecs(categories: DemoCategory[], boundary: Area, now: number, seed = DEMO_SEED): Spec[] {
  const rng = createRng(seed);
  const weights = categories.map((c) => [c, CATEGORY_WEIGHTS[c.code] ?? 5] as const);
  const specs: Spec[] = [];
  const make = (idx: number, category: DemoCategory, where: { lon: number; lat: number; district: number }, created: number, final: Final): Spec => {
    const streets = text.STREETS[STADTBEZIRKE[where.district]!.name]!;
    const street = rng.pick(streets);
    const n = rng.int(1, 140);
    const form = rng.pick(text.ADDRESS_FORMS);
    const first = rng.pick(text.FIRST_NAMES);
    const last = rng.pick(text.LAST_NAMES);
    return {
      idx,
      category,
      district: where.district,
      lon: where.lon,
      lat: where.lat,
      created,
      final,
      anonymous: final === 'unconfirmed' || rng.chance(0.6),
      address: form(street, n, rng.pick(streets.filter((s) => s !== street))),
      description: rng.pick(text.DESCRIPTIONS[category.code] ?? ['Bitte einmal nachsehen.']).replace('{n}', String(n)),
      answers: answersFor(rng, category.code),
      reporterName: `${first} ${last}`,
      email: `${ascii(first)}.${ascii(last)}${rng.int(1, 99)}@example.de`,
      showName: rng.chance(0.25),
      hidden: false,
      supporters: 0,
      extraFollowers: [],
      photo: null,
      original: null,
      id: 0,
    };
  };
  for (let i = 0; i < DEMO_REPORT_COUNT - DUPLICATES; i++) {
    const category = rng.weighted(weights);
    const where = sampleLocation(rng, boundary);
    const ageDays = 365 * rng.next() ** 1.6;
    const created = now - Math.round(ageDays * DAY) - rng.int(1, 12) * HOUR;
    specs.push(make(i, category, where, created, finalFor(rng, ageDays)));
  }
  // Make sure every state and every category is there at least once, whatever the dice said.
  for (const final of REQUIRED_FINALS) {
    if (final === 'closed:duplicate' || specs.some((s) => s.final === final)) continue;
    const target = specs.find((s) => (now - s.created) / DAY > 50 && s.final !== 'unconfirmed' && specs.filter((x) => x.final === s.final).length > 3);
    if (target) target.final = final;
  }
  for (const [k, category] of categories.entries()) {
    if (specs.some((s) => s.category.id === category.id)) continue;
    const target = specs[k * 7]!;
    target.category = category;
    target.description = rng.pick(text.DESCRIPTIONS[category.code] ?? ['Bitte einmal nachsehen.']);
    target.answers = answersFor(rng, category.code);
  }
  // Duplicates: a second report of the same thing a few days later, a few metres away.
  const originals = specs.filter((s) => s.final !== 'unconfirmed' && (now - s.created) / DAY > 20);
  for (let i = 0; i < DUPLICATES; i++) {
    const original = originals[(i * 13 + 5) % originals.length]!;
    const created = Math.min(original.created + rng.int(1, 10) * DAY + rng.int(1, 20) * HOUR, now - 2 * DAY);
    const where = {
      lon: Number((original.lon + rng.gauss() * 0.0002).toFixed(6)),
      lat: Number((original.lat + rng.gauss() * 0.0001).toFixed(6)),
      district: original.district,
    };
    const dup = make(
      specs.length,
      original.category,
      areaContains(boundary, where.lon, where.lat) ? where : { lon: original.lon, lat: original.lat, district: original.district },
      created,
      'closed:duplicate',
    );
    dup.original = original;
    specs.push(dup);
  }
  // Supporters, followers, hidden reports and photos.
  for (const s of specs) {
    if (s.final === 'unconfirmed') continue;
    s.supporters = Math.max(0, Math.floor(Math.exp(rng.next() * 3.2)) - 2);
    const extra = rng.weighted([
      [0, 6],
      [1, 3],
      [2, 1],
    ] as const);
    for (let k = 0; k < extra; k++) s.extraFollowers.push(`nachbarschaft${s.idx}-${k}@example.org`);
  }
  specs
    .filter((s) => s.final === 'new')
    .slice(0, 2)
    .forEach((s) => {
      s.hidden = true;
    });
  const withScene = specs.filter((s) => SCENE_FOR_CATEGORY[s.category.code] && s.final !== 'unconfirmed' && !s.hidden && s.final !== 'closed:duplicate');
  const scenes = new Set<string>();
  for (const s of withScene) {
    // One of each scene first, then more until PHOTOS are chosen.
    const scene = SCENE_FOR_CATEGORY[s.category.code]!;
    if (!scenes.has(scene)) {
      scenes.add(scene);
      s.photo = scene;
    }
  }
  for (const s of withScene) {
    if (specs.filter((x) => x.photo).length >= PHOTOS) break;
    if (!s.photo && rng.chance(0.1)) s.photo = SCENE_FOR_CATEGORY[s.category.code]!;
  }
  return specs.sort((a, b) => a.created - b.created || a.idx - b.idx);
}

interface EventRow {
  organization_id: number;
  report_id: number;
  kind: string;
  public: boolean;
  actor_user_id: number | null;
  from_status: ReportStatus | null;
  to_status: ReportStatus | null;
  body: string;
  data: unknown;
  created_at: Date;
}

interface Timeline {
  events: EventRow[];
  status: ReportStatus;
  closeReason: CloseReason | null;
  closeNote: string | null;
  confirmedAt: Date | null;
  fixedAt: Date | null;
  updatedAt: Date;
  questionnaire: { dueAt: Date; sentAt: Date | null; answeredAt: Date | null; answer: 'yes' | 'no' | 'unknown' | null; comment: string } | null;
}

/** Moves a time to the next weekday office hour (07–16 UTC, about 8–17 in Dortmund), keeping the minutes. */
export function officeHours(t: number): number {
  const d = new Date(t);
  const hour = d.getUTCHours();
  if (hour < 7) d.setUTCHours(7 + (hour % 3));
  else if (hour >= 16) {
    d.setUTCDate(d.getUTCDate() + 1);
    d.setUTCHours(7 + (hour % 3));
  }
  const day = d.getUTCDay();
  if (day === 6) d.setUTCDate(d.getUTCDate() + 2);
  if (day === 0) d.setUTCDate(d.getUTCDate() + 1);
  return d.getTime();
}

function timeline(rng: Rng, ctx: DemoContext, s: Spec): Timeline {
  const events: EventRow[] = [];
  const staff = ctx.adminId;
  let lastAt = 0;
  const add = (when: number, e: { kind: string; public: boolean; from?: ReportStatus; to?: ReportStatus; body?: string; data?: unknown; staff?: boolean }) => {
    // Staff work on weekdays during office hours; a timeline never runs backwards or into the future.
    const at = Math.min(Math.max(e.staff === false ? when : officeHours(when), lastAt + 60_000), ctx.now - 60_000);
    lastAt = at;
    events.push({
      organization_id: ctx.organizationId,
      report_id: s.id,
      kind: e.kind,
      public: e.public,
      actor_user_id: e.staff === false ? null : staff,
      from_status: e.from ?? null,
      to_status: e.to ?? null,
      body: e.body ?? '',
      data: e.data ?? {},
      created_at: new Date(Math.round(at)),
    });
    return at;
  };
  const code = s.category.code;
  const t0 = s.created;
  const reopened = s.final === 'reopened';
  // The path ends early enough for what follows it (a questionnaire four weeks after fixing, then reopening).
  const end = reopened ? ctx.now - 31 * DAY : ctx.now - 30 * 60_000;
  const span = Math.max(end - t0, HOUR);
  let cursor = t0;
  const step = (share: number) => {
    cursor = Math.min(end, cursor + span * share * (0.5 + rng.next()));
    return cursor;
  };
  add(t0, { kind: 'created', public: true, to: s.anonymous ? 'unconfirmed' : 'new', staff: false });
  let confirmedAt: Date | null = s.anonymous ? null : new Date(t0);
  let status: ReportStatus = s.anonymous ? 'unconfirmed' : 'new';
  if (s.final === 'unconfirmed')
    return { events, status, closeReason: null, closeNote: null, confirmedAt: null, fixedAt: null, updatedAt: new Date(t0), questionnaire: null };
  if (s.anonymous) {
    const at = Math.min(t0 + rng.int(5, 240) * 60_000, end);
    add(at, { kind: 'confirmed', public: false, from: 'unconfirmed', to: 'new', staff: false });
    confirmedAt = new Date(at);
    cursor = at;
    status = 'new';
  }
  if (s.photo) add(Math.min(cursor + rng.int(1, 20) * HOUR, end), { kind: 'photo_approved', public: true });
  if (s.hidden) {
    add(step(0.02), { kind: 'hidden', public: false, body: 'Beschreibung enthielt Beleidigungen; ausgeblendet bis zur Klärung.' });
    return { events, status, closeReason: null, closeNote: null, confirmedAt, fixedAt: null, updatedAt: new Date(cursor), questionnaire: null };
  }
  const move = (to: ReportStatus, share: number, e: { kind?: string; body?: string; data?: unknown } = {}) => {
    cursor = add(step(share), {
      kind: e.kind ?? 'status',
      public: true,
      from: status,
      to,
      body: e.body ?? '',
      data: e.data ?? (to === 'closed' ? { closeReason: 'done' } : {}),
    });
    status = to;
  };
  const internal = () => {
    if (rng.chance(0.45)) add(step(0.05), { kind: 'internal_note', public: false, body: rng.pick(text.INTERNAL_NOTES) });
  };
  const publicNote = (p: number) => {
    if (rng.chance(p)) add(step(0.08), { kind: 'public_note', public: true, body: rng.pick(text.PUBLIC_NOTES[code] ?? ['Danke für den Hinweis.']) });
  };
  let closeReason: CloseReason | null = null;
  let closeNote: string | null = null;
  let fixedAt: Date | null = null;
  let questionnaire: Timeline['questionnaire'] = null;
  switch (s.final) {
    case 'new':
      internal();
      break;
    case 'confirmed':
      move('confirmed', 0.1);
      internal();
      break;
    case 'in_progress':
      move('confirmed', 0.08);
      internal();
      move('in_progress', 0.15);
      publicNote(0.6);
      break;
    case 'fixed':
    case 'reopened':
    case 'closed:done':
      move('confirmed', 0.05);
      internal();
      move('in_progress', 0.1);
      publicNote(0.5);
      move('fixed', 0.2, { body: rng.chance(0.4) ? rng.pick(text.PUBLIC_NOTES[code] ?? ['Erledigt.']) : '' });
      fixedAt = new Date(cursor);
      if (s.final === 'closed:done') {
        move('closed', 0.1);
        closeReason = 'done';
      }
      break;
    case 'closed:rejected': {
      if (rng.chance(0.5)) move('confirmed', 0.05);
      const body = rng.pick(text.REJECT_REASONS);
      move('closed', 0.1, { kind: 'rejected', body, data: { closeReason: 'rejected' } });
      closeReason = 'rejected';
      closeNote = body;
      break;
    }
    case 'closed:not_responsible': {
      const [who, body] = rng.pick(text.NOT_RESPONSIBLE);
      internal();
      move('closed', 0.1, { kind: 'not_responsible', body, data: { who, closeReason: 'not_responsible' } });
      closeReason = 'not_responsible';
      closeNote = body;
      break;
    }
    case 'closed:duplicate': {
      const body = rng.pick(text.DUPLICATE_NOTES);
      move('closed', 0.02, { kind: 'duplicate', body, data: { of: s.original!.id, closeReason: 'duplicate' } });
      closeReason = 'duplicate';
      closeNote = body;
      break;
    }
    default:
      break;
  }
  // The questionnaire four weeks after fixing (sent, maybe answered), or still to come.
  const weeks = s.category.questionnaire_weeks;
  if (fixedAt && weeks > 0 && (s.final === 'fixed' || reopened)) {
    const dueAt = new Date(fixedAt.getTime() + weeks * 7 * DAY);
    if (dueAt.getTime() > ctx.now) {
      questionnaire = { dueAt, sentAt: null, answeredAt: null, answer: null, comment: '' };
    } else {
      const sentAt = new Date(dueAt.getTime() + rng.int(1, 30) * 60_000);
      const answeredAt = new Date(sentAt.getTime() + rng.int(2, 60) * HOUR);
      const answer = reopened
        ? 'no'
        : answeredAt.getTime() < ctx.now && rng.chance(0.6)
          ? rng.weighted([
              ['yes', 70],
              ['unknown', 15],
              ['no', 15],
            ] as const)
          : null;
      const comment = answer === 'no' ? rng.pick(text.NO_COMMENTS) || 'Nicht behoben.' : '';
      questionnaire = { dueAt, sentAt, answeredAt: answer ? answeredAt : null, answer, comment };
      if (answer) {
        add(answeredAt.getTime(), { kind: 'questionnaire', public: true, data: { answer }, staff: false });
        if (comment) add(answeredAt.getTime(), { kind: 'questionnaire_comment', public: false, body: comment, data: { answer }, staff: false });
      }
      if (reopened) {
        cursor = answeredAt.getTime();
        add(cursor, { kind: 'reopened', public: true, from: 'fixed', to: 'in_progress', data: { by: 'questionnaire' }, staff: false });
        status = 'in_progress';
        fixedAt = null;
        const noteAt = Math.min(cursor + rng.int(1, 5) * DAY, ctx.now - HOUR);
        if (rng.chance(0.7) && noteAt > cursor)
          add(noteAt, { kind: 'public_note', public: true, body: 'Danke für die Rückmeldung. Wir sehen uns die Stelle noch einmal an.' });
      }
    }
  }
  const last = events.reduce((m, e) => Math.max(m, e.created_at.getTime()), t0);
  return { events, status, closeReason, closeNote, confirmedAt, fixedAt, updatedAt: new Date(last), questionnaire };
}

export interface DemoReportsResult {
  reports: number;
  events: number;
  photos: number;
}

/** Writes the demo reports in a few batched statements. */
export async function seedDemoReports(ctx: DemoContext): Promise<DemoReportsResult> {
  const { db } = ctx;
  const specs = demoSpecs(ctx.categories, ctx.boundary, ctx.now);
  const rng = createRng(DEMO_SEED ^ 0x5a5a5a5a);
  // Reports first (ids grow with time, like real report numbers); status fields are set after the timelines.
  const reportRows = specs.map((s) => ({
    organization_id: ctx.organizationId,
    category_id: s.category.id,
    department_id: s.category.department_id,
    district_id: ctx.districtIds[s.district] ?? null,
    lat: s.lat,
    lon: s.lon,
    address: s.address,
    description: s.description,
    answers: s.answers,
    reporter_name: s.reporterName,
    reporter_email: s.email,
    show_name: s.showName,
    hidden: s.hidden,
    supporters_count: s.supporters,
    idempotency_key: `demo-${s.idx}`,
    created_at: new Date(s.created),
  }));
  const inserted = (
    await sql<{ id: number; idempotency_key: string }>`
      INSERT INTO reports (organization_id, category_id, department_id, district_id, status, lat, lon, location, address, description, answers,
        reporter_name, reporter_email, show_name, hidden, supporters_count, idempotency_key, created_at)
      SELECT organization_id, category_id, department_id, district_id, 'new', lat, lon, point(lon, lat), address, description, answers,
        reporter_name, reporter_email, show_name, hidden, supporters_count, idempotency_key, created_at
      FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(reportRows)}::jsonb) AS (organization_id int, category_id int, department_id int,
        district_id int, lat double precision, lon double precision, address text, description text, answers jsonb, reporter_name text,
        reporter_email text, show_name boolean, hidden boolean, supporters_count int, idempotency_key text, created_at timestamptz)) WITH ORDINALITY AS x
      ORDER BY x.ordinality
      RETURNING id, idempotency_key`.execute(db)
  ).rows;
  const idOf = new Map(inserted.map((r) => [r.idempotency_key, r.id]));
  for (const s of specs) s.id = idOf.get(`demo-${s.idx}`)!;

  const timelines = specs.map((s) => timeline(rng, ctx, s));
  const events = timelines.flatMap((t) => t.events).sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  // One JSON parameter per statement instead of thousands of bound values: several times faster on PGlite.
  await sql`
    INSERT INTO report_events (organization_id, report_id, kind, public, actor_user_id, from_status, to_status, body, data, created_at)
    SELECT organization_id, report_id, kind, public, actor_user_id, from_status, to_status, body, data, created_at
    FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(events)}::jsonb) AS (organization_id int, report_id int, kind text, public boolean,
      actor_user_id int, from_status text, to_status text, body text, data jsonb, created_at timestamptz)) WITH ORDINALITY AS x
    ORDER BY x.ordinality`.execute(db);
  // One statement sets every report's state from its timeline.
  const states = specs.map((s, i) => {
    const t = timelines[i]!;
    return {
      id: s.id,
      status: t.status,
      close_reason: t.closeReason,
      close_note: t.closeNote,
      duplicate_of: s.original?.id ?? null,
      confirmed_at: t.confirmedAt,
      fixed_at: t.fixedAt,
      updated_at: t.updatedAt,
    };
  });
  await sql`
    UPDATE reports r SET status = v.status, close_reason = v.close_reason, close_note = v.close_note, duplicate_of = v.duplicate_of,
      confirmed_at = v.confirmed_at, fixed_at = v.fixed_at, updated_at = v.updated_at
    FROM jsonb_to_recordset(${JSON.stringify(states)}::jsonb) AS v(id int, status text, close_reason text, close_note text, duplicate_of int,
      confirmed_at timestamptz, fixed_at timestamptz, updated_at timestamptz)
    WHERE r.id = v.id`.execute(db);

  // Supporters (the counter was written with the report), followers (who have seen everything so far).
  const supporters = specs.flatMap((s) =>
    Array.from({ length: s.supporters }, (_, k) => ({
      organization_id: ctx.organizationId,
      report_id: s.id,
      supporter_key: `demo:${s.idx}:${k}`,
      user_id: null,
      created_at: new Date(Math.min(ctx.now, s.created + (k + 1) * 7 * HOUR)),
    })),
  );
  await sql`INSERT INTO report_supporters (organization_id, report_id, supporter_key, user_id, created_at)
    SELECT organization_id, report_id, supporter_key, user_id, created_at
    FROM jsonb_to_recordset(${JSON.stringify(supporters)}::jsonb)
      AS x(organization_id int, report_id int, supporter_key text, user_id int, created_at timestamptz)`.execute(db);
  const followers = specs
    .filter((s) => s.final !== 'unconfirmed')
    .flatMap((s) => [s.email, ...s.extraFollowers].map((email) => ({ report_id: s.id, email, unsubscribe_token_hash: hashToken(randomToken()) })));
  await sql`INSERT INTO report_followers (organization_id, report_id, email, unsubscribe_token_hash)
    SELECT ${ctx.organizationId}::int, report_id, email, unsubscribe_token_hash FROM jsonb_to_recordset(${JSON.stringify(followers)}::jsonb) AS x(report_id int, email text, unsubscribe_token_hash text)`.execute(
    db,
  );
  await sql`UPDATE report_followers f SET last_notified_event_id = m.max_id
    FROM (SELECT report_id, max(id) AS max_id FROM report_events WHERE organization_id = ${ctx.organizationId} GROUP BY report_id) m
    WHERE f.organization_id = ${ctx.organizationId} AND m.report_id = f.report_id`.execute(db);

  // Questionnaires: answered ones feed the statistics page; links of seeded rows never work (placeholder hash).
  const questionnaires = specs.flatMap((s, i) => {
    const q = timelines[i]!.questionnaire;
    return q
      ? [
          {
            report_id: s.id,
            email: s.email,
            token_hash: `demo:${s.idx}`,
            due_at: q.dueAt,
            sent_at: q.sentAt,
            answered_at: q.answeredAt,
            answer: q.answer,
            comment: q.comment,
          },
        ]
      : [];
  });
  await sql`INSERT INTO report_questionnaires (organization_id, report_id, email, token_hash, due_at, sent_at, answered_at, answer, comment)
    SELECT ${ctx.organizationId}::int, report_id, email, token_hash, due_at, sent_at, answered_at, answer, comment
    FROM jsonb_to_recordset(${JSON.stringify(questionnaires)}::jsonb) AS x(report_id int, email text, token_hash text, due_at timestamptz,
      sent_at timestamptz, answered_at timestamptz, answer text, comment text)`.execute(db);

  // Photos through the normal pipeline: render, process (resize, strip metadata), store, approve.
  let photos = 0;
  if (ctx.storage) {
    const photoRng = createRng(DEMO_SEED ^ 0x0f0f0f0f);
    const storage = ctx.storage;
    const work = specs.filter((s) => s.photo);
    const rendered = await Promise.all(
      work.map(async (s) => {
        const processed = await processPhoto(await renderScene(s.photo!, photoRng), LIMITS.photoBytesMax);
        if ('problem' in processed) throw new Error(`demo photo ${s.idx}: ${processed.problem}`);
        const base = `reports/demo-${String(s.idx).padStart(3, '0')}`;
        for (const size of Object.keys(PHOTO_SIZES) as PhotoSize[]) await storage.put(photoKey(base, size), processed.variants[size]);
        return {
          organization_id: ctx.organizationId,
          report_id: s.id,
          storage_key: base,
          width: processed.width,
          height: processed.height,
          status: 'approved' as const,
          sort: 0,
          created_at: new Date(s.created),
        };
      }),
    );
    if (rendered.length > 0) await db.insertInto('report_photos').values(rendered).execute();
    photos = rendered.length;
  }
  return { reports: specs.length, events: events.length, photos };
}
