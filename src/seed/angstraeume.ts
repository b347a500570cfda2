import { sql } from 'kysely';
import { MEASURE_TYPES, type MeasureType } from '../modules/angstraeume';
import type { Db } from '../platform/db/connect';
import { type Area, areaContains, readArea } from '../platform/geo/geojson';
import { hashToken, randomToken } from '../platform/security/tokens';
import { officeHours } from './demo-reports';
import { STADTBEZIRKE } from './districts';
import { createRng, type Rng } from './prng';

// Demo data for the Angsträume-Karte and the Dreckpetze: about 40 places across Dortmund with measures,
// residents' safety ratings before and after them (so the charts show effects, and some places show none),
// a few overdue, a review queue; and a year of litter reports that fall by a little more than 5 % a year.
// Deterministic (seeded PRNG, times relative to `now`) and written in a few batched statements.

export const ANGSTRAUM_SEED = 0x414e4753; // "ANGS"
export const DEMO_ANGSTRAEUME = 40;
export const DEMO_RESIDENTS = 80;
const DAY = 86_400_000;

export interface AngstraeumeSeedOptions {
  organizationId: number;
  boundary: Area;
  now: number;
}

const PLACES = [
  'Unterführung am Bahnhof',
  'Fußweg hinter dem Friedhof',
  'Parkhaus, Untergeschoss',
  'Weg durch den Stadtpark',
  'Haltestelle am Gewerbegebiet',
  'Treppe zur Stadtbahn',
  'Radweg entlang der Bahntrasse',
  'Parkplatz am Sportplatz',
  'Durchgang zwischen den Wohnblocks',
  'Brücke über die Emscher',
  'Spielplatz am Abend',
  'Fußgängertunnel unter der Hauptstraße',
  'Hinterhof am Marktplatz',
  'Weg am Kanal',
  'Bushaltestelle an der Schule',
] as const;

const WHY = ['licht', 'gruen', 'verwahrlosung', 'menschenleer', 'gruppen', 'verkehr'] as const;

const DESCRIPTIONS: Record<(typeof WHY)[number], string[]> = {
  licht: ['Abends ist es hier stockdunkel, zwei Laternen sind seit Wochen aus.', 'Kaum Licht, man sieht nicht, wer einem entgegenkommt.'],
  gruen: ['Die Büsche sind so hoch, dass man nicht sieht, wer dahinter steht.', 'Zugewachsener Weg, keine Sicht auf die Straße.'],
  verwahrlosung: ['Beschmierte Wände, kaputte Scheiben und Müll überall.', 'Der Durchgang wirkt verlassen und ungepflegt.'],
  menschenleer: ['Nach 20 Uhr ist hier niemand mehr, im Notfall hört einen keiner.', 'Sehr einsamer Weg, kein Haus in Sichtweite.'],
  gruppen: ['Abends stehen hier oft Gruppen, man muss sich durchdrängeln.', 'Immer wieder laute Gruppen, ich nehme lieber einen Umweg.'],
  verkehr: ['Die Autos rasen hier, und es gibt keinen sicheren Übergang.', 'Schmaler Gehweg direkt neben schnellem Verkehr.'],
};

const MEASURE_TEXTS: Record<MeasureType, string[]> = {
  lighting: [
    'Zwei zusätzliche LED-Leuchten installiert, die defekten Laternen ersetzt.',
    'Beleuchtung auf ganzer Länge erneuert; sie brennt jetzt die ganze Nacht.',
  ],
  greenery: ['Hecken und Büsche entlang des Weges auf Hüfthöhe zurückgeschnitten.', 'Unterholz entfernt, die Sichtachse zur Straße ist wieder frei.'],
  building: ['Leerstehendes Gebäude gesichert, Zugänge verschlossen und Glasscherben entfernt.', 'Bauzaun erneuert, eingeschlagene Fenster verschlossen.'],
  presence: ['Der Kommunale Ordnungsdienst kommt abends regelmäßig vorbei.', 'Polizei und Ordnungsamt zeigen hier seit diesem Monat mehr Präsenz.'],
  other: ['Wände gereinigt und Graffiti entfernt; neue Hinweisschilder zum nächsten Notruf.', 'Notrufsäule aufgestellt und Wegweiser erneuert.'],
};

