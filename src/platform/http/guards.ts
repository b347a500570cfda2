import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffRole } from '../../db-schema';
import { AppError } from './errors';
import type { SessionUser } from './sessions';

/**
 * Staff pages: anonymous visitors are sent to the staff login (and back afterwards), residents and staff
 * without the role get 403. Returns the user so handlers need no non-null assertions.
 */
export function staffOnly(...roles: StaffRole[]) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const user = request.ctx.user;
    if (!user) {
      const target = request.method === 'GET' ? request.url : '/verwaltung';
      await reply.redirect(`/verwaltung/anmelden?return=${encodeURIComponent(target)}`, 303);
      return;
    }
    if (user.level !== 'staff' || !user.role || (roles.length > 0 && !roles.includes(user.role))) {
      throw new AppError('forbidden');
    }
  };
}

export function signedInOnly() {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!request.ctx.user) await reply.redirect(`/anmelden?return=${encodeURIComponent(request.url)}`, 303);
  };
}

export function currentUser(request: FastifyRequest): SessionUser {
  const user = request.ctx.user;
  if (!user) throw new AppError('forbidden');
  return user;
}
