import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/connect';
import { clientKey } from '../../platform/http/client-ip';
import { hit, type Limit } from '../../platform/http/rate-limit';
import type { ApiClient } from './api-key.service';

/** Reading without a key: generous, per IP (IPv6 per /64), a fixed minute window, so nobody is ever shut out for long. */
export const ANONYMOUS_PER_MINUTE = 300;
const ANONYMOUS: Limit = { name: 'open-data:ip', max: ANONYMOUS_PER_MINUTE, windowSeconds: 60 };

/** Counts one request: against the key's own limit when there is a key, else against the client's address. */
export async function countRequest(
  db: Db,
  request: FastifyRequest,
  client: ApiClient | null,
): Promise<{ allowed: boolean; retryAfter: number; limit: number }> {
  if (client) {
    const result = await hit(db, { name: 'open-data:key', max: client.ratePerMinute, windowSeconds: 60 }, String(client.id));
    return { ...result, limit: client.ratePerMinute };
  }
  const result = await hit(db, ANONYMOUS, clientKey(request.ip));
  return { ...result, limit: ANONYMOUS_PER_MINUTE };
}

/**
 * Requests with an unknown or revoked key, and writes without one: per address, so nobody can probe keys or
 * hammer POST unauthenticated. A valid key is the account and has its own limit; it is not also limited per
 * address, so a partner's server sending for many residents gets the rate the city agreed with it.
 */
export const AUTH_FAILURES: Limit = { name: 'open311-auth:ip', max: 30, windowSeconds: 10 * 60 };

export function countAuthFailure(db: Db, request: FastifyRequest): Promise<{ allowed: boolean; retryAfter: number }> {
  return hit(db, AUTH_FAILURES, clientKey(request.ip));
}
