import path from 'node:path';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Config } from './config';
import { moduleRegistry } from './module-list';
import { findOrganizationByHost, findOrganizationBySlug } from './modules/organizations';
import type { DatabaseHandle, Db } from './platform/db/connect';
import { type FileStorage, localStorage } from './platform/files/storage';
import { CITY_TTL_MS, cityLookup } from './platform/http/city-lookup';
import { registerMultipart } from './platform/http/multipart-uploads';
import { newsFeedRoutes } from './platform/http/news-feed.routes';
import { registerOpenApi } from './platform/http/openapi';
import { frameworkErrorHandler, platformPlugin, requestIdGenerator } from './platform/http/platform-plugin';
import { loggerOptions } from './platform/http/request-log';
import { sitemapRoutes } from './platform/http/sitemap.routes';
import { staticPathAllowed } from './platform/http/static-files';
import { noJobQueue } from './platform/jobs/no-queue';
import type { JobQueue } from './platform/jobs/queue';
import { platformJobs, startScheduler } from './platform/jobs/scheduler';
import type { ModuleRegistry, ModuleServices } from './platform/module';

export interface AppOptions {
  config: Config;
  db: Db;
  /** The modules to serve; all of them unless a test or tool names others. */
  modules?: ModuleRegistry;
  /** The job queue modules send one-off jobs to (main.ts and the test helpers open one; tools may leave it out). */
  jobs?: JobQueue;
  /** Where log lines go instead of stdout (tests read them); with LOG_LEVEL=silent, lines from info up. */
  logStream?: { write(line: string): void };
  /** How long the city of a host name is remembered: CITY_TTL_MS, except in tests (0), which add cities as they go. */
  cityCacheMs?: number;
}

export const PUBLIC_DIR = path.resolve(import.meta.dirname, '../public');

export async function buildApp({ config, db, modules, jobs, logStream, cityCacheMs }: AppOptions): Promise<FastifyInstance> {
  const registry = modules ?? moduleRegistry();
  const storage = localStorage(path.join(config.dataDir, 'files'));
  const app = Fastify({
    // Tokens in paths and API keys in query strings are redacted before a line is written (request-log.ts).
    logger: loggerOptions(config, logStream),
    trustProxy: config.trustProxy,
    genReqId: requestIdGenerator,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: frameworkErrorHandler(config),
  });

  await app.register(cookie);
  await app.register(formbody);
  // Multipart only where a route declares its upload limits, streamed to temporary files (multipart-uploads.ts).
  registerMultipart(app);
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/static/',
    maxAge: '1h',
    index: false,
    preCompressed: true,
    allowedPath: staticPathAllowed(config),
  });

  // Every request starts with the city lookup: from memory for a few seconds (city-lookup.ts), whatever
  // PUBLIC_CACHE_SECONDS says, so that a page view costs no round trip for it.
  const findOrganization = cityLookup(
    async (host) => {
      const org = await findOrganizationByHost(db, host);
      if (org || !config.defaultOrganization) return org ?? null;
      return (await findOrganizationBySlug(db, config.defaultOrganization)) ?? null;
    },
    cityCacheMs ?? (config.mode === 'test' ? 0 : CITY_TTL_MS),
  );
  await platformPlugin(app, { config, db, modules: registry, findOrganization });
  await registerOpenApi(app);

  // Every module is an encapsulated plugin: its hooks and decorators stay its own; it changes another module
  // only through that module's extension points (registry.contributions).
  const services: ModuleServices = { db, config, storage, modules: registry, jobs: jobs ?? noJobQueue() };
  sitemapRoutes(app, { db, config, modules: registry });
  newsFeedRoutes(app, { db, config, modules: registry });
  for (const module of registry.modules) {
    const routes = module.routes;
    if (routes) await app.register(async (scope) => routes(scope, services), { name: `module:${module.name}` } as never);
  }

  return app;
}

/**
 * The background work of a serving process: the modules' job handlers on the queue, then the queue, then the
 * periodic jobs of the platform and the modules. `stop` lets running handlers finish (up to 30 s) first.
 */
export async function startModuleWork(options: {
  handle: DatabaseHandle;
  config: Config;
  storage: FileStorage;
  registry: ModuleRegistry;
  jobQueue: JobQueue;
  log: FastifyBaseLogger;
}): Promise<{ stop(): Promise<void> }> {
  const { handle, config, storage, registry, jobQueue, log } = options;
  const services: ModuleServices = { db: handle.db, config, storage, modules: registry, jobs: jobQueue };
  for (const module of registry.modules) {
    for (const w of module.workers?.(services) ?? []) await jobQueue.work(w.job, w.handler, w.options);
  }
  await jobQueue.start();
  const stopScheduler = startScheduler(
    platformJobs(
      handle.db,
      config,
      registry.modules.flatMap((m) => m.jobs?.(services) ?? []),
    ),
    (msg, err) => log.error({ err }, msg),
  );
  return {
    async stop() {
      await jobQueue.stop({ graceful: true });
      await stopScheduler();
    },
  };
}
