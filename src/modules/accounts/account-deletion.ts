import type { Db } from '../../platform/db/connect';
import type { FileStorage } from '../../platform/files/storage';
import { forgetRateLimitSubjects } from '../../platform/http/rate-limit';
import { forgetMailTo } from '../../platform/mail/mail.queries';
import type { ContributionsOnDeletion, PersonalDataSource } from '../../platform/personal-data';
import { hashToken } from '../../platform/security/tokens';
import { insertAudit } from '../organizations';
import { eraseAccount, lockAccount } from './personal-data.queries';

// "Konto löschen" (DSGVO Art. 17): one transaction removes the account and, through every module's contribution,
// what it kept about the person; files are deleted once that has committed (the orphan cleanup catches any left).

export interface DeletionDeps {
  db: Db;
  storage: FileStorage;
  sources: readonly PersonalDataSource[];
  mode: ContributionsOnDeletion;
}

export type DeletionResult = 'deleted' | 'staff' | 'gone';

/**
 * `clientSubjects` are the rate-limit subjects of the request that asks (its address): counters keyed by it are
 * forgotten too, as they may be the only place the person's IP address is kept.
 */
export async function deleteResidentAccount(
  deps: DeletionDeps,
  organizationId: number,
  userId: number,
  clientSubjects: string[] = [],
): Promise<DeletionResult> {
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const account = await lockAccount(trx, organizationId, userId);
    if (!account) return 'gone' as const;
    // Staff accounts carry the city's work (audit trail, assignments): the administration removes them.
    if (account.role !== null) return 'staff' as const;
    const person = { organizationId, userId, email: account.email };
    const storageKeys: string[] = [];
    const counts: Record<string, number> = {};
    for (const source of deps.sources) {
      const erased = await source.erase(trx, person, deps.mode);
      storageKeys.push(...erased.storageKeys);
      for (const [kind, n] of Object.entries(erased.counts)) counts[`${source.name}.${kind}`] = n;
    }
    counts.mails = await forgetMailTo(trx, organizationId, account.email);
    // Rate-limit counters keyed by the address's hash (sign-in links, reports sent without an account), the account
    // or the address the deletion came from.
    counts.rateLimits = await forgetRateLimitSubjects(trx, [hashToken(account.email), `user:${userId}`, ...clientSubjects]);
    Object.assign(counts, await eraseAccount(trx, organizationId, userId, account.email));
    // The city can show that a deletion happened and what it touched, without anything that names the person.
    await insertAudit(trx, { organizationId, actorUserId: null, action: 'account.deleted', subject: '', details: { mode: deps.mode, counts } });
    return { storageKeys };
  });
  if (typeof outcome === 'string') return outcome;
  for (const key of outcome.storageKeys) await deps.storage.remove(key).catch(() => {});
  return 'deleted';
}
