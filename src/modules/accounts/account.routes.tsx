import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../platform/db/connect';
import { accountScope } from './account.http';
import { residentAuthRoutes } from './resident-auth.routes';
import { staffAdminRoutes } from './staff-admin.routes';
import { staffAuthRoutes } from './staff-auth.routes';

/** Accounts: residents sign in by magic link, staff by password and TOTP; admins manage staff. */
export async function accountRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }): Promise<void> {
  const scope = accountScope(db, config);
  residentAuthRoutes(app, scope);
  staffAuthRoutes(app, scope);
  staffAdminRoutes(app, scope);
}
