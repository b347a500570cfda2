import type { RequestContext } from '../http/context';
import type { ErrorCode } from '../http/errors';
import { translator } from '../i18n';
import { platformMessages } from '../i18n/platform-messages';
import { Layout } from './layout';

export function ErrorPage({
  ctx,
  code,
  reference,
  minutes,
  params = [],
}: {
  ctx: RequestContext;
  code: ErrorCode;
  reference?: string;
  minutes?: number;
  /** The address's parameters that were not valid (a bad request), named for the person. */
  params?: string[];
}) {
  const t = translator(platformMessages, ctx.locale);
  const title = t(`error.${code}.title`);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t(`error.${code}.text`, { minutes: minutes ?? 1 })}</p>
      {params.length > 0 && (
        <p>
          {t('error.bad_request.params', {
            names: params
              .slice(0, 5)
              .map((p) => p.slice(0, 40))
              .join(', '),
          })}
        </p>
      )}
      {reference && <p class="k-hint">{t('errorReference', { ref: reference })}</p>}
      <p>
        <a href="/">{t('backToHome')}</a>
      </p>
    </Layout>
  );
}
