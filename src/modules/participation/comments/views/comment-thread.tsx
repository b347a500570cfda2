import type { SessionUser } from '../../../../platform/http/sessions';
import { formatDateTime, type Locale, translator } from '../../../../platform/i18n';
import type { CommentRow } from '../comments.queries';
import { commentAnchor } from '../comments.service';
import { commentMessages } from '../messages';
import { CommentForm, EditForm, FlagForm, HideForm } from './comment-forms';

// One thread (a top-level comment and its replies) and the actions under each comment. The actions fold into
// <details>, so the page needs no script and shows one small form only when asked.

export interface Viewer {
  user: SessionUser | null;
  csrfToken: string;
  /** May write (comments open, eligible or answering officially): reply forms are offered. */
  mayWrite: boolean;
  mayOfficial: boolean;
  moderator: boolean;
  flagged: Set<number>;
  /** The item's page: where a moderator's decision made on it leads back to. */
  itemPath: string;
}

export function authorName(locale: Locale, c: Pick<CommentRow, 'author_name'>): string {
  return c.author_name ?? translator(commentMessages, locale)('author.anonymous');
}

function Body({ locale, c }: { locale: Locale; c: CommentRow }) {
  const t = translator(commentMessages, locale);
  if (c.removed_at) return <p class="k-comment__gone">{t('comment.removed')}</p>;
  if (c.hidden_at) {
    return <p class="k-comment__gone">{t('comment.hidden', { reason: c.hidden_reason ?? '' })}</p>;
  }
  return (
    <p class="k-comment__body" dir="auto">
      {c.body}
    </p>
  );
}

/** Whose comment a summary acts on, for screen readers ("Antworten: Erika Muster"): the page has one per comment. */
function Context({ name }: { name: string }) {
  return <span class="k-visually-hidden">: {name}</span>;
}

function Actions({ locale, c, viewer, replyAction }: { locale: Locale; c: CommentRow; viewer: Viewer; replyAction: string | null }) {
  const t = translator(commentMessages, locale);
  const user = viewer.user;
  if (!user || c.hidden_at || c.removed_at) return null;
  const own = c.author_id === user.id;
  const name = authorName(locale, c);
  const prefix = `k${c.id}`;
  return (
    <div class="k-comment__actions">
      {replyAction && viewer.mayWrite && (
        <details class="k-comment__action">
          <summary>
            {t('reply.open')}
            <Context name={name} />
          </summary>
          <CommentForm
            locale={locale}
            csrfToken={viewer.csrfToken}
            action={replyAction}
            prefix={`${prefix}-reply`}
            parentId={c.id}
            replyTo={name}
            accountName={user.displayName}
            mayOfficial={viewer.mayOfficial}
          />
        </details>
      )}
      {own && c.editable && (
        <details class="k-comment__action">
          <summary>
            {t('edit.open')}
            <Context name={name} />
          </summary>
          <EditForm locale={locale} csrfToken={viewer.csrfToken} commentId={c.id} prefix={`${prefix}-edit`} text={c.body} />
        </details>
      )}
      {!own &&
        (viewer.flagged.has(c.id) ? (
          <p class="k-hint">{t('flag.done')}</p>
        ) : (
          <details class="k-comment__action">
            <summary>
              {t('flag.open')}
              <Context name={name} />
            </summary>
            <FlagForm locale={locale} csrfToken={viewer.csrfToken} commentId={c.id} prefix={`${prefix}-flag`} />
          </details>
        ))}
      {viewer.moderator && (
        <details class="k-comment__action">
          <summary>
            {t('bo.moderate')}
            <Context name={name} />
          </summary>
          <HideForm
            locale={locale}
            csrfToken={viewer.csrfToken}
            commentId={c.id}
            prefix={`${prefix}-mod`}
            returnTo={`${viewer.itemPath}#${commentAnchor(c.id)}`}
          />
        </details>
      )}
    </div>
  );
}

export function CommentView({ locale, c, viewer, replyAction }: { locale: Locale; c: CommentRow; viewer: Viewer; replyAction: string | null }) {
  const t = translator(commentMessages, locale);
  const created = new Date(c.created_at);
  const official = c.official && !c.hidden_at && !c.removed_at;
  return (
    <article class={official ? 'k-comment k-comment--official' : 'k-comment'} id={commentAnchor(c.id)}>
      <p class="k-comment__meta">
        <span class="k-comment__author" dir="auto">
          {authorName(locale, c)}
        </span>
        {official && <strong class="k-comment__badge">{t('author.official')}</strong>}
        <a class="k-comment__time" href={`#${commentAnchor(c.id)}`}>
          <time dateTime={created.toISOString()}>{formatDateTime(created, locale)}</time>
        </a>
        {c.edited_at && !c.removed_at && <span class="k-comment__edited">({t('comment.edited')})</span>}
      </p>
      <Body locale={locale} c={c} />
      <Actions locale={locale} c={c} viewer={viewer} replyAction={replyAction} />
    </article>
  );
}

export function Thread({ locale, top, replies, viewer, action }: { locale: Locale; top: CommentRow; replies: CommentRow[]; viewer: Viewer; action: string }) {
  const t = translator(commentMessages, locale);
  return (
    <li class="k-comments__thread">
      <CommentView locale={locale} c={top} viewer={viewer} replyAction={action} />
      {replies.length > 0 && (
        <ol class="k-comments__replies" aria-label={t('section.replies', { name: authorName(locale, top) })}>
          {replies.map((r) => (
            <li>
              <CommentView locale={locale} c={r} viewer={viewer} replyAction={null} />
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}
