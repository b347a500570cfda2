import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../db/connect';
import { sitemap } from '../formats/sitemap';
import type { ModuleRegistry } from '../module';
import { clientKey } from './client-ip';
import { enforce, type Limit } from './rate-limit';

/** sitemaps.org allows 50,000 addresses in one file; modules share what is left after the others' pages. */
export const SITEMAP_MAX = 50_000;
/** Per address: crawlers read it a few times a day; the answer is cached for an hour anyway. */
export const SITEMAP_LIMIT: Limit = { name: 'sitemap:ip', max: 30, windowSeconds: 60 };

/** /sitemap.xml of the city asked for: the public pages every registered module lists (its `sitemap`). */
export function sitemapRoutes(app: FastifyInstance, { db, config, modules }: { db: Db; config: Config; modules: ModuleRegistry }): void {
  app.get('/sitemap.xml', async (request, reply) => {
    await enforce(db, [[SITEMAP_LIMIT, clientKey(request.ip)]]);
    const lists = await Promise.all(modules.modules.map((m) => m.sitemap?.(db, request.ctx.org.id) ?? []));
    const entries = lists.flat().slice(0, SITEMAP_MAX);
    const body = sitemap(entries.map((e) => ({ loc: new URL(e.path, config.publicUrl).href, ...(e.lastModified ? { lastmod: e.lastModified } : {}) })));
    return reply.type('application/xml; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(body);
  });
}
