import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../platform/db/connect';
import type { FileStorage } from '../../platform/files/storage';
import { apiKeyRoutes, open311Routes } from '../open311';
import { collectRoutes } from './openapi';
import { openDataRoutes } from './opendata.routes';

/**
 * Open interfaces: Open311, open-data exports, feeds, the OpenAPI document and the API-key admin. Registered
 * before the other modules so the OpenAPI collector sees every JSON route they add.
 */
export async function openInterfaces(app: FastifyInstance, deps: { db: Db; config: Config; storage: FileStorage }): Promise<void> {
  const routes = collectRoutes(app);
  await open311Routes(app, deps);
  await apiKeyRoutes(app, { db: deps.db });
  await openDataRoutes(app, { db: deps.db, config: deps.config, routes });
}
