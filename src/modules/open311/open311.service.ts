import type { CloseReason, Organization, ReportStatus } from '../../db-schema';
import type { Db } from '../../platform/db/connect';
import type { FileStorage } from '../../platform/files/storage';
import { normaliseEmail } from '../../platform/http/form';
import type { SessionUser } from '../../platform/http/sessions';
import { type Locale, translator } from '../../platform/i18n';
import {
  checkLocation,
  cityCentre,
  createReport,
  eventText,
  insertEvent as insertReportEvent,
  LIMITS,
  open311Status,
  parseCoordinate,
  publicState,
  statusLabel,
} from '../reports';
import type { ApiClient } from './api-key.service';
import { messages } from './messages';
import { parseAttributes, parseW3cDate, pushedStatus, statusChange, w3cDate } from './open311';
import * as q from './open311.queries';

export interface Open311Deps {
  db: Db;
  storage: FileStorage;
  secret: string;
  publicUrl: URL;
}

/** An Open311 error: the HTTP status and a description a person can act on. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 422 | 429 | 500,
    readonly description: string,
  ) {
    super(description);
  }
}

type Org = Pick<Organization, 'id' | 'name' | 'slug'>;

// ---------------------------------------------------------------------------------------------------------
// Services

export async function serviceList(db: Db, org: Org, locale: Locale) {
  const t = translator(messages, locale);
  const rows = await q.activeCategories(db, org.id);
  return rows.map((c) => ({
    service_code: c.code,
    service_name: locale === 'de' ? c.name_de : c.name_en,
    description: locale === 'de' ? c.description_de : c.description_en,
    metadata: Boolean(c.has_questions),
    type: 'realtime' as const,
    keywords: [c.kind, locale === 'de' ? c.name_de : c.name_en].join(', '),
    group: t(`group.${c.kind}`),
  }));
}

export async function serviceDefinition(db: Db, org: Org, code: string, locale: Locale) {
  const t = translator(messages, locale);
  const category = await q.activeCategoryByCode(db, org.id, code);
  if (!category) throw new Open311Error(404, `service_code "${code.slice(0, 80)}" not found`);
  const rows = await q.questionRows(db, org.id, category.id);
  return {
    service_code: category.code,
    attributes: rows.map((r, i) => {
      const options = (r.options as Array<{ key: string; de: string; en: string }>) ?? [];
      const list = r.datatype === 'singlevaluelist' || r.datatype === 'multivaluelist';
      return {
        variable: true,
        code: r.code,
        datatype: r.datatype,
        required: r.required,
        datatype_description: t(`datatype.${r.datatype}`),
        order: i + 1,
        description: locale === 'de' ? r.label_de : r.label_en,
        ...(list ? { values: options.map((o) => ({ key: o.key, name: locale === 'de' ? o.de : o.en })) } : {}),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// POST requests

function one(body: Record<string, unknown>, name: string): string | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new Open311Error(400, `${name} must be given once, as text`);
  return v;
}

const MEDIA_URL_MAX = 2000;

/**
 * Creates a report from a trusted client: published at once (status "new"), routed like any report. The
 * reporter's email, name and phone are stored for the city only and never shown; the reporter follows the
 * report by email like someone who reported on the website. With an idempotency key (scoped to the API key),
 * a repeat of the same request answers with the first report and a different request under the key is a 422.
 */
