import type { Organization } from '../../db-schema';
import type { Db } from '../../platform/db/connect';
import type { FileStorage } from '../../platform/files/storage';
import { PHOTO_SIZES, type PhotoSize, type ProcessedPhoto, processPhoto } from '../../platform/files/photos';
import { normaliseEmail } from '../../platform/http/form';
import type { SessionUser } from '../../platform/http/sessions';
import { type Locale, translator } from '../../platform/i18n';
import { enqueueMail } from '../../platform/mail/outbox';
import { hashToken, randomToken } from '../../platform/security/tokens';
import { issueToken, residentForEmail, spendToken } from '../accounts/account.service';
import { districtsAt } from '../organizations/organization.service';
import { messages } from './messages';
import { boxAround, distanceMeters, LIMITS, parseCoordinate, type Question, validateAnswers } from './report';
import * as q from './report.queries';

export interface ReportDeps {
  db: Db;
  storage: FileStorage;
  secret: string;
  publicUrl: URL;
}

type Org = Pick<Organization, 'id' | 'name'>;
export type MessageKey = keyof (typeof messages)['de'];
/** A validation problem: a message key and its parameters, translated by the page that shows it. */
export interface Problem {
  key: MessageKey;
  params?: Record<string, string | number>;
}
export type Problems = Record<string, Problem>;

export const CONFIRM_DAYS = 7;

export function photoKey(base: string, size: PhotoSize): string {
  return `${base}/${size}.jpg`;
}

export async function categoryQuestions(db: Db, categoryId: number, locale: Locale): Promise<Question[]> {
  const rows = await q.questionsOf(db, [categoryId]);
  return rows.map((r) => ({
    code: r.code,
    datatype: r.datatype,
    label: locale === 'de' ? r.label_de : r.label_en,
    required: r.required,
    options: ((r.options as Array<{ key: string; de: string; en: string }>) ?? []).map((o) => ({ key: o.key, label: locale === 'de' ? o.de : o.en })),
  }));
}

export interface Located {
  lat: number;
  lon: number;
  districtId: number | null;
  inside: boolean;
}

/** Is the point inside the city (when the city has a boundary), and which district holds it? */
export async function locate(db: Db, organizationId: number, lat: number, lon: number): Promise<Located> {
  const [hits, boundary] = await Promise.all([districtsAt(db, organizationId, lon, lat), q.hasCityBoundary(db, organizationId)]);
  const inside = !boundary || hits.some((d) => d.kind === 'stadtgrenze');
  const district = hits.find((d) => d.kind === 'stadtbezirk') ?? hits.find((d) => d.kind !== 'stadtgrenze');
  return { lat, lon, districtId: district?.id ?? null, inside };
}

export async function nearbyOpenReports(db: Db, organizationId: number, categoryId: number, lat: number, lon: number) {
  const rows = await q.openReportsNear(db, organizationId, categoryId, boxAround(lat, lon, LIMITS.nearbyMeters));
  return rows
    .map((r) => ({ ...r, distance: Math.round(distanceMeters({ lat, lon }, r)) }))
    .filter((r) => r.distance <= LIMITS.nearbyMeters)
    .sort((a, b) => a.distance - b.distance);
}

export interface LocationInput {
  categoryId: string;
  lat: string;
  lon: string;
  address: string;
}

export interface CheckedLocation {
  categoryId: number;
  lat: number;
  lon: number;
  address: string;
  precise: boolean;
  districtId: number | null;
}

/**
 * Step one of the form: a category and a place. A place is a point, or only a description when no point
 * could be chosen (the geocoder is down, no JavaScript): then the report gets a stand-in point the city
 * corrects later.
 */
