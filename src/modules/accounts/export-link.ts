import { createHmac, timingSafeEqual } from 'node:crypto';
import { hashToken } from '../../platform/security/tokens';

// The download link of a data export: no row in the database, but a signed token that names the account and an
// expiry and is bound to the session that asked for it. A copied link is useless in another browser (other session)
// and after a few minutes; signing out ends it too.

export const EXPORT_LINK_MINUTES = 10;
const MAC_BYTES = 20;

function mac(secret: string, organizationId: number, userId: number, expires: number, sessionToken: string): Buffer {
  return createHmac('sha256', secret)
    .update(`data-export\n${organizationId}\n${userId}\n${expires}\n${hashToken(sessionToken)}`)
    .digest()
    .subarray(0, MAC_BYTES);
}

/** base64url of user id (4 bytes), expiry in Unix seconds (4 bytes) and the MAC: 38 characters, no dots. */
export function exportLinkToken(secret: string, organizationId: number, userId: number, sessionToken: string, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + EXPORT_LINK_MINUTES * 60;
  const head = Buffer.alloc(8);
  head.writeUInt32BE(userId, 0);
  head.writeUInt32BE(expires, 4);
  return Buffer.concat([head, mac(secret, organizationId, userId, expires, sessionToken)]).toString('base64url');
}

/** True only for a token made for this account and session that has not expired. */
export function checkExportLinkToken(secret: string, token: string, organizationId: number, userId: number, sessionToken: string, now = Date.now()): boolean {
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== 8 + MAC_BYTES || raw.toString('base64url') !== token) return false;
  const expires = raw.readUInt32BE(4);
  if (raw.readUInt32BE(0) !== userId || expires * 1000 <= now) return false;
  return timingSafeEqual(raw.subarray(8), mac(secret, organizationId, userId, expires, sessionToken));
}
