import type { CategoryKind, ReportStatus } from '../../src/db-schema';
import { MEASURE_TYPES, type MeasureType } from '../../src/modules/angstraeume/angstraum';
import type { Area, Bbox } from '../../src/platform/geo/geojson';
import { officeHours } from '../../src/seed/demo-reports';
import * as demo from '../../src/seed/demo-texts';
import { createRng, type Rng } from '../../src/seed/prng';
import { type AreaLookup, createAreaLookup } from './grid';
import type { SharedPhotos } from './photos';
import { createPlaceSampler, type PlaceSampler } from './population';
import * as text from './texts';
import { creationTimes, DAY, HOUR, lognormal, MINUTE, pickCumulative } from './time';
import { Columns } from './writer';

// Turns "report number i" into rows: the report, its timeline, supporters, followers, questionnaires, photo and
// (for Angsträume) ratings. Each report lives through a small process — confirmed or not, triaged, worked on,
// fixed, asked about, closed — with durations drawn per category; whatever would happen after "now" does not
// happen. So old reports end up fixed or closed and recent ones new or in progress without a table of shares.

export interface CityCategory {
  id: number;
  code: string;
  kind: CategoryKind;
  name_de: string;
  name_en: string;
  department_id: number | null;
  questionnaire_weeks: number;
  questions: Array<{ code: string; datatype: string; required: boolean; options: Array<{ key: string }> }>;
}

export interface CityDistrict {
  id: number;
  kind: string;
  name: string;
  area: Area;
  bbox: Bbox;
}

export interface City {
  organizationId: number;
  categories: CityCategory[];
  departments: Array<{ id: number; name: string }>;
  /** Staff user ids per department; moderators work on everything (hiding, photos, reports without department). */
  staffByDepartment: Map<number, number[]>;
  moderators: number[];
  /** Districts reports are filed under (not the boundary); Stadtbezirke are preferred, as the app does. */
  districts: CityDistrict[];
  boundary: Area;
  /** The stand-in point for reports whose place was only described (the app uses the boundary's middle). */
  centre: { lat: number; lon: number };
  /** `${categoryId}:${districtId}` → department, like the app's routing rules. */
  routing: Map<string, number>;
  /** Weeks after a measure until "do you feel safer?" is asked (the city's setting). */
  angstraumWeeks: number;
}

/** Residents are users with ids firstId … firstId + count − 1, created at the (ascending) times given. */
export interface Residents {
  firstId: number;
  createdAt: Float64Array;
}

export function residentEmail(id: number): string {
  return `einwohner-${id}@bench.example`;
}

interface Process {
  /** Median days until the first staff action. */
  triageDays: number;
  /** Median days from the first staff action to "fixed". */
  fixDays: number;
  duplicate: number;
  rejected: number;
  notResponsible: number;
  /** Staff mark it "confirmed" before work starts. */
  confirmStep: number;
  /** An explicit "in progress" before "fixed". */
  inProgressStep: number;
  /** Done means closed straight away, without "fixed" (a pick-up, say). */
  closeDirect: number;
  /** A fixed report is closed later by staff. */
  closeAfterFix: number;
  /** Never worked on: the long tail of old open reports every city has. */
  backlog: number;
  /** Share of public reports with "me too" supporters. */
  support: number;
  /** Weight of the inner city beyond its residents (shops, commuters, nightlife). */
  central: number;
}

const DEFECT: Process = {
  triageDays: 1.5,
  fixDays: 21,
  duplicate: 0.05,
  rejected: 0.05,
  notResponsible: 0.05,
  confirmStep: 0.7,
  inProgressStep: 0.85,
  closeDirect: 0.03,
  closeAfterFix: 0.4,
  backlog: 0.03,
  support: 0.15,
  central: 1.2,
};
const PROCESS_BY_CODE: Record<string, Partial<Process>> = {
  strassenschaden: { fixDays: 28, duplicate: 0.07, notResponsible: 0.06, support: 0.2 },
  strassenbeleuchtung: { fixDays: 12, duplicate: 0.09, rejected: 0.02, notResponsible: 0.03, central: 1 },
  'ampel-schild': { fixDays: 9, duplicate: 0.06 },
  'gruen-baum': { fixDays: 35, rejected: 0.08, central: 0.8 },
  spielplatz: { fixDays: 20, central: 0.8, support: 0.18 },
  graffiti: { fixDays: 25, rejected: 0.06, central: 2 },
  immobilie: { fixDays: 75, notResponsible: 0.12, backlog: 0.08, central: 1.6, support: 0.2 },
};
const LITTER: Process = {
  triageDays: 0.6,
  fixDays: 3,
  duplicate: 0.04,
  rejected: 0.02,
  notResponsible: 0.03,
  confirmStep: 0.1,
  inProgressStep: 0.3,
  closeDirect: 0.65,
  closeAfterFix: 0.5,
  backlog: 0.01,
  support: 0.08,
  central: 1.6,
};
const ANGSTRAUM: Process = { ...DEFECT, triageDays: 2, fixDays: 45, rejected: 0.05, duplicate: 0, notResponsible: 0, support: 0.25, central: 1.5 };

