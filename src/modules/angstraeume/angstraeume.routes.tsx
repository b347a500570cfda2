import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../platform/db/connect';
import type { FileStorage } from '../../platform/files/storage';
import type { Job } from '../../platform/jobs/scheduler';
import { surveyJob } from '../../platform/surveys/survey.service';
import { angstraeumeScope } from './angstraeume.http';
import { backOfficeRoutes } from './backoffice.routes';
import { publicRoutes } from './public.routes';
import { safetyQuestionnaire } from './questionnaire';
import { safetyQuestionnaireRoutes } from './questionnaire.routes';
import { ratingRoutes } from './ratings.routes';
import { statisticsRoutes } from './statistics.routes';

export { RATING_LIMITS } from './ratings.routes';

export interface AngstraeumeDeps {
  db: Db;
  config: Config;
  storage?: FileStorage;
  /** Tests pin the clock. */
  now?: () => Date;
}

/** Periodic work: the "do you feel safer now?" questionnaire N weeks after a measure. */
export function angstraumJobs({ db, config }: { db: Db; config: Pick<Config, 'publicUrl'> }): Job[] {
  return [surveyJob('angstraum-questionnaires', safetyQuestionnaire, { db, publicUrl: config.publicUrl })];
}

/** The Angsträume-Karte: public map and places, ratings, the questionnaire after a measure, statistics, back office. */
export async function angstraeumeRoutes(app: FastifyInstance, deps: AngstraeumeDeps): Promise<void> {
  const { db, config } = deps;
  const scope = angstraeumeScope(db, config, deps.now ?? (() => new Date()));

  // An unreviewed place's report page redirects here through the reports module's extension point (index.ts):
  // a hook here would never see that module's routes, each module being its own plugin.
  publicRoutes(app, scope);
  ratingRoutes(app, scope);
  safetyQuestionnaireRoutes(app, { db });
  statisticsRoutes(app, scope);
  backOfficeRoutes(app, scope);
}
