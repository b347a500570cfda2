import path from 'node:path';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config';
import type { Organization } from './db-schema';
import { accountRoutes } from './modules/accounts/account.routes';
import { homeRoutes } from './modules/home/home.routes';
import { findOrganizationByHost, findOrganizationBySlug } from './modules/organizations/organization.queries';
import { organizationRoutes } from './modules/organizations/organization.routes';
import { reportRoutes } from './modules/reports/report.routes';
import type { Db } from './platform/db/connect';
import { localStorage } from './platform/files/storage';
import { readMultipartBody } from './platform/http/multipart-body';
import { frameworkErrorHandler, platformPlugin, requestIdGenerator } from './platform/http/platform-plugin';
import { microCache } from './platform/http/response-cache';

export interface AppOptions {
  config: Config;
  db: Db;
}

export const PUBLIC_DIR = path.resolve(import.meta.dirname, '../public');

export async function buildApp({ config, db }: AppOptions): Promise<FastifyInstance> {
  const storage = localStorage(path.join(config.dataDir, 'files'));
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    genReqId: requestIdGenerator,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: frameworkErrorHandler(config),
  });

  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: 25 * 1024 * 1024, files: 10, fields: 100 } });
  // Fields land in the body so the CSRF check sees the form token like any other form.
  app.addHook('preValidation', readMultipartBody);
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/static/', maxAge: '1h', index: false, preCompressed: true });

  // Every request starts with the city lookup; cities change only through the CLI, so a few seconds of memory
  // save a database round trip per request (unknown host names included, in a bounded cache).
  const cities = microCache<Organization | null>({ freshMs: Math.min(10, config.publicCacheSeconds) * 1000, staleMs: 0, maxEntries: 100 });
  await platformPlugin(app, {
    config,
    db,
    findOrganization: (host) =>
      cities.get(host, async () => {
        const org = await findOrganizationByHost(db, host);
        if (org || !config.defaultOrganization) return org ?? null;
        return (await findOrganizationBySlug(db, config.defaultOrganization)) ?? null;
      }),
  });

  // Modules, in the order their routes should be listed in docs.
  await (await import('./modules/opendata')).openInterfaces(app, { db, config, storage });
  await homeRoutes(app, { db, config });
  await accountRoutes(app, { db, config });
  await organizationRoutes(app, { db });
  const reportMap = (await import('./modules/reports/map/map.routes')).createMapFeature({ db, config });
  await reportRoutes(app, { db, config, storage }, reportMap.extras);
  await reportMap.routes(app);
  await (await import('./modules/reports/backoffice/backoffice.routes')).backOfficeReportRoutes(app, { db, config, storage });
  await (await import('./modules/reports/notifications/notifications.routes')).notificationRoutes(app, { db, config });
  await (await import('./modules/angstraeume')).registerReporters(app, { db, config, storage });

  return app;
}