const NOTES = [
  'Wir haben den Ort begangen und prüfen weitere Schritte mit dem Grünflächenamt.',
  'Die Maßnahme ist beauftragt; die Umsetzung ist für die nächsten Wochen geplant.',
  'Zwischenstand: Die Beleuchtungsplanung ist abgeschlossen, die Arbeiten beginnen bald.',
  'Danke für die vielen Bewertungen. Wir beobachten den Ort weiter.',
];

function clamp(v: number): number {
  return Math.max(1, Math.min(5, Math.round(v)));
}

/** A point near a Stadtbezirk's centre, inside the real boundary. */
function samplePoint(rng: Rng, boundary: Area, spread: number): { lon: number; lat: number } {
  for (;;) {
    const d = rng.pick(STADTBEZIRKE);
    const lon = Number((d.centre[0] + rng.gauss() * spread * 1.6).toFixed(6));
    const lat = Number((d.centre[1] + rng.gauss() * spread).toFixed(6));
    if (areaContains(boundary, lon, lat)) return { lon, lat };
  }
}

interface EventRow {
  organization_id: number;
  report_id: number;
  kind: string;
  public: boolean;
  actor_user_id: number | null;
  from_status: string | null;
  to_status: string | null;
  body: string;
  data: Record<string, unknown>;
  created_at: Date;
}

async function insertEvents(db: Db, events: EventRow[]): Promise<void> {
  const sorted = [...events].sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  for (let i = 0; i < sorted.length; i += 2000) {
    await sql`
      INSERT INTO report_events (organization_id, report_id, kind, public, actor_user_id, from_status, to_status, body, data, created_at)
      SELECT organization_id, report_id, kind, public, actor_user_id, from_status, to_status, body, data, created_at
      FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(sorted.slice(i, i + 2000))}::jsonb) AS (organization_id int, report_id int, kind text, public boolean,
        actor_user_id int, from_status text, to_status text, body text, data jsonb, created_at timestamptz)) WITH ORDINALITY AS x
      ORDER BY x.ordinality`.execute(db);
  }
}

interface ReportRow {
  key: string;
  category_id: number;
  department_id: number | null;
  district_id: number | null;
  status: string;
  close_reason: string | null;
  lat: number;
  lon: number;
  address: string;
  description: string;
  answers: Record<string, unknown>;
  user_id: number;
  reporter_email: string;
  created_at: Date;
  updated_at: Date;
  reviewed_at: Date | null;
}

async function insertReports(db: Db, organizationId: number, reviewerId: number | null, rows: ReportRow[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000).map((r) => ({ ...r, answers: r.answers }));
    const result = await sql<{ id: number; idempotency_key: string }>`
      INSERT INTO reports (organization_id, category_id, department_id, district_id, status, close_reason, lat, lon, location, address, location_precise,
        description, answers, user_id, reporter_email, idempotency_key, created_at, confirmed_at, updated_at, reviewed_at, reviewed_by)
      SELECT ${organizationId}, category_id, department_id, district_id, status, close_reason, lat, lon, point(lon, lat), address, true,
        description, answers, user_id, reporter_email, key, created_at, created_at, updated_at, reviewed_at,
        CASE WHEN reviewed_at IS NULL THEN NULL ELSE ${reviewerId}::int END
      FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS (key text, category_id int, department_id int, district_id int, status text,
        close_reason text, lat float8, lon float8, address text, description text, answers jsonb, user_id int, reporter_email text, created_at timestamptz,
        updated_at timestamptz, reviewed_at timestamptz)) WITH ORDINALITY AS x
      ORDER BY x.ordinality
      RETURNING id, idempotency_key`.execute(db);
    for (const r of result.rows) ids.set(r.idempotency_key, Number(r.id));
  }
  return ids;
}

