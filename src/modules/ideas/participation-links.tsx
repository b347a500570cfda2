import type { Db } from '../../platform/db/connect';
import type { RequestContext } from '../../platform/http/context';
import type { Children } from '../../platform/views/render';
import { commentsSection, followSection } from '../participation';
import { ideaItemKind } from './contributions';
import type { IdeaRow } from './ideas.queries';

// Where an idea's page meets the participation core: follow button and comments (one level of replies, official
// answers marked, moderation), both keyed by ('idea', id).
export async function comments(db: Db, ctx: RequestContext, idea: IdeaRow): Promise<Children> {
  const item = await ideaItemKind.find(db, ctx.org.id, idea.id, ctx.locale);
  if (!item) return null;
  const [follow, thread] = await Promise.all([
    followSection(db, ctx, { kind: 'idea', id: idea.id, item }),
    commentsSection(db, ctx, { kind: 'idea', id: idea.id, item }),
  ]);
  return (
    <>
      {follow}
      {thread}
    </>
  );
}
