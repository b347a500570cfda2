import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Organization } from '../../db-schema';
import type { Db } from '../../platform/db/connect';
import { PHOTO_SIZES, type PhotoSize, type ProcessedPhoto, processPhoto } from '../../platform/files/photos';
import type { FileStorage } from '../../platform/files/storage';
import { clientKey } from '../../platform/http/client-ip';
import { normaliseEmail } from '../../platform/http/form';
import { megabytes, type UploadedFile } from '../../platform/http/multipart-form';
import { enforce, type Limit } from '../../platform/http/rate-limit';
import type { SessionUser } from '../../platform/http/sessions';
import { type Locale, translator } from '../../platform/i18n';
import { enqueueMail } from '../../platform/mail/outbox';
import { hashToken, randomToken } from '../../platform/security/tokens';
import { issueToken, residentForEmail, spendToken } from '../accounts';
import { districtsAt } from '../organizations';
import { tellDepartment } from './department-notice';
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

export async function categoryQuestions(db: Db, organizationId: number, categoryId: number, locale: Locale): Promise<Question[]> {
  const rows = await q.questionsOf(db, organizationId, [categoryId]);
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
export async function checkLocation(
  db: Db,
  org: Org,
  input: LocationInput,
  fallbackPoint: { lat: number; lon: number } | null,
): Promise<{ ok: true; value: CheckedLocation } | { ok: false; errors: Problems }> {
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
  /** From the form: letters, digits, "-" and "_" only; anything else is treated as no key. */
  idempotencyKey: string;
  photos: PhotoInput[];
}

/**
 * A photo as bytes (tests, the seed) or as an upload's temporary file, read only when its turn comes, so a
 * report's photos are never all in memory at once.
 */
export type PhotoInput = { filename: string; data: Buffer } | { filename: string; file: UploadedFile };

// base64url, as fingerprints were stored before uploads were streamed: a repeat across an update still matches.
const photoHash = (p: PhotoInput) =>
  'data' in p ? createHash('sha256').update(p.data).digest('base64url') : Buffer.from(p.file.sha256, 'hex').toString('base64url');
const photoBytes = (p: PhotoInput) => ('data' in p ? Promise.resolve(p.data) : readFile(p.file.path));

export interface CreateOptions {
  /** Count this submission against the per-IP and per-account limits (the web forms). */
  rateLimit?: { ip: string };
  /**
   * Keys of another namespace, e.g. `open311:<api key id>`: their keys may hold any visible character and never
   * meet a form's key, because form keys cannot contain ":".
   */
  idempotencyScope?: string;
  /** What else the caller stores with the report and a repeat must match (Open311: phone, media_url …). */
  fingerprintExtra?: Record<string, string | null>;
}

export type CreateResult =
  | { ok: true; reportId: number; status: 'unconfirmed' | 'new'; email: string | null; repeated: boolean }
  | { ok: false; errors: Problems; conflict?: { reportId: number } };

/**
 * Per IP generous, because schools, libraries, offices and mobile networks put many people behind one address
 * (IPv6 per /64); per account tight, because one person rarely has more than a few new problems an hour. The
 * account is the signed-in user, or for anonymous reports the email address (which also caps confirmation
 * mails to one mailbox). Photos are counted one by one before they are decoded, since decoding is the costly
 * part even of a form that then fails validation; reports only when one is about to be created, so a resident
 * who corrects a typo does not spend their budget.
 */
export const RATE_LIMITS = {
  reportIp: { name: 'report:ip', max: 60, windowSeconds: 60 * 60 },
  reportAccount: { name: 'report:account', max: 10, windowSeconds: 60 * 60 },
  photoIp: { name: 'photo:ip', max: 200, windowSeconds: 60 * 60 },
  photoAccount: { name: 'photo:account', max: 60, windowSeconds: 60 * 60 },
} satisfies Record<string, Limit>;

const FORM_KEY = /^[A-Za-z0-9_-]{1,64}$/;

/** The subject of the per-account limits, or null when an anonymous address is not valid (yet). */
function accountSubject(user: SessionUser | null, email: string | null): string | null {
  if (user) return `user:${user.id}`;
  return email ? `email:${hashToken(email)}` : null;
}

/**
 * A hash of the submission as it will be stored: trimmed text, the normalised address (or the signed-in
 * account), answers with sorted keys, and each photo's bytes. Two sends of the same form give the same hash
 * whatever the browser did with whitespace or field order.
 */
export function submissionFingerprint(s: {
  where: CheckedLocation;
  description: string;
  answers: Record<string, string | string[] | undefined>;
  name: string;
  showName: boolean;
  reporter: string;
  /** SHA-256 of each photo's bytes (base64url). */
  photoHashes: string[];
  extra?: Record<string, string | null>;
}): string {
  const answers = Object.keys(s.answers)
    .sort()
    .map((k) => {
      const v = s.answers[k];
      const list = (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => x.trim()).filter(Boolean);
      return [k, Array.isArray(v) ? [...list].sort() : (list[0] ?? '')] as const;
    })
    .filter(([, v]) => v.length > 0);
  const canonical = [
    s.where.categoryId,
    s.where.precise ? [s.where.lat, s.where.lon] : null,
    s.where.address.trim(),
    s.description.trim(),
    answers,
    s.name.trim(),
    s.showName && s.name.trim() !== '',
    s.reporter,
    s.photoHashes,
    s.extra
      ? Object.keys(s.extra)
          .sort()
          .map((k) => [k, s.extra![k] ?? null])
      : [],
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url');
}

/**
 * Creates a report with its photos in one transaction. Files are written first under fresh keys and
 * removed again if the transaction fails; a crash in between leaves files no row points to, which the
 * cleanup job deletes. The idempotency key makes a repeat of the same submission return the first report
 * (before any limit is counted, so a resident re-sending after a lost connection is never refused), and a
 * repeat with different content a conflict.
 */
export async function createReport(
  deps: ReportDeps,
  org: Org,
  where: CheckedLocation,
  input: DetailsInput,
  user: SessionUser | null,
  locale: Locale,
  options: CreateOptions = {},
): Promise<CreateResult> {
  const { db } = deps;
  const description = input.description.trim();
  const name = input.name.trim();
  const email = user ? null : normaliseEmail(input.email);
  const formKey = options.idempotencyScope ? input.idempotencyKey : FORM_KEY.test(input.idempotencyKey) ? input.idempotencyKey : '';
  const idempotencyKey = formKey ? (options.idempotencyScope ? `${options.idempotencyScope}:${formKey}` : formKey) : null;
  const fingerprint = idempotencyKey
    ? submissionFingerprint({
        where,
        description,
        answers: input.answers,
        name,
        showName: input.showName,
        reporter: user ? `user:${user.id}` : `email:${email ?? input.email.trim().toLowerCase()}`,
        photoHashes: input.photos.map(photoHash),
        extra: options.fingerprintExtra,
      })
    : null;
  const answerTo = (first: { id: number; status: string; idempotency_fingerprint: string | null }): CreateResult => {
    // Rows from before fingerprints were stored cannot be compared; they keep the old "same key, same answer".
    if (first.idempotency_fingerprint !== null && first.idempotency_fingerprint !== fingerprint) {
      return { ok: false, errors: { idempotencyKey: { key: 'err.alreadySent' } }, conflict: { reportId: first.id } };
    }
    return {
      ok: true,
      reportId: first.id,
      status: first.status === 'unconfirmed' ? 'unconfirmed' : 'new',
      email: email ?? user?.email ?? null,
      repeated: true,
    };
  };
  const earlier = idempotencyKey ? await q.findByIdempotencyKey(db, org.id, idempotencyKey) : undefined;
  if (earlier) return answerTo(earlier);

  const errors: Problems = {};
  const category = await q.findCategory(db, org.id, where.categoryId);
  if (!category?.active) return { ok: false, errors: { categoryId: { key: 'err.category' } } };
  if (!description) errors.description = { key: 'err.description' };
  else if ([...description].length > LIMITS.descriptionMax) errors.description = { key: 'err.tooLong', params: { max: LIMITS.descriptionMax } };
  if ([...name].length > LIMITS.nameMax) errors.name = { key: 'err.tooLong', params: { max: LIMITS.nameMax } };
  if (!user) {
    if (!input.email.trim()) errors.email = { key: 'err.emailRequired' };
    else if (!email) errors.email = { key: 'err.email' };
  }
  const questions = await categoryQuestions(db, org.id, category.id, locale);
  const checked = validateAnswers(questions, input.answers);
  for (const [code, problem] of Object.entries(checked.errors)) {
    errors[`answer.${code}`] = { key: `err.answer.${problem}`, params: { label: questions.find((x) => x.code === code)?.label ?? code } };
  }

  const account = accountSubject(user, email);
  const limited = (ip: Limit, perAccount: Limit): Array<[Limit, string]> => [
    [ip, clientKey(options.rateLimit!.ip)],
    ...(account ? [[perAccount, account] as [Limit, string]] : []),
  ];
  if (input.photos.length > LIMITS.photosMax) errors.photos = { key: 'err.photoCount', params: { max: LIMITS.photosMax } };
  const processed: ProcessedPhoto[] = [];
  if (!errors.photos) {
    if (options.rateLimit && input.photos.length > 0) await enforce(db, limited(RATE_LIMITS.photoIp, RATE_LIMITS.photoAccount), input.photos.length);
    for (const photo of input.photos) {
      const result = await processPhoto(await photoBytes(photo), LIMITS.photoBytesMax);
      if ('problem' in result) {
        const key = ({ type: 'err.photoType', tooLarge: 'err.photoTooLarge', dimensions: 'err.photoDimensions', corrupt: 'err.photoCorrupt' } as const)[
          result.problem
        ];
        errors.photos = { key, params: { file: photo.filename.slice(0, 80) || 'Foto', mb: megabytes(LIMITS.photoBytesMax) } };
        break;
      }
      processed.push(result);
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (options.rateLimit) await enforce(db, limited(RATE_LIMITS.reportIp, RATE_LIMITS.reportAccount));

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

  const bases = processed.map(
    () =>
      `reports/${randomToken(12)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '0')}`,
  );
  const written: string[] = [];
  // Once the transaction has been sent, a failure may still mean it committed (the answer to COMMIT was lost):
  // from then on the files stay, and the cleanup job removes them only if no row points to them.
  let committing = false;
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
    committing = true;
    const outcome = await db.transaction().execute(async (trx) => {
      const departmentId = where.districtId
        ? ((await q.routingRule(trx, org.id, category.id, where.districtId))?.department_id ?? category.department_id)
        : category.department_id;
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
        idempotencyKey,
        idempotencyFingerprint: fingerprint,
      });
      if (!inserted) return null;
      for (const [i, photo] of processed.entries()) {
        await q.insertPhoto(trx, { organizationId: org.id, reportId: inserted.id, storageKey: bases[i]!, width: photo.width, height: photo.height, sort: i });
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
          text_body: t('mail.confirmBody', {
            category: locale === 'de' ? category.name_de : category.name_en,
            link: new URL(`/meldungen/bestaetigen/${token}`, deps.publicUrl).href,
            city: org.name,
          }),
          html_body: null,
        });
      }
      return inserted.id;
    });
    if (outcome === null) {
      // Lost a race against another submission under the same key: answer like the first one did.
      for (const key of written) await deps.storage.remove(key);
      return answerTo((await q.findByIdempotencyKey(db, org.id, idempotencyKey!))!);
    }
    return { ok: true, reportId: outcome, status, email: contactEmail, repeated: false };
  } catch (err) {
    if (!committing) for (const key of written) await deps.storage.remove(key).catch(() => {});
    throw err;
  }
}

