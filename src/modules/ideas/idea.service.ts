import { readFile } from 'node:fs/promises';
import type { Organization } from '../../db-schema';
import type { Db, Trx } from '../../platform/db/connect';
import { addSupporter, isSupporter } from '../../platform/engagement/supporters.queries';
import { PHOTO_SIZES, type PhotoSize, type ProcessedPhoto, processPhoto } from '../../platform/files/photos';
import type { FileStorage } from '../../platform/files/storage';
import { clientKey } from '../../platform/http/client-ip';
import { AppError } from '../../platform/http/errors';
import type { UploadedFile } from '../../platform/http/multipart-form';
import { enforce, type Limit } from '../../platform/http/rate-limit';
import type { SessionUser } from '../../platform/http/sessions';
import { randomToken } from '../../platform/security/tokens';
import { districtsAt, listStadtbezirke } from '../organizations';
import type { EligibilityRule, EligibilityRules, ParticipationAction } from '../participation';
import { LIMITS as REPORT_LIMITS } from '../reports';
import { answerDueAt, DEFAULT_RULES, isOpen, isTopic, LIMITS, thresholdFor } from './idea';
import { decide } from './idea-eligibility';
import * as q from './ideas.queries';

// Use cases of residents: submit an idea, support it, withdraw the support. Staff actions are in backoffice/.

export type Problem = { key: string; params?: Record<string, string | number> };
export type Problems = Record<string, Problem>;

