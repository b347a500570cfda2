import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../db/connect';
import { atomFeed } from '../formats/atom';
import { translator } from '../i18n';
import { platformMessages } from '../i18n/platform-messages';
import type { ModuleRegistry } from '../module';
import { clientKey } from './client-ip';
import { enforce, type Limit } from './rate-limit';

export const NEWS_FEED_PATH = '/feeds/neuigkeiten.atom';
/** Entries in the feed: enough for a reader polling a few times a day. */
export const NEWS_FEED_ENTRIES = 50;
export const NEWS_FEED_LIMIT: Limit = { name: 'news-feed:ip', max: 60, windowSeconds: 60 };

/** The city's news feed: the newest public entries every registered module contributes (its `feed`). */
export function newsFeedRoutes(app: FastifyInstance, { db, config, modules }: { db: Db; config: Config; modules: ModuleRegistry }): void {
  app.get(NEWS_FEED_PATH, async (request, reply) => {
    await enforce(db, [[NEWS_FEED_LIMIT, clientKey(request.ip)]]);
    const { ctx } = request;
    const t = translator(platformMessages, ctx.locale);
    const abs = (path: string) => new URL(path, config.publicUrl).href;
    const lists = await Promise.all(modules.modules.map((m) => m.feed?.(db, ctx.org.id, ctx.locale, NEWS_FEED_ENTRIES) ?? []));
    const items = lists
      .flat()
      .sort((a, b) => b.updated.getTime() - a.updated.getTime() || a.path.localeCompare(b.path))
      .slice(0, NEWS_FEED_ENTRIES);
    const body = atomFeed(
      {
        id: abs(NEWS_FEED_PATH),
        title: t('feed.title', { city: ctx.org.name }),
        subtitle: t('feed.subtitle'),
        selfUrl: abs(NEWS_FEED_PATH),
        alternateUrl: abs('/'),
        author: ctx.org.name,
        rights: config.openDataLicence,
        updated: items[0]?.updated ?? new Date(0),
        entries: items.map((i) => ({
          id: abs(i.path),
          link: abs(i.path),
          title: i.title,
          summary: i.summary,
          published: i.published,
          updated: i.updated,
          categories: i.categories,
        })),
      },
      ctx.locale,
    );
    return reply.type('application/atom+xml; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(body);
  });
}
