import type { RequestContext } from '../../../../platform/http/context';
import type { FieldErrors } from '../../../../platform/http/errors';
import { translator } from '../../../../platform/i18n';
import { platformMessages } from '../../../../platform/i18n/platform-messages';
import { Button, CsrfField, ErrorSummary, Notice, TextInput } from '../../../../platform/views/forms';
import { Layout } from '../../../../platform/views/layout';
import { messages } from '../messages';
import { VERIFICATION_PATH } from '../notice';

/** The state of the account's verification, and the letter-code form (also drawn inside Mein Konto's section). */
export function VerificationForm({
  ctx,
  status,
  code = '',
  error,
  returnPath = '',
}: {
  ctx: RequestContext;
  status: { state: 'none' | 'verified' | 'expired'; text: string };
  code?: string;
  error?: string | undefined;
  /** The page to go back to after a spent code ('' : this page). */
  returnPath?: string;
}) {
  const t = translator(messages, ctx.locale);
  return (
    <>
      <p class="k-verification-status" data-state={status.state}>
        <strong>{status.text}</strong>
      </p>
      <form method="post" action={VERIFICATION_PATH} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {returnPath && <input type="hidden" name="return" value={returnPath} />}
        {status.state !== 'none' && <p class="k-hint">{t('page.renew')}</p>}
        <TextInput name="code" label={t('page.code')} hint={t('page.codeHint')} value={code} error={error} autocomplete="off" maxLength={40} dir="ltr" />
        <Button>{t('page.submit')}</Button>
      </form>
      <p>{t('page.counter')}</p>
    </>
  );
}

export function VerificationPage(props: {
  ctx: RequestContext;
  status: { state: 'none' | 'verified' | 'expired'; text: string };
  code?: string;
  errors?: FieldErrors;
  done?: boolean;
  returnPath?: string;
}) {
  const { ctx, errors = {} } = props;
  const t = translator(messages, ctx.locale);
  const tp = translator(platformMessages, ctx.locale);
  return (
    <Layout ctx={ctx} title={t('page.title')}>
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <h1>{t('page.title')}</h1>
      {props.done && <Notice kind="success">{t('page.done')}</Notice>}
      <p>{t('page.intro')}</p>
      <VerificationForm ctx={ctx} status={props.status} code={props.code ?? ''} error={errors.code} returnPath={props.returnPath ?? ''} />
    </Layout>
  );
}