export interface IdeaSettings {
  rules: EligibilityRules;
  permille: number;
  floor: number;
  answerWeeks: number;
  /** Supports needed now (recomputed at most daily from the active accounts). */
  threshold: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The city's settings, with the threshold recomputed when it is older than a day. */
export async function ideaSettings(db: Db, organizationId: number, now = new Date()): Promise<IdeaSettings> {
  const row = await q.ideaSettings(db, organizationId);
  const permille = row?.threshold_permille ?? 5;
  const floor = row?.threshold_floor ?? 50;
  let threshold = row?.threshold ?? null;
  if (threshold === null || !row?.computed_at || now.getTime() - new Date(row.computed_at).getTime() > DAY_MS) {
    threshold = thresholdFor(await q.activeAccounts(db, organizationId, now), { permille, floor });
    await q.saveThreshold(db, organizationId, threshold, now);
  }
  return {
    rules: { ...DEFAULT_RULES, ...((row?.rules as EligibilityRules | undefined) ?? {}) },
    permille,
    floor,
    answerWeeks: row?.answer_weeks ?? 6,
    threshold,
  };
}

export function ruleFor(settings: IdeaSettings, action: ParticipationAction): EligibilityRule {
  return settings.rules[action] ?? { who: 'signed_in' };
}

/** Refuses with 403 unless the city's rule lets this person act (decided here, whatever the form showed). */
export async function requireAllowed(db: Db, organizationId: number, user: SessionUser | null, rule: EligibilityRule, now: Date): Promise<void> {
  const decision = await decide(db, { organizationId, userId: user?.id ?? null }, rule, now);
  if (!decision.allowed) throw new AppError('forbidden', { reason: `ideas: ${decision.refusal}` });
}

export interface IdeaInput {
  title: string;
  description: string;
  topic: string;
  /** '' or a district id. */
  districtId: string;
  lat: string;
  lon: string;
  /** A process of the city that takes ideas, or 'unknown' when the posted one is not. */
  processId: number | null | 'unknown';
  photos: Array<{ filename: string; file: UploadedFile } | { filename: string; data: Buffer }>;
}

export interface IdeaDeps {
  db: Db;
  storage: FileStorage;
}

export const photoKey = (base: string, size: PhotoSize) => `${base}/${size}.jpg`;

/** Per connection and per account, each within an hour; a connection may be shared (a school, a library). */
export const RATE_LIMITS = {
  ideaIp: { name: 'idea:ip', max: 30, windowSeconds: 60 * 60 },
  ideaAccount: { name: 'idea:account', max: 10, windowSeconds: 60 * 60 },
  supportIp: { name: 'idea-support:ip', max: 300, windowSeconds: 60 * 60 },
  supportAccount: { name: 'idea-support:account', max: 60, windowSeconds: 60 * 60 },
} satisfies Record<string, Limit>;

/** Counts one idea or support of the person; throws AppError 'rate_limited' (429) once a limit is used up. */
export function enforceLimit(db: Db, what: 'idea' | 'support', ip: string, user: SessionUser | null): Promise<void> {
  const [perIp, perAccount] = what === 'idea' ? [RATE_LIMITS.ideaIp, RATE_LIMITS.ideaAccount] : [RATE_LIMITS.supportIp, RATE_LIMITS.supportAccount];
  return enforce(db, [[perIp, clientKey(ip)], ...(user ? [[perAccount, `u:${user.id}`] as [Limit, string]] : [])]);
}

const coordinate = (raw: string, max: number) => (/^-?\d{1,3}(\.\d{1,12})?$/.test(raw.trim()) && Math.abs(Number(raw)) <= max ? Number(raw) : null);

/** Checks an idea's text and place; the photos are checked by submitIdea. */
export async function checkIdea(db: Db, org: Organization, input: IdeaInput) {
  const errors: Problems = {};
  const title = input.title.trim();
  const description = input.description.trim();
  if (title.length < LIMITS.titleMin || title.length > LIMITS.titleMax)
    errors.title = { key: 'err.title', params: { min: LIMITS.titleMin, max: LIMITS.titleMax } };
  if (description.length < LIMITS.descriptionMin || description.length > LIMITS.descriptionMax)
    errors.description = { key: 'err.description', params: { min: LIMITS.descriptionMin, max: LIMITS.descriptionMax } };
  if (!isTopic(input.topic)) errors.topic = { key: 'err.topic' };
  let districtId: number | null = null;
  if (input.districtId) {
    const known = (await listStadtbezirke(db, org.id)).find((d) => String(d.id) === input.districtId);
    if (known) districtId = known.id;
    else errors.districtId = { key: 'err.district' };
  }
  let lat: number | null = null;
  let lon: number | null = null;
  if (input.lat || input.lon) {
    lat = coordinate(input.lat, 90);
    lon = coordinate(input.lon, 180);
    const hits = lat !== null && lon !== null ? await districtsAt(db, org.id, lon, lat) : [];
    if (lat === null || lon === null || !hits.some((d) => d.kind === 'stadtgrenze')) {
      errors.place = { key: 'err.outside', params: { city: org.name } };
    } else {
      districtId = hits.find((d) => d.kind === 'stadtbezirk')?.id ?? districtId;
    }
  }
  if (input.processId === 'unknown') errors.processId = { key: 'err.process' };
  if (input.photos.length > LIMITS.photosMax) errors.photos = { key: 'err.photoCount', params: { max: LIMITS.photosMax } };
  return { errors, value: { title, description, topic: input.topic, districtId, lat, lon } };
}

/** Creates an idea with its photos; files first under fresh keys, rows in one transaction. */
export async function submitIdea(
  deps: IdeaDeps,
  org: Organization,
  input: IdeaInput,
  user: SessionUser | null,
  options: { rateLimit?: { ip: string } } = {},
): Promise<{ ok: true; id: number } | { ok: false; errors: Problems }> {
  const { db } = deps;
  const { errors, value } = await checkIdea(db, org, input);
  const processed: ProcessedPhoto[] = [];
  if (!errors.photos) {
    for (const photo of input.photos) {
      const data = 'data' in photo ? photo.data : await readFile(photo.file.path);
      const result = await processPhoto(data, REPORT_LIMITS.photoBytesMax);
      if ('problem' in result) {
        const key = { type: 'err.photoType', tooLarge: 'err.photoTooLarge', dimensions: 'err.photoDimensions', corrupt: 'err.photoCorrupt' }[result.problem];
        errors.photos = { key, params: { file: photo.filename.slice(0, 80) || 'Foto', mb: Math.round(REPORT_LIMITS.photoBytesMax / 1024 / 1024) } };
        break;
      }
      processed.push(result);
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // Counted only for ideas that would be stored: fixing a mistake in the form costs nothing.
  if (options.rateLimit) await enforceLimit(db, 'idea', options.rateLimit.ip, user);
  const bases = processed.map(
    () =>
      `ideas/${randomToken(12)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '0')}`,
  );
  for (const [i, photo] of processed.entries()) {
    for (const size of Object.keys(PHOTO_SIZES) as PhotoSize[]) await deps.storage.put(photoKey(bases[i]!, size), photo.variants[size]);
  }
  const id = await db.transaction().execute(async (trx) => {
    const ideaId = await q.insertIdea(trx, {
      organizationId: org.id,
      ...value,
      authorUserId: user?.id ?? null,
      processId: input.processId === 'unknown' ? null : input.processId,
    });
    for (const [i, photo] of processed.entries()) {
      await q.insertPhoto(trx, { organizationId: org.id, ideaId, storageKey: bases[i]!, width: photo.width, height: photo.height, sort: i });
    }
    await q.insertEvent(trx, { organizationId: org.id, ideaId, kind: 'created', toStatus: 'submitted' });
    return ideaId;
  });
  return { ok: true, id };
}

export const supporterKey = (userId: number) => `u:${userId}`;

export type SupportOutcome = 'added' | 'already' | 'own' | 'closed' | 'reached';

/**
 * One support per account: the unique key decides under any concurrency and the counter moves in the same
 * transaction. The support that reaches the threshold sets the deadline in that transaction too.
 */
export async function supportIdea(
  db: Db,
  org: Organization,
  ideaId: number,
  user: SessionUser,
  settings: IdeaSettings,
  now = new Date(),
): Promise<SupportOutcome> {
  return db.transaction().execute(async (trx: Trx) => {
    const idea = await q.lockIdea(trx, org.id, ideaId);
    if (!idea) throw new AppError('not_found');
    if (!isOpen(idea.status)) return 'closed';
    const result = await addSupporter(trx, q.IDEA_SUPPORTERS, org.id, ideaId, supporterKey(user.id), user.id);
    if (result !== 'added') return result;
    const reached = await q.markReached(trx, org.id, ideaId, settings.threshold, now, answerDueAt(now, settings.answerWeeks));
    if (!reached) return 'added';
    await q.insertEvent(trx, { organizationId: org.id, ideaId, kind: 'threshold', text: String(settings.threshold), at: now });
    return 'reached';
  });
}

export async function withdrawSupport(db: Db, org: Organization, ideaId: number, user: SessionUser): Promise<boolean> {
  return db.transaction().execute(async (trx: Trx) => {
    const idea = await q.lockIdea(trx, org.id, ideaId);
    if (!idea) throw new AppError('not_found');
    if (!isOpen(idea.status)) return false;
    return q.removeSupporter(trx, org.id, ideaId, supporterKey(user.id));
  });
}

export function supports(db: Db, organizationId: number, ideaId: number, user: SessionUser | null): Promise<boolean> {
  return user ? isSupporter(db, q.IDEA_SUPPORTERS, organizationId, ideaId, supporterKey(user.id)) : Promise.resolve(false);
}
