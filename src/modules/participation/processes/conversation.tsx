import type { Db } from '../../../platform/db/connect';
import type { RequestContext } from '../../../platform/http/context';
import type { Children } from '../../../platform/views/render';
import { commentsSection } from '../comments/views/comments-section';
import { followSection } from '../comments/views/follow-section';
import { processItem } from './item-kind';
import type { PublicProcess } from './process.service';

/**
 * Following and comments on a process's page, from the comments feature. Only for processes that take comments
 * in some phase: elsewhere an empty "Kommentare" section would only say that nobody can write.
 */
export async function processConversation(db: Db, ctx: RequestContext, p: PublicProcess): Promise<Children> {
  const item = processItem(p);
  const id = p.process.id;
  const follow = await followSection(db, ctx, { kind: 'process', id, item });
  if (!p.phases.some((ph) => ph.kinds.includes('comments'))) return follow;
  const thread = await commentsSection(db, ctx, { kind: 'process', id, item });
  return (
    <>
      {follow}
      {thread}
    </>
  );
}
