import { hmac, safeEqual } from '../security/tokens';
import { deleteFollowerByTokenHash, followerByTokenHash } from './followers.queries';
import type { FollowerTable } from './tables';

// Unsubscribe links.
//
// A follower row keeps a random value (the hash of a token nobody keeps). The link in a mail is that value plus
// an HMAC of it under the app secret: every mail to the same follower carries the same working link (old mails
// keep working, no extra column), the database alone does not hold a usable link (the HMAC needs SECRET), and no
// one can derive another follower's link.

const HASH_PART = /^[A-Za-z0-9_-]{43}$/;
const TOKEN = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{22})$/;

export function unsubscribeToken(secret: string, storedHash: string): string {
  return `${storedHash}.${hmac(secret, `unsubscribe:${storedHash}`).slice(0, 22)}`;
}

/** The stored value a token stands for, or null when the token is malformed or forged. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const m = TOKEN.exec(token);
  if (!m || !HASH_PART.test(m[1]!)) return null;
  return safeEqual(unsubscribeToken(secret, m[1]!), token) ? m[1]! : null;
}

type Lookup = Parameters<typeof followerByTokenHash>[0];

/** The id of what the link's follower follows, in this city; undefined for a forged, foreign or spent link. */
export async function followedByToken(db: Lookup, spec: FollowerTable, secret: string, organizationId: number, token: string): Promise<number | undefined> {
  const stored = verifyUnsubscribeToken(secret, token);
  if (!stored) return undefined;
  return followerByTokenHash(db, spec, organizationId, stored);
}

/** Ends the following the link stands for: the id of what was followed, or null when the link fits nothing. */
export async function unsubscribeByToken(db: Lookup, spec: FollowerTable, secret: string, organizationId: number, token: string): Promise<number | null> {
  const stored = verifyUnsubscribeToken(secret, token);
  if (!stored) return null;
  return (await deleteFollowerByTokenHash(db, spec, organizationId, stored)) ?? null;
}
