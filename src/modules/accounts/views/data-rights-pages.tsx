import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { translator } from '../../../platform/i18n';
import { platformMessages } from '../../../platform/i18n/platform-messages';
import type { ContributionsOnDeletion } from '../../../platform/personal-data';
import { Button, CsrfField, ErrorSummary, TextInput } from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import { EXPORT_LINK_MINUTES } from '../export-link';
import { messages } from '../messages';

/** "Meine Daten herunterladen": what the ZIP holds, and a button that makes a short-lived download link. */
export function DataExportPage({ ctx }: { ctx: RequestContext }) {
  const t = translator(messages, ctx.locale);
  return (
    <Layout ctx={ctx} title={t('data.title')}>
      <h1>{t('data.title')}</h1>
      <p>{t('data.intro', { city: ctx.org.name })}</p>
      <h2>{t('data.includes')}</h2>
      <ul>
        <li>{t('data.item.account')}</li>
        <li>{t('data.item.reports')}</li>
        <li>{t('data.item.engagement')}</li>
        <li>{t('data.item.sessions')}</li>
        <li>{t('data.item.mails')}</li>
      </ul>
      <p>{t('data.format')}</p>
      <form method="post" action="/konto/daten">
        <CsrfField token={ctx.csrfToken} />
        <p class="k-hint">{t('data.linkHint', { minutes: EXPORT_LINK_MINUTES })}</p>
        <Button>{t('data.button')}</Button>
      </form>
      <p class="k-section">
        <a href="/konto">{t('backToAccount')}</a>
      </p>
    </Layout>
  );
}

export function ExportLinkInvalidPage({ ctx }: { ctx: RequestContext }) {
  const t = translator(messages, ctx.locale);
  return (
    <Layout ctx={ctx} title={t('data.expiredTitle')}>
      <h1>{t('data.expiredTitle')}</h1>
      <p>{t('data.expiredText', { minutes: EXPORT_LINK_MINUTES })}</p>
      <p>
        <a href="/konto/daten">{t('data.again')}</a>
      </p>
    </Layout>
  );
}

/** "Konto löschen": what happens (as the city's setting says), and a confirmation by typing the address. */
export function DeleteAccountPage({
  ctx,
  mode,
  staff = false,
  confirm = '',
  errors = {},
}: {
  ctx: RequestContext;
  mode: ContributionsOnDeletion;
  staff?: boolean;
  confirm?: string;
  errors?: FieldErrors;
}) {
  const t = translator(messages, ctx.locale);
  const tp = translator(platformMessages, ctx.locale);
  const email = ctx.user?.email ?? '';
  return (
    <Layout ctx={ctx} title={t('delete.title')}>
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <h1>{t('delete.title')}</h1>
      {staff ? (
        <p>{t('delete.staff')}</p>
      ) : (
        <>
          <p>{t('delete.intro')}</p>
          <ul>
            <li>{t('delete.item.account')}</li>
            <li>{t(mode === 'remove' ? 'delete.item.remove' : 'delete.item.anonymise')}</li>
            {mode === 'anonymise' && <li>{t('delete.item.photos')}</li>}
            <li>{t('delete.item.mails')}</li>
          </ul>
          <p>
            {t('delete.exportFirst')} <a href="/konto/daten">{t('data.title')}</a>
          </p>
          <p>
            <strong>{t('delete.irreversible')}</strong>
          </p>
          <form method="post" action="/konto/loeschen" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextInput
              name="confirm"
              type="email"
              autocomplete="off"
              label={t('delete.confirm')}
              hint={t('delete.confirmHint', { email })}
              value={confirm}
              error={errors.confirm}
            />
            <Button variant="warning">{t('delete.button')}</Button>
          </form>
        </>
      )}
      <p class="k-section">
        <a href="/konto">{t('backToAccount')}</a>
      </p>
    </Layout>
  );
}

export function AccountDeletedPage({ ctx }: { ctx: RequestContext }) {
  const t = translator(messages, ctx.locale);
  return (
    <Layout ctx={ctx} title={t('deleted.title')}>
      <h1>{t('deleted.title')}</h1>
      <p>{t('deleted.text')}</p>
      <p>
        <a href="/">{t('deleted.home')}</a>
      </p>
    </Layout>
  );
}
