import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../platform/db/connect';
import type { FileStorage } from '../../platform/files/storage';
import type { PersonalDataSource } from '../../platform/personal-data';
import { accountScope } from './account.http';
import { accountPageRoutes } from './account-page.routes';
import { dataRightsRoutes } from './data-rights.routes';
import type { AccountSection } from './extension-points';
import { residentAuthRoutes } from './resident-auth.routes';
import { staffAdminRoutes } from './staff-admin.routes';
import { staffAuthRoutes } from './staff-auth.routes';

/** Accounts: residents sign in by magic link, staff by password and TOTP; admins manage staff. */
export async function accountRoutes(
  app: FastifyInstance,
  {
    db,
    config,
    storage,
    sources,
    sections,
  }: { db: Db; config: Config; storage: FileStorage; sources: readonly PersonalDataSource[]; sections: readonly AccountSection[] },
): Promise<void> {
  const scope = accountScope(db, config);
  residentAuthRoutes(app, scope);
  accountPageRoutes(app, scope, sections);
  dataRightsRoutes(app, scope, { storage, sources });
  staffAuthRoutes(app, scope);
  staffAdminRoutes(app, scope);
}