/** Relative numbers of reports per category (FixMyStreet-like: litter and roads lead). */
const CATEGORY_WEIGHT: Record<string, number> = {
  muell: 24,
  strassenschaden: 20,
  strassenbeleuchtung: 12,
  'gruen-baum': 10,
  graffiti: 8,
  'ampel-schild': 7,
  angstraum: 6,
  spielplatz: 5,
  immobilie: 4,
};
const KIND_WEIGHT: Record<CategoryKind, number> = { litter: 10, angstraum: 3, defect: 3 };

/** January … December: frost makes potholes in spring, dark evenings show broken lights, summer fills parks. */
const SEASON: Record<string, number[]> = {
  strassenschaden: [1.3, 1.6, 1.6, 1.3, 1, 0.8, 0.7, 0.7, 0.8, 0.9, 1, 1.1],
  strassenbeleuchtung: [1.4, 1.2, 1, 0.8, 0.6, 0.5, 0.5, 0.6, 0.9, 1.3, 1.5, 1.5],
  'gruen-baum': [0.8, 0.9, 0.9, 1.1, 1.3, 1.4, 1.3, 1.2, 1.1, 1, 0.9, 0.8],
  spielplatz: [0.5, 0.5, 0.8, 1.1, 1.3, 1.5, 1.6, 1.5, 1.2, 0.9, 0.6, 0.5],
  muell: [1.1, 0.9, 1, 1.1, 1.1, 1.2, 1.2, 1.2, 1, 0.9, 0.9, 1],
  graffiti: [0.9, 0.9, 1, 1.1, 1.1, 1.1, 1.1, 1.1, 1, 1, 0.9, 0.9],
  angstraum: [1.3, 1.2, 1, 0.8, 0.7, 0.6, 0.6, 0.7, 0.9, 1.2, 1.4, 1.4],
};

/** Share of reports sent without an account (confirmed by an emailed link, or never). */
const ANONYMOUS = 0.45;
const NEVER_CONFIRMED = 0.07;
const IMPRECISE = 0.03;
const HIDDEN = 0.003;
const PHOTO_SHARE = 0.01;
const MAX_SUPPORTERS = 400;

export interface Batch {
  reports: Columns<'reports'>;
  events: Columns<'events'>;
  photos: Columns<'photos'>;
  supporters: Columns<'supporters'>;
  followers: Columns<'followers'>;
  questionnaires: Columns<'questionnaires'>;
  safetyQuestionnaires: Columns<'safetyQuestionnaires'>;
  ratings: Columns<'ratings'>;
  /** Files to link after the batch is written: photo folder → shared source. */
  photoLinks: Array<{ key: string; source: string }>;
}

export function newBatch(): Batch {
  return {
    reports: new Columns('reports'),
    events: new Columns('events'),
    photos: new Columns('photos'),
    supporters: new Columns('supporters'),
    followers: new Columns('followers'),
    questionnaires: new Columns('questionnaires'),
    safetyQuestionnaires: new Columns('safetyQuestionnaires'),
    ratings: new Columns('ratings'),
    photoLinks: [],
  };
}

export interface FactoryOptions {
  seed: number;
  now: number;
  count: number;
  years: number;
  firstReportId: number;
  firstEventId: number;
  firstPhotoId: number;
  photos: SharedPhotos | null;
}