export async function createRequest(
  deps: Open311Deps,
  org: Org,
  client: ApiClient,
  body: Record<string, unknown>,
  locale: Locale,
  idempotencyKey: string | null = null,
): Promise<{ answer: Array<{ service_request_id: string; service_notice: string }>; repeated: boolean }> {
  const { db } = deps;
  const serviceCode = one(body, 'service_code')?.trim() ?? '';
  if (!serviceCode) throw new Open311Error(400, 'service_code was not provided');
  const category = await q.activeCategoryByCode(db, org.id, serviceCode);
  if (!category) throw new Open311Error(404, `service_code "${serviceCode.slice(0, 80)}" not found`);

  const latRaw = one(body, 'lat')?.trim() ?? '';
  const lonRaw = one(body, 'long')?.trim() ?? '';
  const address = one(body, 'address_string')?.trim() ?? '';
  if ((latRaw === '') !== (lonRaw === '')) throw new Open311Error(400, 'lat and long must be sent together');
  if (latRaw !== '' && (parseCoordinate(latRaw, 'lat') === null || parseCoordinate(lonRaw, 'lon') === null)) {
    throw new Open311Error(400, 'lat/long are not valid WGS84 coordinates (decimal degrees, e.g. lat=51.5136&long=7.4653)');
  }
  if (latRaw === '' && !address) {
    throw new Open311Error(
      400,
      one(body, 'address_id') ? 'address_id is not supported: send lat and long, or address_string' : 'a location is required: lat and long, or address_string',
    );
  }
  const where = await checkLocation(db, org, { categoryId: String(category.id), lat: latRaw, lon: lonRaw, address }, await cityCentre(db, org.id));
  if (!where.ok) {
    if (where.errors.location?.key === 'err.outside') throw new Open311Error(400, `the location lies outside ${org.name}`);
    if (where.errors.address) throw new Open311Error(400, `address_string is longer than ${LIMITS.addressMax} characters`);
    throw new Open311Error(400, 'the location could not be used: send lat and long inside the city');
  }

  const questions = await q.questionRows(db, org.id, category.id);
  const attributes = parseAttributes(body, new Set(questions.map((x) => x.code)));
  if (!attributes.ok) throw new Open311Error(400, attributes.problem);

  const emailRaw = one(body, 'email')?.trim() ?? '';
  const email = emailRaw ? normaliseEmail(emailRaw) : null;
  if (emailRaw && !email) throw new Open311Error(400, 'email is not a valid email address');
  const name = [one(body, 'first_name')?.trim() ?? '', one(body, 'last_name')?.trim() ?? ''].filter(Boolean).join(' ');
  if ([...name].length > LIMITS.nameMax) throw new Open311Error(400, `first_name and last_name together are longer than ${LIMITS.nameMax} characters`);
  const phone = one(body, 'phone')?.trim() ?? '';
  if (phone.length > LIMITS.phoneMax || (phone && !/^[0-9+()./\s-]+$/.test(phone))) throw new Open311Error(400, 'phone is not a valid phone number');
  const mediaUrl = one(body, 'media_url')?.trim() ?? '';
  if (mediaUrl && (mediaUrl.length > MEDIA_URL_MAX || !/^https?:\/\/[^\s]+$/i.test(mediaUrl) || !URL.canParse(mediaUrl)))
    throw new Open311Error(400, 'media_url must be an http or https URL');
  const description = one(body, 'description') ?? '';
  const deviceId = one(body, 'device_id')?.trim().slice(0, 200) || null;
  const accountId = one(body, 'account_id')?.trim().slice(0, 200) || null;

  const user: SessionUser = {
    id: client.userId,
    email: email ?? '',
    displayName: '',
    role: null,
    level: 'resident',
    departmentIds: [],
  };
  const result = await createReport(
    deps,
    org,
    where.value,
    {
      description,
      answers: attributes.answers,
      name,
      email: '',
      showName: false,
      idempotencyKey: idempotencyKey ?? '',
      photos: [],
    },
    user,
    locale,
    {
      idempotencyScope: `open311:${client.id}`,
      // Stored outside createReport, so a repeat must match them too.
      fingerprintExtra: { email, phone: phone || null, mediaUrl: mediaUrl || null, deviceId, accountId },
    },
  );
  if (!result.ok && result.conflict) {
    throw new Open311Error(
      422,
      `Idempotency-Key was already used for service request ${result.conflict.reportId} with a different request; nothing was changed. Send a new key for a new request`,
    );
  }
  if (!result.ok) {
    const [field, problem] = Object.entries(result.errors)[0]!;
    throw new Open311Error(400, describeProblem(field, problem.key, problem.params));
  }
  // Not again on a repeat: the first request stored these, and the city may have erased them since.
  if (!result.repeated) {
    await q.setReporterContact(db, org.id, result.reportId, { phone: phone || null, email });
    await q.recordApiRequest(db, {
      organizationId: org.id,
      reportId: result.reportId,
      apiKeyId: client.id,
      mediaUrl: mediaUrl || null,
      deviceId,
      accountId,
    });
  }
  const t = translator(messages, locale);
  return {
    answer: [
      {
        service_request_id: String(result.reportId),
        service_notice: t('notice', { url: reportUrl(deps.publicUrl, result.reportId) }),
      },
    ],
    repeated: result.repeated,
  };
}

function describeProblem(field: string, key: string, params?: Record<string, string | number>): string {
  if (field === 'description') return key === 'err.tooLong' ? `description is longer than ${params?.max} characters` : 'description is required';
  if (field === 'name') return `first_name and last_name together are longer than ${params?.max} characters`;
  if (field === 'categoryId') return 'service_code is not active';
  if (field.startsWith('answer.')) {
    const code = field.slice(7);
    const why =
      {
        'err.answer.required': 'is required',
        'err.answer.number': 'must be a number',
        'err.answer.choice': 'must be a key from the list in the service definition',
        'err.answer.date': 'must be a date as YYYY-MM-DD',
        'err.answer.tooLong': 'is too long',
      }[key] ?? 'is not valid';
    return `attribute[${code}] ${why}`;
  }
  return `${field} is not valid`;
}

