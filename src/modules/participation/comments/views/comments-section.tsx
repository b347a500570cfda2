import type { Db } from '../../../../platform/db/connect';
import type { RequestContext } from '../../../../platform/http/context';
import { translator } from '../../../../platform/i18n';
import { Pagination } from '../../../../platform/views/components';
import type { Children } from '../../../../platform/views/render';
import { decideEligibility } from '../../eligibility/eligibility.service';
import { EligibilityNotice } from '../../eligibility/notice';
import type { Refusal } from '../../eligibility/rule';
import * as q from '../comments.queries';
import { COMMENTS_ANCHOR, mayAnswerOfficially, THREADS_PER_PAGE, threadPath } from '../comments.service';
import type { ParticipationItem } from '../item-kind';
import { commentMessages } from '../messages';
import { CommentForm } from './comment-forms';
import { Thread, type Viewer } from './comment-thread';

/** The stylesheet of comments and follows; a <link> in the body, only on pages that show them. */
export function CommentStyles() {
  return <link rel="stylesheet" href="/static/css/comments.css" />;
}

export interface SectionOptions {
  kind: string;
  id: number;
  item: ParticipationItem;
  /** Page of threads (the thread page's `seite`); the item's own page shows the first. */
  page?: number;
}

/** What stands where the form would: why this person may not write, or nothing when they may. */
async function writeState(db: Db, ctx: RequestContext, item: ParticipationItem): Promise<{ mayWrite: boolean; mayOfficial: boolean; refusal: Refusal | null }> {
  const mayOfficial = item.commentsOpen && mayAnswerOfficially(ctx.user, item);
  if (!item.commentsOpen) return { mayWrite: false, mayOfficial, refusal: null };
  if (!ctx.user) return { mayWrite: false, mayOfficial, refusal: 'sign_in' };
  if (mayOfficial) return { mayWrite: true, mayOfficial, refusal: null };
  const decision = await decideEligibility(db, { organizationId: ctx.org.id, userId: ctx.user.id }, item.commentRule, new Date());
  return decision.allowed ? { mayWrite: true, mayOfficial, refusal: null } : { mayWrite: false, mayOfficial, refusal: decision.refusal };
}

/**
 * The comments of an item for its owner's page: heading with the count, the form (or why this person may not
 * write), and the threads oldest first (a conversation reads down; replies under their comment), 20 threads a
 * page with links to the thread page for the rest.
 */
export async function commentsSection(db: Db, ctx: RequestContext, options: SectionOptions): Promise<Children> {
  const { kind, id, item } = options;
  const page = options.page ?? 1;
  const t = translator(commentMessages, ctx.locale);
  const data = await q.threadPage(db, ctx.org.id, kind, id, page, THREADS_PER_PAGE);
  const state = await writeState(db, ctx, item);
  const ids = [...data.top, ...data.replies].map((c) => c.id);
  const viewer: Viewer = {
    user: ctx.user,
    csrfToken: ctx.csrfToken,
    mayWrite: state.mayWrite,
    mayOfficial: state.mayOfficial,
    moderator: ctx.user?.level === 'staff' && (ctx.user.role === 'admin' || ctx.user.role === 'moderator'),
    flagged: ctx.user ? await q.flaggedBy(db, ctx.org.id, ctx.user.id, ids) : new Set(),
    itemPath: item.path,
  };
  const action = threadPath(kind, id);
  const pages = Math.max(1, Math.ceil(data.threads / THREADS_PER_PAGE));
  return (
    <section class="k-section k-comments" id={COMMENTS_ANCHOR} aria-labelledby={`${COMMENTS_ANCHOR}-title`}>
      <CommentStyles />
      <h2 id={`${COMMENTS_ANCHOR}-title`}>
        {t('section.title')} <span class="k-comments__count">({t('section.count', { n: data.visible })})</span>
      </h2>
      {state.mayWrite && ctx.user ? (
        <div class="k-comments__new">
          <h3>{t('form.title')}</h3>
          <CommentForm
            locale={ctx.locale}
            csrfToken={ctx.csrfToken}
            action={action}
            prefix="kommentar-neu"
            accountName={ctx.user.displayName}
            mayOfficial={state.mayOfficial}
          />
        </div>
      ) : state.refusal ? (
        <EligibilityNotice locale={ctx.locale} refusal={state.refusal} returnPath={item.path} />
      ) : (
        <p class="k-notice k-notice--info">{t('form.closed')}</p>
      )}
      {data.top.length === 0 ? (
        <p>{t('section.empty')}</p>
      ) : (
        <ol class="k-comments__list">
          {data.top.map((top) => (
            <Thread locale={ctx.locale} top={top} replies={data.replies.filter((r) => r.parent_id === top.id)} viewer={viewer} action={action} />
          ))}
        </ol>
      )}
      <Pagination paging={{ page, pages }} url={{ path: action, query: {} }} />
    </section>
  );
}

/** Visible comments per item, for the owner's lists ("12 Kommentare"). */
export function commentCounts(db: Db, organizationId: number, kind: string, ids: number[]): Promise<Map<number, number>> {
  return q.visibleCommentCounts(db, organizationId, kind, ids);
}
