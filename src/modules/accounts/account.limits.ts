import type { Db } from '../../platform/db/connect';
import { clientKey } from '../../platform/http/client-ip';
import { clearLimit, hit, type Limit } from '../../platform/http/rate-limit';
import { hashToken } from '../../platform/security/tokens';

// Per IP (IPv6 per /64) and per account, so neither one address nor one botnet can hammer one mailbox.
export const LIMITS = {
  magicLinkIp: { name: 'magic-link:ip', max: 10, windowSeconds: 15 * 60 },
  magicLinkEmail: { name: 'magic-link:email', max: 5, windowSeconds: 60 * 60 },
  loginIp: { name: 'login:ip', max: 20, windowSeconds: 15 * 60 },
  /** Staff password attempts per account *from one source*: this is the lock, and it locks out only that source. */
  loginSource: { name: 'login:account-source', max: 10, windowSeconds: 15 * 60 },
  /** All sources together: past this, guessing is slowed (loginSlow), never stopped, so no stranger can lock staff out. */
  loginAccount: { name: 'login:account', max: 100, windowSeconds: 60 * 60 },
  /** Over the account's cap: one attempt per half minute, whoever sends it. */
  loginSlow: { name: 'login:account-slow', max: 1, windowSeconds: 30 },
  codeAccount: { name: 'code:account', max: 10, windowSeconds: 15 * 60 },
  resetIp: { name: 'reset:ip', max: 10, windowSeconds: 60 * 60 },
  resetEmail: { name: 'reset:email', max: 3, windowSeconds: 60 * 60 },
} satisfies Record<string, Limit>;

function subjects(email: string, ip: string) {
  const account = hashToken(email);
  const source = clientKey(ip);
  // The account last: keys end in it, as in the other per-account counters (a deleted account's are found by it).
  return { account, source, accountSource: `${source}:${account}` };
}

/**
 * Counts one staff password attempt and says how long to wait (seconds) when it may not be checked; 0 = go on.
 *
 * The old rule, ten attempts per account from anywhere, let anyone lock any staff member out for 15 minutes
 * with ten requests. Now the lock is per account and source: whoever guesses locks only their own address
 * (their /64), and the owner elsewhere still signs in. Guessing from many addresses meets the account's
 * overall cap, which slows it to one attempt per half minute instead of locking; and the owner can always
 * use the password reset by mail (its own limits), which also lifts the lock (clearStaffLoginLock).
 */
export async function staffLoginWait(db: Db, email: string, ip: string): Promise<number> {
  const s = subjects(email, ip);
  let wait = 0;
  for (const [limit, subject] of [
    [LIMITS.loginIp, s.source],
    [LIMITS.loginSource, s.accountSource],
  ] as const) {
    const result = await hit(db, limit, subject);
    if (!result.allowed) wait = Math.max(wait, result.retryAfter);
  }
  // A locked source does not count against the account: one address cannot use up everyone's share.
  if (wait > 0) return wait;
  if ((await hit(db, LIMITS.loginAccount, s.account)).allowed) return 0;
  const slow = await hit(db, LIMITS.loginSlow, s.account);
  return slow.allowed ? 0 : slow.retryAfter;
}

/** After the owner reset the password by the link mailed to them: the account is no longer slowed, and their source is unlocked. */
export async function clearStaffLoginLock(db: Db, email: string, ip: string): Promise<void> {
  const s = subjects(email, ip);
  await clearLimit(db, LIMITS.loginAccount, s.account);
  await clearLimit(db, LIMITS.loginSlow, s.account);
  await clearLimit(db, LIMITS.loginSource, s.accountSource);
}
