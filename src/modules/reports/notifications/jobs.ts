import path from 'node:path';
import type { Config } from '../../../config';
import type { Db } from '../../../platform/db/connect';
import { type FileStorage, localStorage } from '../../../platform/files/storage';
import type { Job } from '../../../platform/jobs/scheduler';
import { surveyJob } from '../../../platform/surveys/survey.service';
import { forwardDueReports } from '../forwarding/open311-forward';
import { sendDigests } from './digest-mail';
import { removeOrphanPhotos } from './photo-cleanup';
import { reportQuestionnaire } from './questionnaire';
import { sendStatusMails } from './status-mail';

export interface ReportJobDeps {
  db: Db;
  config: Pick<Config, 'secret' | 'publicUrl' | 'dataDir' | 'outboundAllowedPrivateHosts'>;
  /** Defaults to the same local storage the app uses. */
  storage?: FileStorage;
}

/** Periodic work of the reports module; each job is safe with several processes (SKIP LOCKED, conditional updates). */
export function reportJobs(deps: ReportJobDeps): Job[] {
  const { db, config } = deps;
  const storage = deps.storage ?? localStorage(path.join(config.dataDir, 'files'));
  return [
    { name: 'report-status-mails', everySeconds: 60, run: () => sendStatusMails({ db, secret: config.secret, publicUrl: config.publicUrl }) },
    // Daily and weekly digests chosen in "Mein Konto"; each account's period counts from its last digest.
    { name: 'report-digests', everySeconds: 300, run: () => sendDigests({ db, secret: config.secret, publicUrl: config.publicUrl }) },
    surveyJob('report-questionnaires', reportQuestionnaire, { db, publicUrl: config.publicUrl }),
    {
      name: 'report-open311-forwarding',
      everySeconds: 30,
      run: () => forwardDueReports({ db, publicUrl: config.publicUrl, outbound: { allowedPrivateHosts: config.outboundAllowedPrivateHosts } }),
    },
    { name: 'report-photo-cleanup', everySeconds: 900, run: () => removeOrphanPhotos(db, storage) },
  ];
}