interface Candidate {
  id: number;
  lat: number;
  lon: number;
  districtId: number | null;
  created: number;
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

function bsearchCount(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const clampRating = (v: number) => Math.max(1, Math.min(5, Math.round(v)));

/** Makes the reports in order of creation; `fill` appends the next ones to a batch. */
export class ReportFactory {
  private readonly rng: Rng;
  private readonly times: Float64Array;
  private readonly sampler: PlaceSampler;
  private readonly categoryCum: Float64Array[];
  private readonly processes: Map<number, Process>;
  private readonly limit: number;
  private readonly recent = new Map<number, Candidate[]>();
  private readonly districtLookups: Array<{ lookup: AreaLookup; ids: number[] }>;
  private index = 0;
  private nextReportId: number;
  private nextEventId: number;
  private nextPhotoId: number;

  constructor(
    private readonly city: City,
    private readonly residents: Residents,
    private readonly options: FactoryOptions,
  ) {
    this.rng = createRng(options.seed);
    this.times = creationTimes(this.rng, options.count, options.now, options.years);
    this.sampler = createPlaceSampler(city.boundary, this.rng);
    this.limit = options.now - MINUTE;
    this.nextReportId = options.firstReportId;
    this.nextEventId = options.firstEventId;
    this.nextPhotoId = options.firstPhotoId;
    this.processes = new Map(
      city.categories.map((c) => [c.id, c.kind === 'litter' ? LITTER : c.kind === 'angstraum' ? ANGSTRAUM : { ...DEFECT, ...(PROCESS_BY_CODE[c.code] ?? {}) }]),
    );
    this.categoryCum = Array.from({ length: 12 }, (_, month) => {
      const cum = new Float64Array(city.categories.length);
      let sum = 0;
      for (const [i, c] of city.categories.entries()) {
        sum += (CATEGORY_WEIGHT[c.code] ?? KIND_WEIGHT[c.kind]) * (SEASON[c.code]?.[month] ?? 1);
        cum[i] = sum;
      }
      return cum;
    });
    if (residents.createdAt.length === 0) throw new Error('The generator needs residents');
    // Like the app: a Stadtbezirk if one contains the point, else any other district.
    const bezirke = city.districts.filter((d) => d.kind === 'stadtbezirk');
    const others = city.districts.filter((d) => d.kind !== 'stadtbezirk');
    this.districtLookups = [bezirke, others].filter((l) => l.length > 0).map((l) => ({ lookup: createAreaLookup(l), ids: l.map((d) => d.id) }));
  }

  get done(): number {
    return this.index;
  }

  /** Appends reports until `count` more are made or all are done. */
  fill(batch: Batch, count: number): void {
    const end = Math.min(this.options.count, this.index + count);
    while (this.index < end) this.make(batch, this.times[this.index++]!);
  }

  private districtFor(lon: number, lat: number): number | null {
    for (const { lookup, ids } of this.districtLookups) {
      const i = lookup.find(lon, lat);
      if (i >= 0) return ids[i]!;
    }
    return null;
  }

  private residentsAt(t: number): number {
    return bsearchCount(this.residents.createdAt, t);
  }

  private answers(category: CityCategory, created: number): string {
    const rng = this.rng;
    const out: Record<string, string | number | string[]> = {};
    for (const q of category.questions) {
      const keys = q.options.map((o) => o.key);
      switch (q.datatype) {
        case 'singlevaluelist':
          if (keys.length > 0 && (q.required || rng.chance(0.7))) out[q.code] = rng.pick(keys);
          break;
        case 'multivaluelist':
          if (keys.length > 0 && (q.required || rng.chance(0.6))) {
            const first = rng.pick(keys);
            const second = rng.chance(0.4) ? rng.pick(keys) : first;
            out[q.code] = keys.filter((k) => k === first || k === second);
          }
          break;
        case 'text':
          if (q.required || rng.chance(0.3)) out[q.code] = /nummer|nr/.test(q.code) ? String(rng.int(1000, 9999)) : 'siehe Beschreibung';
          break;
        case 'number':
          if (q.required || rng.chance(0.3)) out[q.code] = rng.int(1, 20);
          break;
        case 'datetime':
          if (q.required || rng.chance(0.3)) out[q.code] = new Date(created - rng.int(0, 5) * DAY).toISOString().slice(0, 10);
          break;
      }
    }
    return JSON.stringify(out);
  }

  private staffOf(departmentId: number | null): number | null {
    const list = (departmentId !== null ? this.city.staffByDepartment.get(departmentId) : undefined) ?? this.city.moderators;
    return list.length > 0 ? this.rng.pick(list) : null;
  }

  private make(b: Batch, t0: number): void {
    const { rng, city } = this;
    const limit = this.limit;
    const month = new Date(t0).getUTCMonth();
    const category = city.categories[pickCumulative(this.categoryCum[month]!, rng.next())]!;
    const process = this.processes.get(category.id)!;
    const id = this.nextReportId++;
    // How it ends is drawn first: a duplicate is placed next to the report it repeats.
    const outcome = this.outcome(process, category.id, t0);

    // Place.
    let place = this.sampler.sample(process.central);
    if (outcome.kind === 'duplicate') {
      // A few metres from the original, or exactly on it when that would leave the city.
      const near = {
        lon: Math.round((outcome.of.lon + rng.gauss() * 0.00015) * 1e6) / 1e6,
        lat: Math.round((outcome.of.lat + rng.gauss() * 0.0001) * 1e6) / 1e6,
      };
      place = { ...place, ...(this.sampler.inside(near.lon, near.lat) ? near : { lon: outcome.of.lon, lat: outcome.of.lat }) };
    }
    const precise = outcome.kind === 'duplicate' || !rng.chance(IMPRECISE);
    const lat = precise ? place.lat : city.centre.lat;
    const lon = precise ? place.lon : city.centre.lon;
    const districtId = precise ? this.districtFor(lon, lat) : null;
    const departmentId = (districtId !== null ? city.routing.get(`${category.id}:${districtId}`) : undefined) ?? category.department_id;
    const streets = demo.STREETS[place.stadtteil.bezirk] ?? ['Hauptstraße', 'Bahnhofstraße'];
    const street = rng.pick(streets);
    const number = rng.int(1, 140);
    const address = !precise
      ? `${rng.pick(text.DESCRIBED_PLACES)}, ${place.stadtteil.name}`
      : rng.chance(0.8)
        ? rng.pick(demo.ADDRESS_FORMS)(street, number, rng.pick(streets))
        : '';
    let description = rng.pick(demo.DESCRIPTIONS[category.code] ?? text.GENERIC_DESCRIPTIONS).replace('{n}', String(number));
    if (rng.chance(0.35)) description += ` ${rng.pick(text.DESCRIPTION_ADDITIONS)}`;

    // Who reports.
    const first = rng.pick(demo.FIRST_NAMES);
    const last = rng.pick(demo.LAST_NAMES);
    const named = rng.chance(0.55);
    const anonymous = rng.chance(ANONYMOUS);

    // The timeline. `at` keeps times ascending and inside the past; null means "not yet".
    let lastAt = t0;
    const at = (t: number, office = true): number | null => {
      const x = Math.max(Math.round(office ? officeHours(t) : t), lastAt + MINUTE);
      if (x > limit) return null;
      lastAt = x;
      return x;
    };
    let status: ReportStatus = anonymous ? 'unconfirmed' : 'new';
    let lastEventId = 0;
    let lastEventAt = t0;
    const event = (kind: string, when: number, isPublic: boolean, actor: number | null, e: { to?: ReportStatus; body?: string; data?: string } = {}) => {
      lastEventId = this.nextEventId++;
      lastEventAt = when;
      b.events.push({
        id: lastEventId,
        report_id: id,
        kind,
        public: isPublic,
        actor_user_id: actor,
        from_status: e.to ? status : null,
        to_status: e.to ?? null,
        body: e.body ?? '',
        data: e.data ?? '{}',
        created_at: when,
      });
      if (e.to) status = e.to;
      return lastEventId;
    };
    b.events.push({
      id: this.nextEventId,
      report_id: id,
      kind: 'created',
      public: true,
      actor_user_id: null,
      from_status: null,
      to_status: status,
      body: '',
      data: '{}',
      created_at: t0,
    });
    lastEventId = this.nextEventId++;

    let confirmedAt: number | null = anonymous ? null : t0;
    let closeReason: string | null = null;
    let closeNote: string | null = null;
    let duplicateOf: number | null = null;
    let fixedAt: number | null = null;
    let hidden = false;
    let reviewedAt: number | null = null;
    let reviewedBy: number | null = null;
    const measures: Array<{ id: number; at: number; effect: number }> = [];
    let questionnaire: { due: number; sent: number; answered: number | null; answer: string | null; comment: string } | null = null;

    if (anonymous && !rng.chance(NEVER_CONFIRMED)) {
      const when = at(t0 + lognormal(rng, 15 * MINUTE, 1.2), false);
      if (when !== null) {
        event('confirmed', when, false, null, { to: 'new' });
        confirmedAt = when;
      }
    }
    const isPublicReport = status !== 'unconfirmed';
    const publicAt = confirmedAt ?? t0;

    // The reporter: a resident who had an account by then (confirming by link creates one).
    let userId: number | null = null;
    let email: string;
    if (isPublicReport) {
      const eligible = Math.max(1, this.residentsAt(publicAt));
      userId = this.residents.firstId + Math.floor(eligible * rng.next() ** 2);
      email = residentEmail(userId);
    } else {
      email = `${ascii(first)}.${ascii(last)}${rng.int(1, 999)}@example.de`;
    }

    const photo = isPublicReport && this.options.photos && rng.chance(PHOTO_SHARE) ? this.options.photos.get(category.code) : undefined;
    const photoSource = photo && photo.length > 0 ? rng.pick(photo) : null;
    const photoId: number | null = photoSource ? this.nextPhotoId++ : null;
    let photoStatus = 'pending';
    const firstStaffAction = (when: number, handler: number | null) => {
      if (photoId === null || photoStatus !== 'pending') return;
      photoStatus = rng.chance(0.92) ? 'approved' : 'hidden';
      const moderator = this.staffOf(null) ?? handler;
      event(photoStatus === 'approved' ? 'photo_approved' : 'photo_hidden', when, photoStatus === 'approved', moderator, { data: `{"photoId":${photoId}}` });
    };

    const handler = this.staffOf(departmentId);
    if (isPublicReport) {
      if (category.kind === 'angstraum') {
        const r = this.angstraum(category, process, publicAt, at, event, handler, measures);
        if (r.reviewedAt !== null) {
          reviewedAt = r.reviewedAt;
          reviewedBy = r.reviewedBy;
        }
        closeReason = r.closeReason;
        closeNote = r.closeNote;
      } else {
        const triage = at(publicAt + lognormal(rng, process.triageDays * DAY, 1));
        if (triage !== null) {
          firstStaffAction(triage, handler);
          if (rng.chance(HIDDEN)) {
            event('hidden', triage, false, this.staffOf(null) ?? handler, { body: rng.pick(text.HIDE_NOTES) });
            hidden = true;
          } else {
            if (rng.chance(0.02) && city.categories.length > 1) {
              const from = rng.pick(city.categories.filter((c) => c.id !== category.id));
              event('category', triage, true, handler, {
                data: JSON.stringify({ fromDe: from.name_de, fromEn: from.name_en, toDe: category.name_de, toEn: category.name_en, toId: category.id }),
              });
            }
            if (rng.chance(0.03) && departmentId !== null && city.departments.length > 1) {
              const from = rng.pick(city.departments.filter((d) => d.id !== departmentId));
              const to = city.departments.find((d) => d.id === departmentId)!;
              const when = at(triage + HOUR);
              if (when !== null)
                event('department', when, true, this.staffOf(from.id) ?? handler, { data: JSON.stringify({ to: to.name, toId: to.id, from: from.name }) });
            }
            const r = this.work(category, process, outcome, triage, at, event, handler);
            closeReason = r.closeReason;
            closeNote = r.closeNote;
            duplicateOf = r.duplicateOf;
            fixedAt = r.fixedAt;
            questionnaire = r.questionnaire;
          }
        }
      }
    }

    // Supporters ("me too"): distinct residents, never the reporter; heavy-tailed, so a few reports gather hundreds.
    const supporters: Array<{ user: number; at: number }> = [];
    if (isPublicReport && !hidden && closeReason !== 'duplicate' && rng.chance(process.support)) {
      const until = Math.min(limit, (closeReason ? lastAt : limit) + 7 * DAY);
      const eligible = this.residentsAt(until);
      const wanted = Math.min(MAX_SUPPORTERS, eligible - 1, Math.floor(rng.next() ** (-1 / 1.35)));
      const seen = new Set<number>([userId ?? -1]);
      for (let k = 0; k < wanted * 3 && supporters.length < wanted; k++) {
        const when = publicAt + (until - publicAt) * rng.next() ** 2;
        const n = this.residentsAt(when);
        if (n === 0) continue;
        const user = this.residents.firstId + Math.floor(rng.next() * n);
        if (seen.has(user)) continue;
        seen.add(user);
        supporters.push({ user, at: Math.round(when) });
        b.supporters.push({ report_id: id, supporter_key: `u:${user}`, user_id: user, created_at: Math.round(when) });
      }
    }

    // Followers have been told everything so far (else the status-mail job would mail the whole history).
    const followers: string[] = [];
    if (isPublicReport && closeReason !== 'duplicate') {
      const follow = (address: string, when: number) => {
        followers.push(address);
        b.followers.push({
          report_id: id,
          email: address,
          unsubscribe_token_hash: `bench:${id}:${followers.length}`,
          last_notified_event_id: lastEventId,
          created_at: when,
        });
      };
      if (rng.chance(0.9)) follow(email, publicAt);
      for (const s of supporters) if (rng.chance(0.85)) follow(residentEmail(s.user), s.at);
      if (rng.chance(0.05)) {
        const n = this.residentsAt(limit);
        const user = this.residents.firstId + Math.floor(rng.next() * n);
        const address = residentEmail(user);
        if (!followers.includes(address)) follow(address, Math.round(publicAt + (limit - publicAt) * rng.next()));
      }
    }

    if (questionnaire) {
      b.questionnaires.push({
        report_id: id,
        email,
        token_hash: `bench:${id}`,
        due_at: questionnaire.due,
        sent_at: questionnaire.sent,
        answered_at: questionnaire.answered,
        answer: questionnaire.answer,
        comment: questionnaire.comment,
      });
    }

    if (reviewedAt !== null) this.ratings(b, id, reviewedAt, measures);
    const latest = measures.at(-1);
    if (latest) {
      // "Do you feel safer?" for the newest measure, sent to the reporter and everyone following the place.
      const due = latest.at + city.angstraumWeeks * 7 * DAY;
      if (due <= limit) {
        for (const address of new Set([email, ...followers])) {
          const answered = rng.chance(0.65) ? Math.round(due + HOUR + lognormal(rng, DAY, 1)) : null;
          const ok = answered !== null && answered <= limit;
          const answer = !ok ? null : latest.effect > 0.4 ? (rng.chance(0.8) ? 'yes' : 'unknown') : rng.chance(0.6) ? 'no' : 'unknown';
          b.safetyQuestionnaires.push({
            report_id: id,
            measure_event_id: latest.id,
            email: address,
            token_hash: `bench:${id}:${latest.id}:${b.safetyQuestionnaires.length}`,
            due_at: due,
            sent_at: due + HOUR,
            answered_at: ok ? answered : null,
            answer,
          });
        }
      }
    }

    if (photoSource && photoId !== null) {
      const key = `reports/bench-${photoId}`;
      b.photos.push({
        id: photoId,
        report_id: id,
        storage_key: key,
        width: photoSource.width,
        height: photoSource.height,
        status: photoStatus,
        created_at: t0,
      });
      b.photoLinks.push({ key, source: photoSource.base });
    }
    b.reports.push({
      id,
      category_id: category.id,
      department_id: departmentId,
      district_id: districtId,
      status,
      close_reason: closeReason,
      close_note: closeNote,
      duplicate_of: duplicateOf,
      lat,
      lon,
      address,
      location_precise: precise,
      description,
      answers: this.answers(category, t0),
      user_id: userId,
      reporter_name: named ? `${first} ${last}` : '',
      reporter_email: email,
      reporter_phone: rng.chance(0.04) ? `0231 ${rng.int(100000, 9999999)}` : null,
      show_name: named && rng.chance(0.3),
      hidden,
      supporters_count: supporters.length,
      created_at: t0,
      confirmed_at: confirmedAt,
      updated_at: lastEventAt,
      fixed_at: fixedAt,
      reviewed_at: reviewedAt,
      reviewed_by: reviewedBy,
    });

    // A public, precise report can be the original of later duplicates of its category.
    if (isPublicReport && !hidden && precise && closeReason !== 'duplicate') {
      const list = this.recent.get(category.id) ?? [];
      this.recent.set(category.id, list);
      list.push({ id, lat, lon, districtId, created: t0 });
      if (list.length > 300) list.splice(0, list.length - 200);
    }
  }

  /** How the report ends, decided up front; a duplicate needs a recent report of its category to repeat. */
  private outcome(
    p: Process,
    categoryId: number,
    t0: number,
  ): { kind: 'done' | 'rejected' | 'not_responsible' | 'backlog' } | { kind: 'duplicate'; of: Candidate } {
    const rng = this.rng;
    const r = rng.next();
    if (r < p.duplicate) {
      const list = this.recent.get(categoryId) ?? [];
      const pick = list[list.length - 1 - Math.floor(rng.next() * Math.min(list.length, 50))];
      if (pick && t0 - pick.created < 60 * DAY) return { kind: 'duplicate', of: pick };
      return { kind: 'done' };
    }
    if (r < p.duplicate + p.rejected) return { kind: 'rejected' };
    if (r < p.duplicate + p.rejected + p.notResponsible) return { kind: 'not_responsible' };
    return rng.chance(p.backlog) ? { kind: 'backlog' } : { kind: 'done' };
  }

  /** The process after triage; `start` is the time of the triage (the first staff action). */
  private work(
    category: CityCategory,
    p: Process,
    outcome: ReturnType<ReportFactory['outcome']>,
    start: number,
    at: (t: number, office?: boolean) => number | null,
    event: (kind: string, when: number, isPublic: boolean, actor: number | null, e?: { to?: ReportStatus; body?: string; data?: string }) => number,
    handler: number | null,
  ) {
    const rng = this.rng;
    const result = {
      closeReason: null as string | null,
      closeNote: null as string | null,
      duplicateOf: null as number | null,
      fixedAt: null as number | null,
      questionnaire: null as { due: number; sent: number; answered: number | null; answer: string | null; comment: string } | null,
    };
    let t = start;
    const step = (median: number, sigma = 0.9) => {
      const when = at(t + lognormal(rng, median, sigma));
      if (when !== null) t = when;
      return when;
    };
    const first = at(start);
    if (first === null) return result;
    t = first;
    const internal = (chance: number) => {
      if (rng.chance(chance) && step(2 * DAY) !== null) event('internal_note', t, false, handler, { body: rng.pick(demo.INTERNAL_NOTES) });
    };
    switch (outcome.kind) {
      case 'duplicate': {
        const body = rng.pick(demo.DUPLICATE_NOTES);
        event('duplicate', t, true, handler, { to: 'closed', body, data: `{"of":${outcome.of.id},"closeReason":"duplicate"}` });
        return { ...result, closeReason: 'duplicate', closeNote: body, duplicateOf: outcome.of.id };
      }
      case 'rejected': {
        if (rng.chance(0.5)) {
          event('status', t, true, handler, { to: 'confirmed' });
          if (step(3 * DAY) === null) return result;
        }
        const body = rng.pick(demo.REJECT_REASONS);
        event('rejected', t, true, handler, { to: 'closed', body, data: '{"closeReason":"rejected"}' });
        return { ...result, closeReason: 'rejected', closeNote: body };
      }
      case 'not_responsible': {
        internal(0.5);
        if (step(DAY) === null) return result;
        const [who, body] = rng.pick(demo.NOT_RESPONSIBLE);
        event('not_responsible', t, true, handler, { to: 'closed', body, data: JSON.stringify({ who, closeReason: 'not_responsible' }) });
        return { ...result, closeReason: 'not_responsible', closeNote: body };
      }
      default:
        break;
    }
    if (rng.chance(p.confirmStep)) event('status', t, true, handler, { to: 'confirmed' });
    if (outcome.kind === 'backlog') return result;
    internal(0.3);
    if (rng.chance(p.inProgressStep)) {
      if (step(0.3 * p.fixDays * DAY) === null) return result;
      event('status', t, true, handler, { to: 'in_progress' });
      if (rng.chance(0.35) && step(0.15 * p.fixDays * DAY) !== null) {
        event('public_note', t, true, handler, { body: rng.pick(demo.PUBLIC_NOTES[category.code] ?? ['Danke für den Hinweis, wir kümmern uns.']) });
      }
    }
    if (step(0.6 * p.fixDays * DAY) === null) return result;
    if (rng.chance(p.closeDirect)) {
      event('status', t, true, handler, { to: 'closed', data: '{"closeReason":"done"}' });
      return { ...result, closeReason: 'done' };
    }
    const fixNote = rng.chance(0.35) ? rng.pick(demo.PUBLIC_NOTES[category.code] ?? ['Erledigt.']) : '';
    event('status', t, true, handler, { to: 'fixed', body: fixNote });
    result.fixedAt = t;
    const weeks = category.questionnaire_weeks;
    const due = weeks > 0 ? t + weeks * 7 * DAY : Number.POSITIVE_INFINITY;
    const closeAt = rng.chance(p.closeAfterFix) ? t + lognormal(rng, 10 * DAY, 0.8) : Number.POSITIVE_INFINITY;
    if (closeAt < due) {
      const when = at(closeAt);
      if (when !== null) {
        event('status', when, true, handler, { to: 'closed', data: '{"closeReason":"done"}' });
        result.closeReason = 'done';
      }
      return result;
    }
    if (due > this.limit) return result;
    // Weeks later the reporter is asked whether it really is fixed; "no" reopens it (the app's questionnaire).
    const sent = Math.round(due + rng.int(1, 30) * MINUTE);
    const q = { due: Math.round(due), sent, answered: null as number | null, answer: null as string | null, comment: '' };
    result.questionnaire = q;
    if (!rng.chance(0.55)) return result;
    const answeredAt = at(sent + lognormal(rng, 20 * HOUR, 1), false);
    if (answeredAt === null) return result;
    const answer = rng.weighted([
      ['yes', 70],
      ['unknown', 16],
      ['no', 14],
    ] as const);
    q.answered = answeredAt;
    q.answer = answer;
    event('questionnaire', answeredAt, true, null, { data: `{"answer":"${answer}"}` });
    if (answer === 'no' ? rng.chance(0.7) : rng.chance(0.1)) {
      q.comment = rng.pick(demo.NO_COMMENTS) || 'Nicht behoben.';
      const when = at(answeredAt, false);
      if (when !== null) event('questionnaire_comment', when, false, null, { body: q.comment, data: `{"answer":"${answer}"}` });
    }
    if (answer !== 'no') return result;
    const reopenAt = at(answeredAt, false);
    if (reopenAt === null) return result;
    event('reopened', reopenAt, true, null, { to: 'in_progress', data: '{"by":"questionnaire"}' });
    result.fixedAt = null;
    t = reopenAt;
    if (rng.chance(0.3) && step(DAY) !== null)
      event('public_note', t, true, handler, { body: 'Danke für die Rückmeldung. Wir sehen uns die Stelle noch einmal an.' });
    if (rng.chance(0.8) && step(0.5 * p.fixDays * DAY) !== null) {
      event('status', t, true, handler, { to: 'fixed' });
      result.fixedAt = t;
    }
    return result;
  }

  /** Angsträume: reviewed by staff before they are public, then measures, news and sometimes closing. */
  private angstraum(
    category: CityCategory,
    p: Process,
    publicAt: number,
    at: (t: number, office?: boolean) => number | null,
    event: (kind: string, when: number, isPublic: boolean, actor: number | null, e?: { to?: ReportStatus; body?: string; data?: string }) => number,
    handler: number | null,
    measures: Array<{ id: number; at: number; effect: number }>,
  ): { reviewedAt: number | null; reviewedBy: number | null; closeReason: string | null; closeNote: string | null } {
    const rng = this.rng;
    const none = { reviewedAt: null, reviewedBy: null, closeReason: null, closeNote: null };
    const review = at(publicAt + lognormal(rng, p.triageDays * DAY, 0.8));
    if (review === null) return none;
    if (rng.chance(p.rejected)) {
      const body = rng.pick(demo.REJECT_REASONS);
      event('rejected', review, true, handler, { to: 'closed', body, data: '{"closeReason":"rejected"}' });
      return { ...none, closeReason: 'rejected', closeNote: body };
    }
    event('angstraum_reviewed', review, false, handler, { data: `{"edited":${rng.chance(0.25)}}` });
    const result = { reviewedAt: review, reviewedBy: handler, closeReason: null as string | null, closeNote: null as string | null };
    let t = review;
    const step = (median: number, sigma = 0.7) => {
      const when = at(t + lognormal(rng, median, sigma));
      if (when !== null) t = when;
      return when;
    };
    const count = rng.weighted([
      [0, 35],
      [1, 35],
      [2, 20],
      [3, 10],
    ] as const);
    if (step(4 * DAY) === null) return result;
    event('status', t, true, handler, { to: count > 0 ? 'in_progress' : 'confirmed' });
    for (let m = 0; m < count; m++) {
      if (rng.chance(0.3) && step(20 * DAY) !== null) {
        event('public_note', t, true, handler, { body: rng.pick(demo.PUBLIC_NOTES[category.code] ?? ['Wir prüfen den Ort.']) });
      }
      if (step(45 * DAY) === null) return result;
      const type: MeasureType = rng.pick(MEASURE_TYPES);
      const id = event('measure', t, true, handler, { body: rng.pick(text.MEASURE_TEXTS[type]), data: `{"type":"${type}"}` });
      measures.push({
        id,
        at: t,
        effect: rng.weighted([
          [1, 6],
          [0.5, 3],
          [0, 2],
          [-0.4, 1],
        ] as const),
      });
    }
    if (measures.length > 0 && rng.chance(0.3) && step(60 * DAY) !== null) {
      event('status', t, true, handler, { to: 'closed', data: '{"closeReason":"done"}' });
      result.closeReason = 'done';
    } else if (rng.chance(0.4) && step(30 * DAY) !== null) {
      event('public_note', t, true, handler, { body: rng.pick(demo.PUBLIC_NOTES[category.code] ?? ['Wir beobachten den Ort weiter.']) });
    }
    return result;
  }

  /** Residents rate a reviewed place (day and night, 1–5); measures shift the ratings that follow them. */
  private ratings(b: Batch, reportId: number, reviewedAt: number, measures: ReadonlyArray<{ at: number; effect: number }>): void {
    const rng = this.rng;
    const n = rng.weighted([
      [0, 30],
      [2, 20],
      [4, 20],
      [6, 15],
      [8, 10],
      [12, 5],
    ] as const);
    const baseDay = 2 + rng.next() * 1.5;
    const baseNight = 1 + rng.next() * 1.2;
    const seen = new Set<number>();
    for (let k = 0; k < n * 2 && seen.size < n; k++) {
      const when = Math.round(reviewedAt + DAY + (this.limit - reviewedAt - DAY) * rng.next());
      if (when <= reviewedAt) continue;
      const eligible = this.residentsAt(when);
      if (eligible === 0) continue;
      const user = this.residents.firstId + Math.floor(rng.next() * eligible);
      if (seen.has(user)) continue;
      seen.add(user);
      const shift = measures.reduce((s, m) => (m.at < when ? s + m.effect : s), 0);
      b.ratings.push({
        report_id: reportId,
        user_id: user,
        day: clampRating(baseDay + shift + rng.gauss() * 0.7),
        night: clampRating(baseNight + shift * 1.2 + rng.gauss() * 0.7),
        created_at: when,
      });
    }
  }
}

/** Times for residents' accounts, ascending: a few before the window, the rest joining over it. */
export function residentTimes(seed: number, count: number, now: number, years: number): Float64Array {
  const rng = createRng(seed ^ 0x52455349);
  const start = now - years * 365 * DAY;
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = rng.chance(0.05) ? start - rng.next() * 365 * DAY : start + (now - MINUTE - start) * rng.next();
  }
  return out.sort();
}
