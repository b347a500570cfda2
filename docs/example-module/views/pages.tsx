import type { RequestContext } from '../../../src/platform/http/context';
import { formatDateTime, translator } from '../../../src/platform/i18n';
import { BackOfficeFrame } from '../../../src/platform/views/back-office-frame';
import { Layout } from '../../../src/platform/views/layout';
import { messages } from '../messages';
import type { Notice } from '../notices.queries';

function NoticeList({ ctx, notices }: { ctx: RequestContext; notices: Notice[] }) {
  const t = translator(messages, ctx.locale);
  if (notices.length === 0) return <p>{t('none')}</p>;
  return (
    <ul class="k-list">
      {notices.map((n) => (
        <li>
          {n.title} <time dateTime={new Date(n.expires_at).toISOString()}>{formatDateTime(new Date(n.expires_at), ctx.locale)}</time>
        </li>
      ))}
    </ul>
  );
}

export function NoticesPage({ ctx, notices }: { ctx: RequestContext; notices: Notice[] }) {
  const t = translator(messages, ctx.locale);
  return (
    <Layout ctx={ctx} title={t('title')}>
      <h1>{t('title')}</h1>
      <NoticeList ctx={ctx} notices={notices} />
    </Layout>
  );
}

export function NoticesAdminPage({ ctx, notices }: { ctx: RequestContext; notices: Notice[] }) {
  const t = translator(messages, ctx.locale);
  return (
    <BackOfficeFrame ctx={ctx} title={t('adminTitle')}>
      <h1>{t('adminTitle')}</h1>
      <NoticeList ctx={ctx} notices={notices} />
    </BackOfficeFrame>
  );
}
