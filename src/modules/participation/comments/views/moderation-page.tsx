import type { RequestContext } from '../../../../platform/http/context';
import type { FieldErrors } from '../../../../platform/http/errors';
import { formatDateTime, staffLocale, translator } from '../../../../platform/i18n';
import { AdminListPage, type Column, DataTable, type Paging, PostButton } from '../../../../platform/views/components';
import { commentMessages } from '../messages';
import type { QueueRow, QueueView } from '../moderation.queries';
import { HideForm } from './comment-forms';

export interface QueueEntry extends QueueRow {
  item: { title: string; path: string } | null;
}

export const MODERATION_PATH = '/verwaltung/moderation';

/** The moderation queue: reported comments of every kind of item, oldest report first; or the hidden ones. */
export function ModerationPage(p: {
  ctx: RequestContext;
  view: QueueView;
  rows: QueueEntry[];
  flaggedTotal: number;
  paging: Paging;
  notice?: string | undefined;
  errors?: FieldErrors | undefined;
  failed?: { id: number; reason: string } | undefined;
}) {
  const { ctx } = p;
  const locale = staffLocale(ctx.locale);
  const t = translator(commentMessages, locale);
  const columns: Array<Column<QueueEntry>> = [
    {
      header: t('bo.col.comment'),
      rowHeader: true,
      cell: (r) => (
        <>
          <span dir="auto" class="k-comment__body">
            {r.body}
          </span>
          {r.official && <strong class="k-comment__badge"> ({t('bo.official')})</strong>}
        </>
      ),
    },
    {
      header: t('bo.col.item'),
      cell: (r) => (r.item ? <a href={`${r.item.path}#kommentar-${r.id}`}>{r.item.title}</a> : t('bo.itemGone', { kind: r.item_kind, id: r.item_id })),
    },
    p.view === 'flagged'
      ? {
          header: t('bo.col.reasons'),
          cell: (r) => (
            <ul class="k-list">
              {r.reasons.map((reason) => (
                <li dir="auto">{reason}</li>
              ))}
            </ul>
          ),
        }
      : { header: t('bo.col.hiddenReason'), cell: (r) => <span dir="auto">{r.hidden_reason}</span> },
    {
      header: t('bo.col.since'),
      cell: (r) => {
        const at = r.first_flag_at ?? r.hidden_at;
        return at ? formatDateTime(new Date(at), locale) : '';
      },
    },
    {
      header: t('bo.col.actions'),
      cell: (r) =>
        r.hidden_at ? (
          <PostButton
            action={`${MODERATION_PATH}/${r.id}/einblenden`}
            csrfToken={ctx.csrfToken}
            label={t('bo.show')}
            name={`#${r.id}`}
            variant="secondary"
            small
          />
        ) : (
          <div class="k-moderation__actions">
            <HideForm
              locale={locale}
              csrfToken={ctx.csrfToken}
              commentId={r.id}
              prefix={p.failed?.id === r.id ? 'f' : `m${r.id}`}
              reason={p.failed?.id === r.id ? p.failed.reason : undefined}
              error={p.failed?.id === r.id ? t('bo.err.reason') : undefined}
            />
            <PostButton
              action={`${MODERATION_PATH}/${r.id}/verwerfen`}
              csrfToken={ctx.csrfToken}
              label={t('bo.dismiss')}
              name={`#${r.id}`}
              variant="secondary"
              small
            />
          </div>
        ),
    },
  ];
  const tabs = (
    <nav aria-label={t('bo.title')} class="k-moderation__views">
      <ul class="k-moderation__tabs">
        <li>
          <a href={MODERATION_PATH} aria-current={p.view === 'flagged' ? 'page' : undefined}>
            {t('bo.view.flagged', { n: p.flaggedTotal })}
          </a>
        </li>
        <li>
          <a href={`${MODERATION_PATH}?ansicht=ausgeblendet`} aria-current={p.view === 'hidden' ? 'page' : undefined}>
            {t('bo.view.hidden')}
          </a>
        </li>
      </ul>
    </nav>
  );
  return (
    <AdminListPage
      ctx={ctx}
      title={t('bo.title')}
      notice={p.notice}
      errors={p.errors}
      intro={t('bo.intro')}
      filters={tabs}
      pagination={{ paging: p.paging, url: { path: MODERATION_PATH, query: p.view === 'hidden' ? { ansicht: 'ausgeblendet' } : {} } }}
    >
      <link rel="stylesheet" href="/static/css/comments.css" />
      <DataTable
        caption={p.view === 'flagged' ? t('bo.caption.flagged') : t('bo.caption.hidden')}
        columns={columns}
        rows={p.rows}
        empty={p.view === 'flagged' ? t('bo.empty.flagged') : t('bo.empty.hidden')}
        rowAttributes={(r) => ({ 'data-comment': String(r.id) })}
      />
    </AdminListPage>
  );
}
