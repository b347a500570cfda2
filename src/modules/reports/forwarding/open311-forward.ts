import type { Db } from '../../../platform/db/connect';
import { OutboundError, type OutboundOptions, outboundRequest } from '../../../platform/http/outbound';
import { retryDelaySeconds } from '../../../platform/mail/outbox';
import { insertEvent } from '../report.queries';
import * as q from './forwarding.queries';

// Server-to-server forwarding of public reports to a department's own Open311 (GeoReport v2) system.
// report_forwards rows are written when a report goes public for a department with open311_enabled; this job
// POSTs each to `<endpoint>/requests.json`, keeps the returned service_request_id and retries with back-off.

export interface ForwardDeps {
  db: Db;
  publicUrl: URL;
  /** OUTBOUND_ALLOWED_PRIVATE_HOSTS (and in tests their own DNS resolution): where the job may connect. */
  outbound: OutboundOptions;
  timeoutMs?: number;
  /** The technical reason of a failure goes here (the server log), never onto the report's timeline. */
  log?: (message: string) => void;
}

/**
 * What staff read on the timeline about a failure: what they can act on, nothing about the network behind the
 * address (which port answered, what TLS said), so the field cannot be used to probe it.
 */
function failureText(err: unknown): string {
  if (err instanceof OutboundError) return err.kind === 'refused' ? 'Ziel nicht erlaubt' : 'Verbindung fehlgeschlagen';
  if (err instanceof AnswerError) return err.message;
  return 'Weiterleitung fehlgeschlagen';
}

/** An answer that is not what GeoReport v2 promises; its message is safe to show (status and the server's own description). */
export class AnswerError extends Error {
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

export function requestsUrl(endpoint: string): string {
  const base = endpoint.trim();
  if (/\/requests\.json$/i.test(base)) return base;
  return `${base.replace(/\/+$/, '')}/requests.json`;
}

export interface ForwardPayload {
  apiKey: string | null;
  serviceCode: string;
  lat: number;
  lon: number;
  description: string;
  address: string;
  answers: Record<string, unknown>;
  mediaUrl: string | null;
}

/** The form body GeoReport v2 expects (application/x-www-form-urlencoded; lists as attribute[code][]). */
export function requestBody(p: ForwardPayload): URLSearchParams {
  const body = new URLSearchParams();
  if (p.apiKey) body.append('api_key', p.apiKey);
  body.append('service_code', p.serviceCode);
  body.append('lat', String(p.lat));
  body.append('long', String(p.lon));
  body.append('description', p.description);
  if (p.address) body.append('address_string', p.address);
  for (const [code, value] of Object.entries(p.answers)) {
    if (Array.isArray(value)) for (const v of value) body.append(`attribute[${code}][]`, String(v));
    else if (value !== null && value !== undefined) body.append(`attribute[${code}]`, String(value));
  }
  if (p.mediaUrl) body.append('media_url', p.mediaUrl);
  return body;
}

/** Reads `[{ "service_request_id": "…" }]` (or a `token` when the server files it later); throws otherwise. */
export function parseResponse(status: number, text: string): { externalId: string | null; token: string | null } {
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // handled below
  }
  const first = Array.isArray(json) ? (json[0] as Record<string, unknown> | undefined) : undefined;
  if (status < 200 || status >= 300) {
    // GeoReport's own error description is for us; any other body stays in the log.
    const description = first && typeof first.description === 'string' ? `: ${first.description.slice(0, 200)}` : '';
    throw new AnswerError(`HTTP ${status}${description}`, text.slice(0, 200));
  }
  const id = first?.service_request_id;
  const token = first?.token;
  if (typeof id === 'string' || typeof id === 'number') return { externalId: String(id), token: null };
  if (typeof token === 'string' || typeof token === 'number') return { externalId: null, token: String(token) };
  throw new AnswerError(`Unexpected answer (HTTP ${status})`, text.slice(0, 200));
}

/** How long a claimed row stays invisible to other processes while its request runs (a crash retries after). */
export const LEASE_SECONDS = 300;

/**
 * Forwards due rows. A row is claimed in a short transaction (SKIP LOCKED, then a lease on next_attempt_at),
 * the HTTP request runs outside any transaction (a slow endpoint never holds a database connection or lock),
 * and the outcome is written in a second short transaction together with its report event.
 */
export async function forwardDueReports(deps: ForwardDeps, batch = 20): Promise<{ forwarded: number; failed: number }> {
  const { db } = deps;
  const log = deps.log ?? ((message: string) => console.warn(message));
  let forwarded = 0;
  let failed = 0;
  for (let i = 0; i < batch; i++) {
    const claimed = await db.transaction().execute((trx) => q.claimDueForward(trx, LEASE_SECONDS));
    if (!claimed) break;
    const city = claimed.organization_id;
    const row = await q.forwardDetails(db, city, claimed.id);
    const attempts = claimed.attempts + 1;
    let result: { externalId: string | null; token: string | null } | null = null;
    let error = '';
    try {
      if (!row.open311_enabled || !row.open311_endpoint) throw new AnswerError('Open311 is switched off for this department', '');
      const url = requestsUrl(row.open311_endpoint);
      const photo = await q.firstApprovedPhoto(db, city, claimed.report_id);
      const body = requestBody({
        apiKey: row.open311_api_key,
        serviceCode: row.code,
        lat: row.lat,
        lon: row.lon,
        description: row.description,
        address: row.address,
        answers: (row.answers ?? {}) as Record<string, unknown>,
        mediaUrl: photo ? new URL(`/fotos/${photo.id}/large.jpg`, deps.publicUrl).href : null,
      });
      // Checked again here, after DNS resolution, in the lookup the socket connects with; redirects are not followed.
      const res = await outboundRequest(
        url,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: body.toString(),
          timeoutMs: deps.timeoutMs ?? 15_000,
        },
        deps.outbound,
      );
      result = parseResponse(res.status, res.text);
    } catch (err) {
      error = failureText(err);
      const detail = err instanceof OutboundError || err instanceof AnswerError ? err.detail : err instanceof Error ? err.message : String(err);
      log(`Open311 forwarding ${claimed.id} (report ${claimed.report_id}, city ${city}) failed: ${error}${detail ? ` – ${detail}` : ''}`);
    }
    await db.transaction().execute(async (trx) => {
      if (result) {
        await q.markForwarded(trx, city, claimed.id, { attempts, externalId: result.externalId });
        await insertEvent(trx, {
          organizationId: row.organization_id,
          reportId: claimed.report_id,
          kind: 'forwarded',
          public: false,
          body: result.externalId ? `Open311: ${row.department}, Vorgang ${result.externalId}` : `Open311: ${row.department}, Token ${result.token}`,
          data: { departmentId: claimed.department_id, externalId: result.externalId, token: result.token, attempts },
        });
        return;
      }
      await q.markForwardFailed(trx, city, claimed.id, { attempts, error, retrySeconds: retryDelaySeconds(attempts) });
      // Staff hear of the first failure and then of every fifth, not of each retry.
      if (attempts === 1 || attempts % 5 === 0) {
        await insertEvent(trx, {
          organizationId: row.organization_id,
          reportId: claimed.report_id,
          kind: 'forward_failed',
          public: false,
          body: `Open311: ${row.department}: ${error}`,
          data: { departmentId: claimed.department_id, attempts },
        });
      }
    });
    if (result) forwarded++;
    else failed++;
  }
  return { forwarded, failed };
}
