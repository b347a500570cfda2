import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../platform/db/connect';
import { AppError } from '../../platform/http/errors';
import type { Locale } from '../../platform/i18n';
import { countRequest } from '../open311';
import { categoryName, publicState, statusLabel } from '../reports';
import { licence } from './licences';
import type * as q from './opendata.queries';

// What the open-data route files share: absolute links, the licence, the rate limit and the public fields of a report.

export interface OpenDataScope {
  db: Db;
  config: Config;
  licence: ReturnType<typeof licence>;
  abs(path: string): string;
  /** Anonymous reading is counted per address (generous, never a lock-out); JSON errors with Retry-After. */
  rateLimited: { onRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> };
}

export function openDataScope(db: Db, config: Config): OpenDataScope {
  return {
    db,
    config,
    licence: licence(config.openDataLicence),
    abs: (path) => new URL(path, config.publicUrl).href,
    rateLimited: {
      onRequest: async (request, reply) => {
        const counted = await countRequest(db, request, null);
        if (!counted.allowed) {
          reply.header('Retry-After', String(counted.retryAfter));
          throw new AppError('rate_limited', { retryAfterSeconds: counted.retryAfter });
        }
      },
    },
  };
}

/** The public fields of a report, as every export names them. */
export function describeReport(r: q.ExportRow, locale: Locale, abs: (path: string) => string) {
  const state = publicState(r);
  return {
    id: r.id,
    url: abs(`/meldungen/${r.id}`),
    status: state === 'fixed' || state.startsWith('closed') ? ('closed' as const) : ('open' as const),
    detailed_status: state,
    status_label: statusLabel(locale, r),
    category_code: r.category_code,
    category: categoryName(locale, r),
    district: r.district ?? null,
    department: r.department ?? null,
    address: r.address || null,
    description: r.description,
    location_precise: r.location_precise,
    supporters: r.supporters_count,
    created_at: new Date(r.created_at).toISOString(),
    updated_at: new Date(r.updated_at).toISOString(),
  };
}
