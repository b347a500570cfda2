import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { translator } from '../../../platform/i18n';
import { platformMessages } from '../../../platform/i18n/platform-messages';
import { Button, CsrfField, ErrorSummary, Notice, TextInput } from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import { messages } from '../messages';

export function SignInPage({
  ctx,
  email = '',
  returnPath = '',
  errors = {},
  notice,
}: {
  ctx: RequestContext;
  email?: string;
  returnPath?: string;
  errors?: FieldErrors;
  notice?: string;
}) {
  const t = translator(messages, ctx.locale);
  const tp = translator(platformMessages, ctx.locale);
  return (
    <Layout ctx={ctx} title={t('signInTitle')}>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <h1>{t('signInTitle')}</h1>
      <p>{t('signInIntro')}</p>
      <form method="post" action="/anmelden" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="return" value={returnPath} />
        <TextInput name="email" type="email" autocomplete="email" label={t('email')} hint={t('emailHint')} value={email} error={errors.email} />
        <Button>{t('sendLink')}</Button>
      </form>
    </Layout>
  );
}

export function CheckMailPage({ ctx, email }: { ctx: RequestContext; email: string }) {
  const t = translator(messages, ctx.locale);
  return (
    <Layout ctx={ctx} title={t('checkMailTitle')}>
      <h1>{t('checkMailTitle')}</h1>
      <p>{t('checkMailText', { email })}</p>
      <p class="k-hint">{t('checkMailHint')}</p>
      <p>
        <a href="/anmelden">{t('requestNewLink')}</a>
      </p>
    </Layout>
  );
}

export function ConfirmSignInPage({ ctx, email, token }: { ctx: RequestContext; email: string; token: string }) {
  const t = translator(messages, ctx.locale);
  return (
    <Layout ctx={ctx} title={t('confirmTitle')}>
      <h1>{t('confirmTitle')}</h1>
      <p>{t('confirmText', { email })}</p>
      <form method="post" action={`/anmelden/link/${token}`}>
        <CsrfField token={ctx.csrfToken} />
        <Button>{t('confirmButton')}</Button>
      </form>
    </Layout>
  );
}

export function LinkInvalidPage({ ctx, retry = '/anmelden' }: { ctx: RequestContext; retry?: string }) {
  const t = translator(messages, ctx.locale);
  return (
    <Layout ctx={ctx} title={t('linkInvalidTitle')}>
      <h1>{t('linkInvalidTitle')}</h1>
      <p>{t('linkInvalidText')}</p>
      <p>
        <a href={retry}>{t('requestNewLink')}</a>
      </p>
    </Layout>
  );
}