export async function checkLocation(db: Db, org: Org, input: LocationInput, fallbackPoint: { lat: number; lon: number } | null): Promise<{ ok: true; value: CheckedLocation } | { ok: false; errors: Problems }> {
  const errors: Problems = {};
  const categoryId = /^\d{1,9}$/.test(input.categoryId) ? Number(input.categoryId) : 0;
  const category = categoryId ? await q.findCategory(db, org.id, categoryId) : undefined;
  if (!category?.active) errors.categoryId = { key: 'err.category' };
  const address = input.address.trim();
  if (address.length > LIMITS.addressMax) errors.address = { key: 'err.tooLong', params: { max: LIMITS.addressMax } };
  const lat = input.lat ? parseCoordinate(input.lat, 'lat') : null;
  const lon = input.lon ? parseCoordinate(input.lon, 'lon') : null;
  let located: Located | null = null;
  if (lat !== null && lon !== null) {
    located = await locate(db, org.id, lat, lon);
    if (!located.inside) errors.location = { key: 'err.outside', params: { city: org.name } };
  } else if (!address || !fallbackPoint) {
    errors.location = { key: 'err.location' };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (located) return { ok: true, value: { categoryId, lat: located.lat, lon: located.lon, address, precise: true, districtId: located.districtId } };
  return { ok: true, value: { categoryId, lat: fallbackPoint!.lat, lon: fallbackPoint!.lon, address, precise: false, districtId: null } };
}

export interface DetailsInput {
  description: string;
  answers: Record<string, string | string[] | undefined>;
  name: string;
  email: string;
  showName: boolean;
  idempotencyKey: string;
  photos: Array<{ filename: string; data: Buffer }>;
}

export type CreateResult =
  | { ok: true; reportId: number; status: 'unconfirmed' | 'new'; email: string | null; repeated: boolean }
  | { ok: false; errors: Problems };

/**
 * Creates a report with its photos in one transaction. Files are written first under fresh keys and
 * removed again if the transaction fails; a crash in between leaves files no row points to, which the
 * cleanup job deletes. The idempotency key makes a double submit return the first report.
 */
export async function createReport(deps: ReportDeps, org: Org, where: CheckedLocation, input: DetailsInput, user: SessionUser | null, locale: Locale): Promise<CreateResult> {
  const { db } = deps;
  const errors: Problems = {};
  const category = await q.findCategory(db, org.id, where.categoryId);
  if (!category?.active) return { ok: false, errors: { categoryId: { key: 'err.category' } } };
  const description = input.description.trim();
  if (!description) errors.description = { key: 'err.description' };
  else if ([...description].length > LIMITS.descriptionMax) errors.description = { key: 'err.tooLong', params: { max: LIMITS.descriptionMax } };
  const name = input.name.trim();
  if ([...name].length > LIMITS.nameMax) errors.name = { key: 'err.tooLong', params: { max: LIMITS.nameMax } };
  let email: string | null = null;
  if (!user) {
    email = normaliseEmail(input.email);
    if (!input.email.trim()) errors.email = { key: 'err.emailRequired' };
    else if (!email) errors.email = { key: 'err.email' };
  }
  const questions = await categoryQuestions(db, category.id, locale);
  const checked = validateAnswers(questions, input.answers);
  for (const [code, problem] of Object.entries(checked.errors)) {
    errors[`answer.${code}`] = { key: `err.answer.${problem}`, params: { label: questions.find((x) => x.code === code)?.label ?? code } };
  }

  const repeated = input.idempotencyKey ? await q.findByIdempotencyKey(db, org.id, input.idempotencyKey) : undefined;
  if (repeated) return { ok: true, reportId: repeated.id, status: repeated.status === 'unconfirmed' ? 'unconfirmed' : 'new', email: email ?? user?.email ?? null, repeated: true };

  if (input.photos.length > LIMITS.photosMax) errors.photos = { key: 'err.photoCount' };
  const processed: ProcessedPhoto[] = [];
  if (!errors.photos) {
    for (const photo of input.photos) {
      const result = await processPhoto(photo.data, LIMITS.photoBytesMax);
      if ('problem' in result) {
        const key = ({ type: 'err.photoType', tooLarge: 'err.photoTooLarge', dimensions: 'err.photoDimensions', corrupt: 'err.photoCorrupt' } as const)[result.problem];
        errors.photos = { key, params: { file: photo.filename.slice(0, 80) || 'Foto' } };
        break;
      }
      processed.push(result);
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  // Only a description of the place? A photo's GPS position (read before the metadata was stripped) gives the
  // point, as long as it lies in the city.
  if (!where.precise) {
    for (const gps of processed.map((p) => p.gps)) {
      if (!gps) continue;
      const located = await locate(db, org.id, gps.lat, gps.lon);
      if (located.inside) {
        where = { ...where, lat: gps.lat, lon: gps.lon, districtId: located.districtId, precise: true };
        break;
      }
    }
  }

  const bases = processed.map(() => `reports/${randomToken(12).toLowerCase().replace(/[^a-z0-9]/g, '0')}`);
  const written: string[] = [];
  try {
    for (const [i, photo] of processed.entries()) {
      for (const size of Object.keys(PHOTO_SIZES) as PhotoSize[]) {
        const key = photoKey(bases[i]!, size);
        await deps.storage.put(key, photo.variants[size]);
        written.push(key);
      }
    }
    const status = user ? 'new' : 'unconfirmed';
    const contactEmail = user?.email ?? email;
    const outcome = await db.transaction().execute(async (trx) => {
      const departmentId = where.districtId ? ((await q.routingRule(trx, category.id, where.districtId))?.department_id ?? category.department_id) : category.department_id;
      const inserted = await q.insertReport(trx, {
        organizationId: org.id,
        categoryId: category.id,
        departmentId,
        districtId: where.districtId,
        status,
        lat: where.lat,
        lon: where.lon,
        address: where.address,
        locationPrecise: where.precise,
        description,
        answers: checked.answers,
        userId: user?.id ?? null,
        reporterName: name,
        reporterEmail: contactEmail,
        showName: input.showName && name !== '',
        idempotencyKey: input.idempotencyKey || null,
      });
      if (!inserted) return null;
      for (const [i, photo] of processed.entries()) {
        await q.insertPhoto(trx, { reportId: inserted.id, storageKey: bases[i]!, width: photo.width, height: photo.height, sort: i });
      }
      await q.insertEvent(trx, { organizationId: org.id, reportId: inserted.id, kind: 'created', public: true, toStatus: status });
      if (status === 'new') {
        await afterPublication(trx, deps, org, inserted.id);
      } else if (email) {
        const t = translator(messages, locale);
        const token = await issueToken(trx, org, 'report_confirm', null, email, CONFIRM_DAYS * 24 * 60, { reportId: inserted.id });
        await enqueueMail(trx, {
          organization_id: org.id,
          to_address: email,
          subject: t('mail.confirmSubject', { city: org.name }),
          text_body: t('mail.confirmBody', { category: locale === 'de' ? category.name_de : category.name_en, link: new URL(`/meldungen/bestaetigen/${token}`, deps.publicUrl).href, city: org.name }),
          html_body: null,
        });
      }
      return inserted.id;
    });
    if (outcome === null) {
      // Lost a race against the same submission: answer like the first one did.
      for (const key of written) await deps.storage.remove(key);
      const first = await q.findByIdempotencyKey(db, org.id, input.idempotencyKey);
      return { ok: true, reportId: first!.id, status: first!.status === 'unconfirmed' ? 'unconfirmed' : 'new', email: contactEmail, repeated: true };
    }
    return { ok: true, reportId: outcome, status, email: contactEmail, repeated: false };
  } catch (err) {
    for (const key of written) await deps.storage.remove(key).catch(() => {});
    throw err;
  }
}

/** What happens once a report is public: the reporter follows it, the department hears of it. */
async function afterPublication(db: Db, deps: ReportDeps, org: Org, reportId: number): Promise<void> {
  const report = await q.publicReport(db, org.id, reportId);
  if (!report) return;
  const reporter = await db.selectFrom('reports').select(['reporter_email', 'department_id', 'description', 'address', 'lat', 'lon']).where('id', '=', reportId).executeTakeFirstOrThrow();
  if (reporter.reporter_email) await q.addFollower(db, reportId, reporter.reporter_email, hashToken(randomToken()));
  if (!reporter.department_id) return;
  const department = await q.departmentById(db, reporter.department_id);
  if (!department) return;
  if (department.open311_enabled && department.open311_endpoint) {
    await q.insertForward(db, reportId, department.id);
    return;
  }
  // Departments work in German, whatever language the resident used.
  const t = translator(messages, 'de');
  await enqueueMail(db, {
    organization_id: org.id,
    to_address: department.email,
    subject: t('mail.departmentSubject', { id: reportId, category: report.category_de }),
    text_body: t('mail.departmentBody', {
      id: reportId,
      category: report.category_de,
      place: `${reporter.address ? `${reporter.address} – ` : ''}${reporter.lat.toFixed(5)}, ${reporter.lon.toFixed(5)}`,
      district: report.district ?? '–',
      description: reporter.description,
      link: new URL(`/verwaltung/meldungen/${reportId}`, deps.publicUrl).href,
    }),
    html_body: null,
  });
}

/** The emailed link proves the address: the report goes public and the reporter is signed in. */
export async function confirmByToken(deps: ReportDeps, org: Org, token: string): Promise<{ reportId: number; userId: number } | null> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await spendToken(trx, org, token, 'report_confirm');
    const reportId = (row?.data as { reportId?: number } | undefined)?.reportId;
    if (!row || !reportId) return null;
    const confirmed = await q.confirmReport(trx, reportId);
    if (!confirmed) return null;
    const user = await residentForEmail(trx, org, row.email);
    await trx.updateTable('reports').set({ user_id: user.id }).where('id', '=', reportId).execute();
    await q.insertEvent(trx, { organizationId: org.id, reportId, kind: 'confirmed', public: false, fromStatus: 'unconfirmed', toStatus: 'new' });
    await afterPublication(trx, deps, org, reportId);
    return { reportId, userId: user.id };
  });
}

/** "Me too": one support per person however often it is sent; the supporter also follows the report. */
export async function supportReport(db: Db, org: Org, reportId: number, user: SessionUser): Promise<'added' | 'already' | 'not_found'> {
  return db.transaction().execute(async (trx) => {
    const report = await q.publicReport(trx, org.id, reportId);
    if (!report || report.hidden || report.status === 'unconfirmed') return 'not_found';
    const added = await q.addSupporter(trx, reportId, `u:${user.id}`, user.id);
    await q.addFollower(trx, reportId, user.email, hashToken(randomToken()));
    return added ? 'added' : 'already';
  });
}

export async function followReport(db: Db, org: Org, reportId: number, user: SessionUser): Promise<boolean> {
  const report = await q.publicReport(db, org.id, reportId);
  if (!report || report.hidden || report.status === 'unconfirmed') return false;
  await q.addFollower(db, reportId, user.email, hashToken(randomToken()));
  return true;
}

export async function unfollowReport(db: Db, reportId: number, user: SessionUser): Promise<void> {
  await q.removeFollower(db, reportId, user.email);
}
