import type { Db } from '../../../platform/db/connect';
import { type Locale, translator } from '../../../platform/i18n';
import type { FeedItem } from '../../../platform/module';
import { processMessages } from './messages';
import { berlinDay } from './process';
import * as q from './process.queries';
import { topicName } from './views/process-parts';

/** The city feed's entries: new and changed published processes, and phases that have started (at their first day). */
export async function processFeed(db: Db, organizationId: number, locale: Locale, limit: number, now = new Date()): Promise<FeedItem[]> {
  const t = translator(processMessages, locale);
  const { processes, phases } = await q.processNews(db, organizationId, berlinDay(now), limit);
  const items: FeedItem[] = [
    ...processes.map((p) => ({
      path: `/beteiligung/${p.id}`,
      title: t('feed.new', { title: p.title }),
      summary: p.summary,
      published: p.created_at,
      updated: p.updated_at,
      categories: [topicName(p.topic, locale)],
    })),
    ...phases.map((ph) => {
      // Berlin midnight of the first day is near enough for a feed's order; noon UTC keeps the day itself right.
      const at = new Date(`${ph.starts_on}T12:00:00Z`);
      return {
        path: `/beteiligung/${ph.process_id}#phase-${ph.id}`,
        title: t('feed.phase', { title: ph.process_title, phase: ph.title }),
        summary: ph.description,
        published: at,
        updated: at,
        categories: [topicName(ph.topic, locale)],
      };
    }),
  ];
  return items.sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, limit);
}
