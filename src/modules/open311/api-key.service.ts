import type { Db } from '../../platform/db/connect';
import { hashToken, randomToken } from '../../platform/security/tokens';
import * as q from './open311.queries';

export const API_KEY_PREFIX = 'k311_';
export const RATE_DEFAULT = 60;
export const RATE_MAX = 100_000;
export const NAME_MAX = 100;

export interface CreatedApiKey {
  id: number;
  name: string;
  /** The key itself: shown once, stored only as a hash. */
  key: string;
  ratePerMinute: number;
}

export class ApiKeyInputError extends Error {
  constructor(
    readonly field: 'name' | 'rate',
    message: string,
  ) {
    super(message);
  }
}

export function checkKeyInput(name: string, rate: string | number | undefined): { name: string; ratePerMinute: number } {
  const trimmed = name.trim();
  if (!trimmed) throw new ApiKeyInputError('name', 'name is required');
  if ([...trimmed].length > NAME_MAX) throw new ApiKeyInputError('name', `name is longer than ${NAME_MAX} characters`);
  const raw = rate === undefined || rate === '' ? String(RATE_DEFAULT) : String(rate).trim();
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1 || Number(raw) > RATE_MAX)
    throw new ApiKeyInputError('rate', `requests per minute must be a whole number from 1 to ${RATE_MAX}`);
  return { name: trimmed, ratePerMinute: Number(raw) };
}

/**
 * A new key with its own account: reports created with the key belong to that account (resident level, an
 * address under .invalid that can never receive a sign-in link), so nothing about the key is mixed up with
 * people's accounts.
 */
export async function createApiKey(
  db: Db,
  organizationId: number,
  input: { name: string; ratePerMinute?: number | string },
  createdBy: number | null,
): Promise<CreatedApiKey> {
  const { name, ratePerMinute } = checkKeyInput(input.name, input.ratePerMinute);
  const key = `${API_KEY_PREFIX}${randomToken(24)}`;
  return db.transaction().execute(async (trx) => {
    const serviceEmail = `api-key-${randomToken(9)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')}@api-keys.invalid`;
    const user = await q.insertServiceUser(trx, organizationId, serviceEmail, `API: ${name}`.slice(0, 120));
    const row = await q.insertApiKey(trx, {
      organizationId,
      name,
      keyHash: hashToken(key),
      keyPrefix: key.slice(0, API_KEY_PREFIX.length + 4),
      ratePerMinute,
      userId: user.id,
      createdBy,
    });
    return { id: row.id, name: row.name, key, ratePerMinute: row.rate_per_minute };
  });
}

export async function revokeApiKey(db: Db, organizationId: number, id: number): Promise<{ id: number; name: string } | null> {
  return db.transaction().execute(async (trx) => {
    const row = await q.revokeApiKey(trx, organizationId, id);
    if (!row) return null;
    await q.disableUser(trx, organizationId, row.user_id);
    return { id: row.id, name: row.name };
  });
}

export function listApiKeys(db: Db, organizationId: number) {
  return q.listApiKeys(db, organizationId);
}

export interface ApiClient {
  id: number;
  name: string;
  ratePerMinute: number;
  userId: number;
}

/** The client a key belongs to, or null for an unknown or revoked key. */
export async function authenticate(db: Db, organizationId: number, key: string): Promise<ApiClient | null> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 100) return null;
  const row = await q.activeKeyByHash(db, organizationId, hashToken(key));
  if (!row) return null;
  await q.touchApiKey(db, organizationId, row.id);
  return { id: row.id, name: row.name, ratePerMinute: row.rate_per_minute, userId: row.user_id };
}
