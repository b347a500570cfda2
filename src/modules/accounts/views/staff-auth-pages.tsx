import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { translator } from '../../../platform/i18n';
import { platformMessages } from '../../../platform/i18n/platform-messages';
import { Button, CsrfField, ErrorSummary, Notice, TextInput } from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import { messages } from '../messages';

function useT(ctx: RequestContext) {
  return [translator(messages, ctx.locale), translator(platformMessages, ctx.locale)] as const;
}

/** The code from the authenticator app: sign-in's second step, the set-up page and the password reset ask for it alike. */
function TotpCodeField({ ctx, error }: { ctx: RequestContext; error: string | undefined }) {
  const [t] = useT(ctx);
  return (
    <TextInput name="code" inputMode="numeric" autocomplete="one-time-code" label={t('code')} hint={t('codeHint')} error={error} width="short" maxLength={7} />
  );
}

export function StaffLoginPage({
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
  const [t, tp] = useT(ctx);
  return (
    <Layout ctx={ctx} title={t('staffLoginTitle')}>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <h1>{t('staffLoginTitle')}</h1>
      <p>{t('staffLoginIntro')}</p>
      <form method="post" action="/verwaltung/anmelden" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="return" value={returnPath} />
        <TextInput name="email" type="email" autocomplete="username" label={t('email')} value={email} error={errors.email} />
        <TextInput name="password" type="password" autocomplete="current-password" label={t('password')} error={errors.password} />
        <Button>{t('signIn')}</Button>
      </form>
      <p>
        <a href="/verwaltung/passwort-vergessen">{t('forgotPassword')}</a>
      </p>
    </Layout>
  );
}

export function SecondFactorPage({ ctx, returnPath = '', errors = {} }: { ctx: RequestContext; returnPath?: string; errors?: FieldErrors }) {
  const [t, tp] = useT(ctx);
  return (
    <Layout ctx={ctx} title={t('codeTitle')}>
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <h1>{t('codeTitle')}</h1>
      <p>{t('codeIntro')}</p>
      <form method="post" action="/verwaltung/anmelden/code" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="return" value={returnPath} />
        <TotpCodeField ctx={ctx} error={errors.code} />
        <Button>{t('verify')}</Button>
      </form>
    </Layout>
  );
}

export function StaffSetupPage({
  ctx,
  token,
  email,
  secret,
  qrSvg,
  errors = {},
}: {
  ctx: RequestContext;
  token: string;
  email: string;
  secret: string;
  qrSvg: string;
  errors?: FieldErrors;
}) {
  const [t, tp] = useT(ctx);
  const grouped = secret.match(/.{1,4}/g)?.join(' ') ?? secret;
  return (
    <Layout ctx={ctx} title={t('setupTitle')}>
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <h1>{t('setupTitle')}</h1>
      <p>{t('setupIntro', { email })}</p>
      <form method="post" action={`/verwaltung/einrichten/${token}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <h2>{t('setupStep1')}</h2>
        <input type="text" name="username" autocomplete="username" value={email} hidden readOnly />
        <TextInput name="password" type="password" autocomplete="new-password" label={t('newPassword')} hint={t('passwordHint')} error={errors.password} />
        <h2>{t('setupStep2')}</h2>
        <img class="k-qr" src={`data:image/svg+xml;base64,${Buffer.from(qrSvg).toString('base64')}`} alt={t('setupQrAlt')} width={200} height={200} />
        <p>
          {t('setupSecret', { secret: '' })}
          <code class="k-secret" data-secret={secret}>
            {grouped}
          </code>
        </p>
        <TotpCodeField ctx={ctx} error={errors.code} />
        <Button>{t('setupButton')}</Button>
      </form>
    </Layout>
  );
}

export function ResetRequestPage({ ctx, email = '', errors = {} }: { ctx: RequestContext; email?: string; errors?: FieldErrors }) {
  const [t, tp] = useT(ctx);
  return (
    <Layout ctx={ctx} title={t('resetTitle')}>
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <h1>{t('resetTitle')}</h1>
      <p>{t('resetIntro')}</p>
      <form method="post" action="/verwaltung/passwort-vergessen" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput name="email" type="email" autocomplete="username" label={t('email')} value={email} error={errors.email} />
        <Button>{t('resetSend')}</Button>
      </form>
    </Layout>
  );
}

export function ResetSentPage({ ctx, email }: { ctx: RequestContext; email: string }) {
  const [t] = useT(ctx);
  return (
    <Layout ctx={ctx} title={t('resetSentTitle')}>
      <h1>{t('resetSentTitle')}</h1>
      <p>{t('resetSentText', { email })}</p>
    </Layout>
  );
}

export function ResetPasswordPage({ ctx, token, email, errors = {} }: { ctx: RequestContext; token: string; email: string; errors?: FieldErrors }) {
  const [t, tp] = useT(ctx);
  return (
    <Layout ctx={ctx} title={t('resetNewTitle')}>
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <h1>{t('resetNewTitle')}</h1>
      <form method="post" action={`/verwaltung/passwort/${token}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="text" name="username" autocomplete="username" value={email} hidden readOnly />
        <TextInput name="password" type="password" autocomplete="new-password" label={t('newPassword')} hint={t('passwordHint')} error={errors.password} />
        <TotpCodeField ctx={ctx} error={errors.code} />
        <Button>{t('resetButton')}</Button>
      </form>
    </Layout>
  );
}
