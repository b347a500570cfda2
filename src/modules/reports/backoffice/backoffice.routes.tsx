import type { FastifyInstance } from 'fastify';
import type { Config } from '../../../config';
import type { Db } from '../../../platform/db/connect';
import type { FileStorage } from '../../../platform/files/storage';
import { translationRoutes } from '../../../platform/i18n/translation.routes';
import { noteTranslationPages } from '../note-translations';
import { categoryRoutes } from './categories.routes';
import { inboxRoutes } from './inbox.routes';
import { open311Routes } from './open311.routes';
import { photoRoutes } from './photos.routes';
import { questionRoutes } from './questions.routes';
import { reportActionRoutes } from './report-actions.routes';
import { templateRoutes } from './templates.routes';

export { parseInboxQuery } from './inbox.routes';

export interface BackOfficeRouteDeps {
  db: Db;
  config: Config;
  storage: FileStorage;
}

/** The back office for reports: inbox, one report with its actions and photos, and the admin pages. */
export async function backOfficeReportRoutes(app: FastifyInstance, deps: BackOfficeRouteDeps): Promise<void> {
  inboxRoutes(app, deps);
  reportActionRoutes(app, deps);
  photoRoutes(app, deps);
  templateRoutes(app, deps);
  categoryRoutes(app, deps);
  questionRoutes(app, deps);
  open311Routes(app, deps);
  translationRoutes(app, deps.db, noteTranslationPages);
}
