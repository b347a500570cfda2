import type { Config } from '../../config';
import type { Db } from '../../platform/db/connect';
import type { Job } from '../../platform/jobs/scheduler';
import { purgeOldTokens } from './account.queries';

/** Retention: used and expired sign-in, confirmation and setup links (each holds an address) go after RETENTION_LINK_DAYS. */
export function accountJobs(db: Db, config: Pick<Config, 'retention'>): Job[] {
  return [{ name: 'account-purge-links', everySeconds: 3600, run: () => purgeOldTokens(db, config.retention.linkDays) }];
}