/** What happens once a report is public: the reporter follows it, the department hears of it. */
async function afterPublication(db: Db, deps: ReportDeps, org: Org, reportId: number): Promise<void> {
  const report = await q.publicReport(db, org.id, reportId);
  if (!report) return;
  const reporter = await q.publicationDetails(db, org.id, reportId);
  if (reporter.reporter_email) await q.addFollower(db, org.id, reportId, reporter.reporter_email, hashToken(randomToken()));
  if (reporter.department_id) await tellDepartment(db, deps.publicUrl, org.id, reportId, reporter.department_id);
}

/** The emailed link proves the address: the report goes public and the reporter is signed in. */
export async function confirmByToken(deps: ReportDeps, org: Org, token: string): Promise<{ reportId: number; userId: number } | null> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await spendToken(trx, org, token, 'report_confirm');
    const reportId = (row?.data as { reportId?: number } | undefined)?.reportId;
    if (!row || !reportId) return null;
    const confirmed = await q.confirmReport(trx, org.id, reportId);
    if (!confirmed) return null;
    const user = await residentForEmail(trx, org, row.email);
    await q.setReportUser(trx, org.id, reportId, user.id);
    await q.insertEvent(trx, { organizationId: org.id, reportId, kind: 'confirmed', public: false, fromStatus: 'unconfirmed', toStatus: 'new' });
    await afterPublication(trx, deps, org, reportId);
    return { reportId, userId: user.id };
  });
}

/**
 * "Me too": one support per person however often it is sent; the supporter also follows the report. The reporter
 * cannot support their own report (`own`: nothing changes).
 */
export async function supportReport(db: Db, org: Org, reportId: number, user: SessionUser): Promise<'added' | 'already' | 'own' | 'not_found'> {
  return db.transaction().execute(async (trx) => {
    const report = await q.publicReport(trx, org.id, reportId);
    if (!report || report.hidden || report.status === 'unconfirmed') return 'not_found';
    const result = await q.addSupporter(trx, org.id, reportId, `u:${user.id}`, user.id);
    if (result !== 'own') await q.addFollower(trx, org.id, reportId, user.email, hashToken(randomToken()));
    return result;
  });
}

export async function followReport(db: Db, org: Org, reportId: number, user: SessionUser): Promise<boolean> {
  const report = await q.publicReport(db, org.id, reportId);
  if (!report || report.hidden || report.status === 'unconfirmed') return false;
  await q.addFollower(db, org.id, reportId, user.email, hashToken(randomToken()));
  return true;
}

export async function unfollowReport(db: Db, org: Org, reportId: number, user: SessionUser): Promise<void> {
  await q.removeFollower(db, org.id, reportId, user.email);
}
