import type { Db } from '../../platform/db/connect';
import type { Locale } from '../../platform/i18n';
import { translator } from '../../platform/i18n';
import type { FeedItem, SitemapEntry } from '../../platform/module';
import type { ParticipationItemKind } from '../participation';
import { isOpen } from './idea';
import * as ideas from './idea.service';
import * as q from './ideas.queries';
import { messages } from './messages';

// What the ideas module gives other modules: its kind of participation item (comments and follows of the core),
// its entries of the city's news feed, and its pages for the sitemap.

const SITEMAP_IDEAS = 4_000;

export const ideaItemKind: ParticipationItemKind = {
  kind: 'idea',
  async find(db: Db, organizationId: number, id: number) {
    const idea = await q.findIdea(db, organizationId, id);
    if (!idea || idea.status === 'merged') return null;
    const settings = await ideas.ideaSettings(db, organizationId);
    return {
      title: idea.title,
      path: `/ideen/${idea.id}`,
      commentRule: ideas.ruleFor(settings, 'comment'),
      commentsOpen: isOpen(idea.status) || idea.status === 'accepted',
      departmentId: idea.department_id,
    };
  },
  describeEvent(event, locale) {
    const t = translator(messages, locale);
    const status = event.data?.status;
    if (event.type === 'status' && typeof status === 'string') return t('event.status', { status: t(`status.${status}` as 'status.submitted') });
    if (event.type === 'merged' && event.data?.from) return t('event.merged_from', { id: String(event.data.from) });
    return null;
  },
};

export function feedItem(locale: Locale, r: q.PublicIdea): FeedItem {
  const t = translator(messages, locale);
  return {
    path: `/ideen/${r.id}`,
    title: r.title,
    summary: t('feedSummary', { status: t(`status.${r.status}`), supports: t('supportsCount', { n: r.supporters_count }), text: r.description.slice(0, 500) }),
    published: new Date(r.created_at),
    updated: new Date(r.updated_at),
    categories: [t(`topic.${r.topic}` as 'topic.sonstiges')],
  };
}

export async function ideaFeed(db: Db, organizationId: number, locale: Locale, limit: number): Promise<FeedItem[]> {
  return (await q.newestIdeas(db, organizationId, limit)).map((r) => feedItem(locale, r));
}

export async function sitemapIdeas(db: Db, organizationId: number): Promise<SitemapEntry[]> {
  const rows = await q.newestIdeas(db, organizationId, SITEMAP_IDEAS);
  return [{ path: '/ideen' }, { path: '/ideen/neu' }, ...rows.map((r) => ({ path: `/ideen/${r.id}`, lastModified: new Date(r.updated_at) }))];
}