export function reportUrl(publicUrl: URL, id: number): string {
  return new URL(`/meldungen/${id}`, publicUrl).href;
}

// ---------------------------------------------------------------------------------------------------------
// GET requests

export interface RequestQuery extends q.RequestFilter {
  extensions: boolean;
  page: number;
  pageSize: number;
}

interface EventRow {
  id: number;
  kind: string;
  from_status: ReportStatus | null;
  to_status: ReportStatus | null;
  body: string;
  data: unknown;
  created_at: Date;
}

/** The timeline entry in words, as the report page shows it. */
export function eventDescription(locale: Locale, e: Pick<EventRow, 'kind' | 'from_status' | 'to_status' | 'data'>): string {
  return eventText(locale, e);
}

function photoUrl(publicUrl: URL, id: number): string {
  return new URL(`/fotos/${id}/large.jpg`, publicUrl).href;
}

export async function listRequests(deps: Pick<Open311Deps, 'db' | 'publicUrl'>, org: Org, query: RequestQuery, locale: Locale) {
  const { db } = deps;
  // One statement for the page with its photos and notes; with extensions a second for its categories' questions.
  const rows = await q.publicRequests(db, org.id, query, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
    extensions: query.extensions,
  });
  const questions = query.extensions ? await q.questionsOfCategories(db, org.id, [...new Set(rows.map((r) => r.category_id))]) : [];
  return rows.map((r) => {
    const own = r.events;
    const pics = r.photos;
    const lastNote = [...own].reverse().find((e) => e.body.trim() !== '');
    const base = {
      service_request_id: String(r.id),
      status: open311Status(r.status),
      status_notes: lastNote ? lastNote.body : null,
      service_name: locale === 'de' ? r.category_de : r.category_en,
      service_code: r.category_code,
      description: r.description,
      agency_responsible: r.department ?? null,
      requested_datetime: w3cDate(r.created_at),
      updated_datetime: w3cDate(r.updated_at),
      address: r.address || null,
      lat: Number(r.lat),
      long: Number(r.lon),
      media_url: pics[0] ? photoUrl(deps.publicUrl, pics[0].id) : null,
    };
    if (!query.extensions) return base;
    const stored = (r.answers ?? {}) as Record<string, string | number | string[]>;
    const own_questions = questions.filter((x) => x.category_id === r.category_id);
    return {
      ...base,
      attributes: own_questions
        .filter((x) => stored[x.code] !== undefined)
        .map((x) => {
          const v = stored[x.code]!;
          const options = (x.options as Array<{ key: string; de: string; en: string }>) ?? [];
          const name = (key: string) => {
            const o = options.find((o) => o.key === key);
            return o ? (locale === 'de' ? o.de : o.en) : key;
          };
          const list = Array.isArray(v) ? v : [String(v)];
          const isList = x.datatype === 'singlevaluelist' || x.datatype === 'multivaluelist';
          return {
            code: x.code,
            label: locale === 'de' ? x.label_de : x.label_en,
            value: list.join(', '),
            name: isList ? list.map(name).join(', ') : list.join(', '),
          };
        }),
      extended_attributes: {
        detailed_status: publicState(r),
        detailed_status_label: statusLabel(locale, r),
        district: r.district ?? null,
        supporters_count: r.supporters_count,
        location_precise: r.location_precise,
        duplicate_of: r.status === 'closed' && r.close_reason === 'duplicate' && r.duplicate_of ? String(r.duplicate_of) : null,
        reporter_name: r.show_name && r.reporter_name ? r.reporter_name : null,
        url: reportUrl(deps.publicUrl, r.id),
        photos: pics.map((p) => ({
          media_url: photoUrl(deps.publicUrl, p.id),
          width: p.width,
          height: p.height,
        })),
      },
      notes: own.map((e) => ({
        update_id: String(e.id),
        datetime: w3cDate(e.created_at),
        type: e.kind,
        description: eventDescription(locale, e),
        body: e.body || null,
        from_status: e.from_status ? publicStateOf(e.from_status, null) : null,
        to_status: e.to_status
          ? publicStateOf(e.to_status, e.to_status === 'closed' ? (((e.data ?? {}) as { closeReason?: CloseReason }).closeReason ?? null) : null)
          : null,
      })),
    };
  });
}

function publicStateOf(status: ReportStatus, closeReason: CloseReason | null): string {
  return publicState({ status, close_reason: closeReason });
}

// ---------------------------------------------------------------------------------------------------------
// servicerequestupdates

