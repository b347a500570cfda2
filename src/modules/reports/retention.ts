import type { Config } from '../../config';
import type { Db } from '../../platform/db/connect';
import type { Job } from '../../platform/jobs/scheduler';
import { purgeReporterContact } from './retention.queries';

/** The reports module's retention job; safe in several processes at once (conditional updates and deletes). */
export function retentionJobs(db: Db, config: Pick<Config, 'retention'>): Job[] {
  return [{ name: 'report-purge-reporter-contact', everySeconds: 3600, run: () => purgeReporterContact(db, config.retention.reporterContactMonths) }];
}
