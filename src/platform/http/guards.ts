import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { StaffRole } from '../../db-schema';
import { AppError } from './errors';
import type { SessionUser } from './sessions';

/** The back office lives under one path; its sign-in page is where anonymous visitors of staff pages are sent. */
export const STAFF_AREA = '/verwaltung';
export const STAFF_SIGN_IN = '/verwaltung/anmelden';
export const RESIDENT_SIGN_IN = '/anmelden';

/**
 * Who may use a route, as data: each guard carries the rule it enforces, so the rule can be read off the
 * registered routes (the permission-matrix test does) instead of being written down a second time.
 *
 * - `signed-in`: any session (residents, and staff at any level); anonymous visitors go to the resident sign-in.
 * - `staff`: a staff session (password + TOTP) with one of `roles` (empty: any role); anonymous visitors go to
 *   the staff sign-in, residents and other roles get 403. With `departmentScope`, department staff reach only
 *   reports of their own departments: lists show only those, and a page or action about one report of another
 *   department answers 403 (the check itself is `canWorkOnReport` in the back office's policy, where the report
 *   is loaded).
 * - `api-key`: partner systems. A route that opts out of the CSRF check (`config: { csrf: false }`) may be used
 *   only with an API key (the module checks it); sessions count for nothing there, as any site could send them.
 */
export type AccessRule =
  | { readonly kind: 'signed-in' }
  | { readonly kind: 'staff'; readonly roles: readonly StaffRole[]; readonly departmentScope: boolean }
  | { readonly kind: 'api-key' };

export interface Guard {
  (request: FastifyRequest, reply: FastifyReply): Promise<void>;
  readonly access: AccessRule;
}

function guard(access: AccessRule, check: (request: FastifyRequest, reply: FastifyReply) => Promise<void>): Guard {
  return Object.assign(check, { access: Object.freeze(access) });
}

function staffGuard(roles: StaffRole[], departmentScope: boolean): Guard {
  return guard({ kind: 'staff', roles: Object.freeze([...roles]), departmentScope }, async (request, reply) => {
    const user = request.ctx.user;
    if (!user) {
      const target = request.method === 'GET' ? request.url : STAFF_AREA;
      await reply.redirect(`${STAFF_SIGN_IN}?return=${encodeURIComponent(target)}`, 303);
      return;
    }
    if (user.level !== 'staff' || !user.role) throw new AppError('forbidden', { reason: 'staff page, but no staff session (resident level)' });
    if (roles.length > 0 && !roles.includes(user.role)) {
      throw new AppError('forbidden', { reason: `staff page for ${roles.join(' or ')}, but the role is ${user.role}` });
    }
  });
}

/**
 * Staff pages: anonymous visitors are sent to the staff login (and back afterwards), residents and staff
 * without the role get 403. No roles: any staff role.
 */
export function staffOnly(...roles: StaffRole[]): Guard {
  return staffGuard(roles, false);
}

/** Like staffOnly, for report pages: department staff reach only their departments' reports (see AccessRule). */
export function staffOnlyInOwnDepartments(...roles: StaffRole[]): Guard {
  return staffGuard(roles, true);
}

export function signedInOnly(): Guard {
  return guard({ kind: 'signed-in' }, async (request, reply) => {
    if (!request.ctx.user) await reply.redirect(`${RESIDENT_SIGN_IN}?return=${encodeURIComponent(request.url)}`, 303);
  });
}

/**
 * The rule of a route as registered: from its guard among the preHandlers, or `api-key` when it opts out of the
 * CSRF check; undefined for a route open to everyone. Throws for combinations no single rule describes.
 */
export function accessRuleOf(route: Pick<RouteOptions, 'preHandler' | 'config'>): AccessRule | undefined {
  const handlers = [route.preHandler ?? []].flat() as unknown[];
  const rules = handlers.flatMap((h) => (typeof h === 'function' && 'access' in h ? [(h as Guard).access] : []));
  const apiKey = (route.config as { csrf?: boolean } | undefined)?.csrf === false;
  // Two guards would each have to pass; and a session honoured without the CSRF check could be used by any site.
  if (rules.length > 1) throw new Error('more than one access guard; give the route one guard with the combined rule');
  if (apiKey && rules.length > 0) throw new Error('a guarded route opts out of the CSRF check, so any other site could use its sessions');
  return apiKey ? { kind: 'api-key' } : rules[0];
}

export function currentUser(request: FastifyRequest): SessionUser {
  const user = request.ctx.user;
  if (!user) throw new AppError('forbidden', { reason: 'not signed in' });
  return user;
}
