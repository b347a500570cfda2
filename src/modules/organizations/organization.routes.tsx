import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../platform/db/connect';
import { legalRoutes } from './legal.routes';
import { organizationAdminRoutes } from './organization-admin.routes';

/** The city: its legal pages with the accessibility feedback, and its set-up in the back office. */
export async function organizationRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }): Promise<void> {
  legalRoutes(app, { db, config });
  organizationAdminRoutes(app, { db });
}
