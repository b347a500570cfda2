import type { RequestContext } from '../../../../platform/http/context';
import type { FieldErrors } from '../../../../platform/http/errors';
import { translator } from '../../../../platform/i18n';
import { ErrorSummary } from '../../../../platform/views/forms';
import { Layout } from '../../../../platform/views/layout';
import type { Children } from '../../../../platform/views/render';
import { commentMessages } from '../messages';
import { CommentStyles } from './comments-section';

// The comments' own pages: a form shown again after a mistake (with the field marked and the text kept), the
// thread page for comments past the first page, and unsubscribing from the digest's links.

export function CommentFormPage({
  ctx,
  title,
  item,
  errors,
  children,
}: {
  ctx: RequestContext;
  title: string;
  item: { title: string; path: string };
  errors: FieldErrors;
  children: Children;
}) {
  const t = translator(commentMessages, ctx.locale);
  return (
    <Layout ctx={ctx} title={title}>
      <CommentStyles />
      <p>
        <a href={item.path}>{t('page.back', { title: item.title })}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary title={t('form.errorTitle')} errors={errors} />
      {children}
    </Layout>
  );
}

export function ThreadPage({ ctx, item, section }: { ctx: RequestContext; item: { title: string; path: string }; section: Children }) {
  const t = translator(commentMessages, ctx.locale);
  const title = t('page.title', { title: item.title });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={item.path}>{t('page.back', { title: item.title })}</a>
      </p>
      <h1 dir="auto">{title}</h1>
      {section}
    </Layout>
  );
}

export function UnsubscribePage({ ctx, token, title, done }: { ctx: RequestContext; token: string; title: string | null; done: boolean }) {
  const t = translator(commentMessages, ctx.locale);
  return (
    <Layout ctx={ctx} title={t('unsubscribe.title')}>
      <h1>{t('unsubscribe.title')}</h1>
      {title === null ? (
        <p>{t('unsubscribe.invalid')}</p>
      ) : done ? (
        <p role="status">{t('unsubscribe.done', { title })}</p>
      ) : (
        <form method="post" action={`/beteiligung/abbestellen/${token}`}>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <p>{t('unsubscribe.question', { title })}</p>
          <button type="submit" class="k-button k-button--primary">
            {t('unsubscribe.submit')}
          </button>
        </form>
      )}
    </Layout>
  );
}