/** Adds the Angsträume and litter demo to a freshly seeded city. */
export async function seedAngstraeume(db: Db, options: AngstraeumeSeedOptions): Promise<{ places: number; ratings: number; litter: number }> {
  const { organizationId: org, boundary, now } = options;
  const rng = createRng(ANGSTRAUM_SEED);
  const [categories, districtRows, admin] = await Promise.all([
    db.selectFrom('report_categories').select(['id', 'kind', 'department_id']).where('organization_id', '=', org).execute(),
    db.selectFrom('districts').select(['id', 'name', 'geometry']).where('organization_id', '=', org).where('kind', '=', 'stadtbezirk').orderBy('id').execute(),
    db.selectFrom('users').select('id').where('organization_id', '=', org).where('role', '=', 'admin').orderBy('id').executeTakeFirst(),
  ]);
  const angstraum = categories.find((c) => c.kind === 'angstraum');
  const litter = categories.find((c) => c.kind === 'litter');
  if (!angstraum || !litter) return { places: 0, ratings: 0, litter: 0 };
  const staff = admin?.id ?? null;
  const districts = districtRows.map((d) => ({
    id: d.id,
    name: d.name.replace(/ \(Näherung\)$/, ''),
    area: readArea(typeof d.geometry === 'string' ? JSON.parse(d.geometry) : d.geometry),
  }));
  const districtAt = (lon: number, lat: number) => districts.find((d) => areaContains(d.area, lon, lat)) ?? null;

  // Residents who report and rate (the demo's "people of Dortmund"; the addresses go nowhere).
  const residents = await db
    .insertInto('users')
    .values(
      Array.from({ length: DEMO_RESIDENTS }, (_, i) => ({
        organization_id: org,
        email: `anwohner-${String(i + 1).padStart(2, '0')}@dortmund.example`,
        display_name: '',
      })),
    )
    .returning(['id', 'email'])
    .execute();

  // ---- Angsträume ------------------------------------------------------------------------------------------
  interface Plan {
    key: string;
    created: number;
    reviewed: number | null;
    reporter: (typeof residents)[number];
    measures: Array<{ at: number; type: MeasureType; effect: number }>;
    notes: number[];
    status: 'new' | 'confirmed' | 'in_progress' | 'closed';
    statusAt: number | null;
    closeAt: number | null;
  }
  const plans: Plan[] = [];
  const rows: ReportRow[] = [];
  for (let i = 0; i < DEMO_ANGSTRAEUME; i++) {
    const where = samplePoint(rng, boundary, 0.012);
    const district = districtAt(where.lon, where.lat);
    const why = [rng.pick(WHY), ...(rng.chance(0.5) ? [rng.pick(WHY)] : [])].filter((w, k, a) => a.indexOf(w) === k);
    const wann = rng.chance(0.2) ? ['tag', 'abend', 'nacht'] : rng.chance(0.5) ? ['abend', 'nacht'] : ['nacht'];
    const reporter = residents[i % residents.length]!;
    const unreviewed = i >= DEMO_ANGSTRAEUME - 4;
    const created = unreviewed ? now - rng.int(1, 6) * DAY - rng.int(1, 20) * 3_600_000 : now - rng.int(90, 330) * DAY - rng.int(0, 23) * 3_600_000;
    const reviewed = unreviewed ? null : officeHours(created + rng.int(1, 4) * DAY);
    const measures: Plan['measures'] = [];
    const notes: number[] = [];
    let status: Plan['status'] = unreviewed ? 'new' : 'confirmed';
    let statusAt: number | null = null;
    let closeAt: number | null = null;
    if (reviewed !== null) {
      const overdue = i % 9 === 4; // a few places whose news is long overdue
      const count = overdue ? rng.int(0, 1) : rng.int(1, 3);
      const horizon = now - (overdue ? 45 : 20) * DAY;
      let t = reviewed + rng.int(20, 50) * DAY;
      for (let m = 0; m < count && t < horizon; m++) {
        const type = rng.pick(MEASURE_TYPES);
        // Most measures help, some do little, a few make it worse (a new lamp that breaks, say).
        const effect = rng.weighted([
          [1.1, 6],
          [0.6, 3],
          [0, 2],
          [-0.5, 1],
        ] as const);
        measures.push({ at: officeHours(t), type, effect });
        t += rng.int(45, 110) * DAY;
      }
      status = measures.length > 0 ? 'in_progress' : 'confirmed';
      statusAt = officeHours(reviewed + DAY);
      const lastNews = Math.max(statusAt, ...measures.map((m) => m.at));
      if (overdue) {
        // Nothing since: the clock has passed the interval.
      } else if (now - lastNews > 25 * DAY) {
        notes.push(officeHours(now - rng.int(3, 24) * DAY));
      }
      if (!overdue && measures.length >= 2 && rng.chance(0.35)) {
        const at = officeHours(measures.at(-1)!.at + rng.int(30, 60) * DAY);
        if (at < now) {
          status = 'closed';
          closeAt = at;
        }
      }
    }
    const key = `angstraum-demo-${String(i + 1).padStart(2, '0')}`;
    const place = rng.pick(PLACES);
    plans.push({ key, created, reviewed, reporter, measures, notes, status, statusAt, closeAt });
    rows.push({
      key,
      category_id: angstraum.id,
      department_id: angstraum.department_id,
      district_id: district?.id ?? null,
      status: status,
      close_reason: status === 'closed' ? 'done' : null,
      lat: where.lat,
      lon: where.lon,
      address: district ? `${place} (${district.name})` : place,
      description: why.map((w) => rng.pick(DESCRIPTIONS[w])).join(' '),
      answers: { wann, warum: why },
      user_id: reporter.id,
      reporter_email: reporter.email,
      created_at: new Date(created),
      updated_at: new Date(Math.max(created, ...plans.at(-1)!.measures.map((m) => m.at), ...notes, statusAt ?? created, closeAt ?? created)),
      reviewed_at: reviewed === null ? null : new Date(reviewed),
    });
  }
  const placeIds = await insertReports(db, org, staff, rows);

  const events: EventRow[] = [];
  const ev = (reportId: number, kind: string, at: number, extra: Partial<EventRow> = {}): EventRow => ({
    organization_id: org,
    report_id: reportId,
    kind,
    public: true,
    actor_user_id: null,
    from_status: null,
    to_status: null,
    body: '',
    data: {},
    created_at: new Date(at),
    ...extra,
  });
  const ratings: Array<{ organization_id: number; report_id: number; user_id: number; day: number; night: number; created_at: Date }> = [];
  const questionnaires: Array<{
    organization_id: number;
    report_id: number;
    measure_at: Date;
    email: string;
    token_hash: string;
    due_at: Date;
    sent_at: Date | null;
    answered_at: Date | null;
    answer: string | null;
  }> = [];
  for (const p of plans) {
    const id = placeIds.get(p.key)!;
    events.push(ev(id, 'created', p.created, { to_status: 'new' }));
    if (p.reviewed === null) continue;
    events.push(ev(id, 'angstraum_reviewed', p.reviewed, { public: false, actor_user_id: staff, data: { edited: false } }));
    const firstStatus = p.measures.length > 0 ? 'in_progress' : 'confirmed';
    events.push(ev(id, 'status', p.statusAt!, { actor_user_id: staff, from_status: 'new', to_status: firstStatus }));
    for (const m of p.measures) {
      events.push(ev(id, 'measure', m.at, { actor_user_id: staff, body: rng.pick(MEASURE_TEXTS[m.type]), data: { type: m.type } }));
    }
    for (const n of p.notes) events.push(ev(id, 'public_note', n, { actor_user_id: staff, body: rng.pick(NOTES) }));
    if (p.closeAt !== null)
      events.push(ev(id, 'status', p.closeAt, { actor_user_id: staff, from_status: 'in_progress', to_status: 'closed', data: { closeReason: 'done' } }));

    // Ratings: each resident rates a place at most once, so the 30-day rule holds by construction.
    const baseDay = 2 + rng.next() * 1.5;
    const baseNight = 1 + rng.next() * 1.2;
    const cuts = [p.reviewed, ...p.measures.map((m) => m.at), now];
    const raters = [...residents];
    for (let k = raters.length - 1; k > 0; k--) {
      const j = rng.int(0, k);
      [raters[k], raters[j]] = [raters[j]!, raters[k]!];
    }
    let r = 0;
    let shift = 0;
    for (let s = 0; s + 1 < cuts.length; s++) {
      if (s > 0) shift += p.measures[s - 1]!.effect;
      const from = cuts[s]! + DAY;
      const to = cuts[s + 1]! - DAY;
      if (to <= from) continue;
      const n = rng.int(3, 7);
      for (let k = 0; k < n && r < raters.length; k++, r++) {
        const at = from + rng.next() * (to - from);
        ratings.push({
          organization_id: org,
          report_id: id,
          user_id: raters[r]!.id,
          day: clamp(baseDay + shift + rng.gauss() * 0.7),
          night: clamp(baseNight + shift * 1.2 + rng.gauss() * 0.7),
          created_at: new Date(at),
        });
      }
    }
    // "Do you feel safer now?" after each measure that is old enough: sent to the reporter, mostly answered.
    for (const m of p.measures) {
      const due = m.at + 8 * 7 * DAY;
      if (due > now - 3 * DAY) continue;
      const answered = rng.chance(0.75);
      const answer = !answered ? null : m.effect > 0.5 ? (rng.chance(0.8) ? 'yes' : 'unknown') : rng.chance(0.7) ? 'no' : 'unknown';
      questionnaires.push({
        organization_id: org,
        report_id: id,
        measure_at: new Date(m.at),
        email: p.reporter.email,
        token_hash: `demo:${p.key}:${m.at}`,
        due_at: new Date(due),
        sent_at: new Date(due + 3_600_000),
        answered_at: answered ? new Date(Math.min(now, due + rng.int(1, 6) * DAY)) : null,
        answer,
      });
    }
  }

  // ---- Litter: a year of Dreckpetze reports, falling a little faster than the target ------------------------
  const litterRows: ReportRow[] = [];
  const litterWhat = ['sperrmuell', 'hausmuell', 'gruenschnitt', 'elektro', 'sonstiges'] as const;
  const litterText: Record<(typeof litterWhat)[number], string> = {
    sperrmuell: 'Sperrmüll am Straßenrand abgestellt: Matratze und ein alter Schrank.',
    hausmuell: 'Mehrere Müllsäcke neben dem Container, teilweise aufgerissen.',
    gruenschnitt: 'Grünschnitt in der Grünanlage abgeladen.',
    elektro: 'Alter Kühlschrank und ein Fernseher am Gehweg.',
    sonstiges: 'Überquellender Papierkorb, Müll verteilt sich über den Platz.',
  };
  // A little more than a year, so the twelve whole months before the current one are complete.
  for (let d = 400; d >= 1; d--) {
    const t = now - d * DAY;
    const month = new Date(t).getUTCMonth();
    // About 3 reports a day a year ago, 7 % fewer a year, slightly more in summer.
    const rate = 3 * (1 - 0.07 * ((365 - d) / 365)) * (1 + 0.08 * Math.sin(((month - 3) / 12) * 2 * Math.PI));
    const n = Math.max(0, Math.round(rate + rng.gauss() * Math.sqrt(rate)));
    for (let k = 0; k < n; k++) {
      const where = samplePoint(rng, boundary, 0.018);
      const district = districtAt(where.lon, where.lat);
      const what = rng.pick(litterWhat);
      const created = t + rng.int(6, 21) * 3_600_000 + rng.int(0, 59) * 60_000;
      if (created >= now) continue;
      const reporter = rng.pick(residents);
      const done = now - created > 10 * DAY || rng.chance(0.3);
      litterRows.push({
        key: `muell-demo-${String(litterRows.length + 1).padStart(4, '0')}`,
        category_id: litter.id,
        department_id: litter.department_id,
        district_id: district?.id ?? null,
        status: done ? 'closed' : rng.chance(0.5) ? 'in_progress' : 'new',
        close_reason: done ? 'done' : null,
        lat: where.lat,
        lon: where.lon,
        address: '',
        description: rng.chance(0.4) ? 'Müll gemeldet mit der Dreckpetze.' : litterText[what],
        answers: { art: [what] },
        user_id: reporter.id,
        reporter_email: reporter.email,
        created_at: new Date(created),
        updated_at: new Date(created),
        reviewed_at: null,
      });
    }
  }
  const litterIds = await insertReports(db, org, staff, litterRows);
  for (const l of litterRows) {
    const id = litterIds.get(l.key)!;
    events.push(ev(id, 'created', l.created_at.getTime(), { to_status: 'new' }));
    if (l.status === 'closed') {
      const at = Math.min(now - 60_000, officeHours(l.created_at.getTime() + rng.int(1, 6) * DAY));
      events.push(
        ev(id, 'status', Math.max(at, l.created_at.getTime() + 60_000), {
          actor_user_id: staff,
          from_status: 'new',
          to_status: 'closed',
          data: { closeReason: 'done' },
        }),
      );
    } else if (l.status === 'in_progress') {
      const at = Math.min(now - 60_000, l.created_at.getTime() + 3 * 3_600_000);
      events.push(ev(id, 'status', Math.max(at, l.created_at.getTime() + 60_000), { actor_user_id: staff, from_status: 'new', to_status: 'in_progress' }));
    }
  }
  await insertEvents(db, events);

  // Ratings, their 30-day slots, followers (who have seen the history), questionnaires.
  for (let i = 0; i < ratings.length; i += 2000) {
    await sql`INSERT INTO safety_ratings (organization_id, report_id, user_id, day, night, created_at)
      SELECT organization_id, report_id, user_id, day, night, created_at
      FROM jsonb_to_recordset(${JSON.stringify(ratings.slice(i, i + 2000))}::jsonb) AS x(organization_id int, report_id int, user_id int, day int, night int, created_at timestamptz)`.execute(
      db,
    );
  }
  await sql`INSERT INTO safety_rating_slots (organization_id, report_id, user_id, last_rated_at)
    SELECT organization_id, report_id, user_id, max(created_at) FROM safety_ratings WHERE organization_id = ${org} GROUP BY organization_id, report_id, user_id`.execute(
    db,
  );
  const followers = plans
    .filter((p) => p.reviewed !== null)
    .map((p) => ({ report_id: placeIds.get(p.key)!, email: p.reporter.email, unsubscribe_token_hash: hashToken(randomToken()) }));
  await sql`INSERT INTO report_followers (organization_id, report_id, email, unsubscribe_token_hash)
    SELECT ${org}::int, report_id, email, unsubscribe_token_hash FROM jsonb_to_recordset(${JSON.stringify(followers)}::jsonb) AS x(report_id int, email text, unsubscribe_token_hash text)
    ON CONFLICT DO NOTHING`.execute(db);
  await sql`UPDATE report_followers f SET last_notified_event_id = m.max_id
    FROM (SELECT report_id, max(id) AS max_id FROM report_events WHERE organization_id = ${org} GROUP BY report_id) m
    WHERE f.organization_id = ${org} AND m.report_id = f.report_id
      AND f.report_id IN (SELECT id FROM reports WHERE organization_id = ${org} AND idempotency_key LIKE 'angstraum-demo-%')`.execute(db);
  if (questionnaires.length > 0) {
    await sql`INSERT INTO angstraum_questionnaires (organization_id, report_id, measure_event_id, email, token_hash, due_at, sent_at, answered_at, answer)
      SELECT x.organization_id, x.report_id, e.id, x.email, x.token_hash, x.due_at, x.sent_at, x.answered_at, x.answer
      FROM jsonb_to_recordset(${JSON.stringify(questionnaires)}::jsonb) AS x(organization_id int, report_id int, measure_at timestamptz, email text, token_hash text,
        due_at timestamptz, sent_at timestamptz, answered_at timestamptz, answer text)
      JOIN report_events e ON e.report_id = x.report_id AND e.kind = 'measure' AND e.created_at = x.measure_at`.execute(db);
  }

  // The demo's other Angsträume (from the general demo reports) were public before the review gate existed:
  // mark the older ones reviewed, leave the newest two in the review queue.
  await sql`UPDATE reports r SET reviewed_at = LEAST(r.created_at + interval '1 day', ${new Date(now)}::timestamptz), reviewed_by = ${staff}::int
    FROM report_categories c
    WHERE c.id = r.category_id AND c.kind = 'angstraum' AND r.organization_id = ${org} AND r.reviewed_at IS NULL
      AND r.status <> 'unconfirmed' AND r.idempotency_key NOT LIKE 'angstraum-demo-%'
      AND r.id NOT IN (SELECT r2.id FROM reports r2 JOIN report_categories c2 ON c2.id = r2.category_id
        WHERE c2.kind = 'angstraum' AND r2.organization_id = ${org} AND r2.status <> 'unconfirmed' ORDER BY r2.created_at DESC LIMIT 2)`.execute(db);

  return { places: plans.length, ratings: ratings.length, litter: litterRows.length };
}