export async function listUpdates(
  db: Db,
  org: Org,
  window: { from: Date; to: Date | null },
  page: { page: number; pageSize: number },
  extensions: boolean,
  locale: Locale,
) {
  const rows = await q.publicUpdates(db, org.id, window, {
    limit: page.pageSize,
    offset: (page.page - 1) * page.pageSize,
  });
  return rows.map((e) => {
    // The state right after this update: a status change's new state, or the latest one before a note.
    const [then, reason] = (e.state_then ?? publicStateOf(e.status, e.close_reason)).split(':') as [ReportStatus, CloseReason | undefined];
    const detailed = publicStateOf(then, then === 'closed' ? (reason ?? null) : null);
    const text = eventDescription(locale, e);
    return {
      update_id: String(e.id),
      service_request_id: String(e.report_id),
      status: open311Status(then),
      updated_datetime: w3cDate(e.created_at),
      description: e.body ? `${text}: ${e.body}` : text,
      media_url: null,
      ...(extensions ? { extended_attributes: { type: e.kind, detailed_status: detailed } } : {}),
    };
  });
}

const DESCRIPTION_MAX = 5000;

/**
 * A status change or note pushed by a back office (FixMyStreet's servicerequestupdates): one public timeline
 * entry. The same update_id from the same key is recorded once; sending it again answers with the first result.
 */
export async function pushUpdate(db: Db, org: Org, client: ApiClient, body: Record<string, unknown>) {
  const requestId = one(body, 'service_request_id')?.trim() ?? '';
  if (!requestId) throw new Open311Error(400, 'service_request_id was not provided');
  if (!/^\d{1,9}$/.test(requestId)) throw new Open311Error(404, `service_request_id "${requestId.slice(0, 40)}" not found`);
  const updateId = (one(body, 'update_id') ?? one(body, 'update_id_ext') ?? '').trim();
  if (!updateId) throw new Open311Error(400, 'update_id was not provided');
  if (updateId.length > 100) throw new Open311Error(400, 'update_id is longer than 100 characters');
  const description = (one(body, 'description') ?? '').trim();
  if ([...description].length > DESCRIPTION_MAX) throw new Open311Error(400, `description is longer than ${DESCRIPTION_MAX} characters`);
  const statusRaw = one(body, 'status') ?? '';
  const updatedRaw = one(body, 'updated_datetime')?.trim() ?? '';
  const updated = updatedRaw ? parseW3cDate(updatedRaw) : null;
  if (updatedRaw && !updated) throw new Open311Error(400, 'updated_datetime must be a W3C date-time with zone, e.g. 2024-05-01T08:15:30Z');

  const eventId = await db.transaction().execute(async (trx) => {
    const report = await q.reportForUpdate(trx, org.id, Number(requestId));
    if (!report) throw new Open311Error(404, `service_request_id "${requestId}" not found`);
    const earlier = await q.findPushedUpdate(trx, org.id, client.id, updateId);
    if (earlier) {
      if (earlier.report_id !== report.id) throw new Open311Error(400, `update_id "${updateId}" was already used for another service request`);
      return earlier.event_id;
    }
    const target = pushedStatus(statusRaw, report.status);
    if (target === 'unknown')
      throw new Open311Error(400, `status "${statusRaw.slice(0, 40)}" is not known; use open or closed (or fixed, in_progress, duplicate, …)`);
    const change = statusChange(report, target);
    if (change === 'refused') throw new Open311Error(400, `the status cannot change from ${report.status} to ${target?.status}`);
    if (change === 'none' && !description) throw new Open311Error(400, 'nothing to update: the status is unchanged and there is no description');
    const data = {
      source: 'open311',
      apiKey: client.name,
      updateId,
      ...(updated ? { updatedDatetime: updated.toISOString() } : {}),
    };
    let event: { id: number };
    if (change === 'change' && target) {
      await q.setReportStatus(trx, org.id, report.id, target);
      event = await insertEvent(trx, org.id, report.id, {
        kind: 'status',
        fromStatus: report.status,
        toStatus: target.status,
        body: description,
        data: { ...data, ...(target.closeReason ? { closeReason: target.closeReason } : {}) },
      });
    } else {
      await q.touchReport(trx, org.id, report.id);
      event = await insertEvent(trx, org.id, report.id, { kind: 'public_note', body: description, data });
    }
    await q.recordPushedUpdate(trx, {
      organizationId: org.id,
      apiKeyId: client.id,
      externalId: updateId,
      reportId: report.id,
      eventId: event.id,
    });
    return event.id;
  });
  return [{ update_id: String(eventId) }];
}

function insertEvent(
  db: Db,
  organizationId: number,
  reportId: number,
  e: { kind: string; fromStatus?: ReportStatus; toStatus?: ReportStatus; body: string; data: unknown },
) {
  return insertReportEvent(db, {
    organizationId,
    reportId,
    kind: e.kind,
    public: true,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    body: e.body,
    data: e.data,
  });
}
