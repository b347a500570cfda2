import type { Db } from '../../platform/db/connect';
import type { RequestContext } from '../../platform/http/context';
import type { Children } from '../../platform/views/render';
import type { IdeaRow } from './ideas.queries';

// Where the ideas meet the participation core's comments and follows (issue 16).
// MINIMAL CALL SITE: `commentsSection(db, ctx, {kind, id, item})` was not exported from src/modules/participation
// when this was written. The idea page calls this function; once the core exports it, return
// `commentsSection(db, ctx, { kind: 'idea', id: idea.id, item })` here, and the idea kind contributed in index.ts
// already answers the core's questions.
export async function comments(_db: Db, _ctx: RequestContext, _idea: IdeaRow): Promise<Children> {
  return null;
}
