import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../platform/db/connect';
import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { currentUser, staffOnly, staffOnlyInOwnDepartments } from '../../../platform/http/guards';
import { knownNotice, NoticeQuery } from '../../../platform/http/schemas';
import { translator } from '../../../platform/i18n';
import { messages } from './backoffice.messages';
import * as bq from './backoffice.queries';
import type * as bo from './backoffice.service';

// What the back office's route files share: guards, form problems as messages, notices, the audit log.

/** Report pages: any staff role; department staff only for their departments' reports. */
export const anyStaff = { preHandler: staffOnlyInOwnDepartments() };
export const adminOnly = { preHandler: staffOnly('admin') };

export function problemsToErrors(ctx: RequestContext, problems: bo.Problems): FieldErrors {
  const t = translator(messages, ctx.locale);
  return Object.fromEntries(Object.entries(problems).map(([f, p]) => [f, t(p.key, p.params)]));
}

/** ?ok=… after saving on the admin pages (templates, categories, Open311). */
export const AdminNoticeQuery = NoticeQuery;
const ADMIN_NOTICES = ['saved', 'created', 'deleted'] as const;

export function adminNotice(ctx: RequestContext, ok: string | undefined): string | undefined {
  const known = knownNotice(ADMIN_NOTICES, ok);
  return known ? translator(messages, ctx.locale)(`ok.${known}`) : undefined;
}

export function audit(db: Db, request: FastifyRequest, action: string, subject: string | number) {
  return bq.actorAudit(db, { organizationId: request.ctx.org.id, actorUserId: currentUser(request).id, action, subject: String(subject) });
}
