import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { formatDateTime, translator } from '../../../platform/i18n';
import { platformMessages } from '../../../platform/i18n/platform-messages';
import { Button, CsrfField, ErrorSummary, Notice, TextInput } from '../../../platform/views/forms';
import { BackOfficeLayout } from '../../organizations/views/back-office-layout';
import { messages } from '../messages';

export interface ApiKeyRow {
  id: number;
  name: string;
  key_prefix: string;
  rate_per_minute: number;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export function ApiKeysPage(props: {
  ctx: RequestContext;
  keys: ApiKeyRow[];
  created?: { name: string; key: string };
  notice?: string;
  values?: { name: string; rate: string };
  errors?: FieldErrors;
}) {
  const { ctx, keys } = props;
  const t = translator(messages, ctx.locale);
  const tp = translator(platformMessages, ctx.locale);
  const errors = props.errors ?? {};
  const values = props.values ?? { name: '', rate: '60' };
  return (
    <BackOfficeLayout ctx={ctx} title={t('apiKeys')}>
      <h1>{t('apiKeys')}</h1>
      {props.created && (
        <div class="k-notice k-notice--success" role="status">
          <p>{t('keyShownOnce', { name: props.created.name })}</p>
          <p>
            <label class="k-label" for="new-api-key">
              {t('keyValue')}
            </label>
            <input class="k-input k-input--full" id="new-api-key" type="text" readOnly value={props.created.key} autocomplete="off" spellcheck={false} />
          </p>
        </div>
      )}
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <p>{t('apiKeysIntro')}</p>
      {keys.length === 0 ? (
        <p>{t('apiKeysNone')}</p>
      ) : (
        <div class="k-table-wrap">
          <table class="k-table">
            <caption class="k-visually-hidden">{t('apiKeys')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('keyName')}</th>
                <th scope="col">{t('keyPrefix')}</th>
                <th scope="col">{t('keyRate')}</th>
                <th scope="col">{t('keyCreated')}</th>
                <th scope="col">{t('keyLastUsed')}</th>
                <th scope="col">{t('keyStatus')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr>
                  <th scope="row">{k.name}</th>
                  <td>
                    <code>{k.key_prefix}…</code>
                  </td>
                  <td>{k.rate_per_minute}</td>
                  <td>{formatDateTime(new Date(k.created_at), ctx.locale)}</td>
                  <td>{k.last_used_at ? formatDateTime(new Date(k.last_used_at), ctx.locale) : t('keyNever')}</td>
                  <td>{k.revoked_at ? t('keyRevoked', { date: formatDateTime(new Date(k.revoked_at), ctx.locale) }) : t('keyActive')}</td>
                  <td>
                    {!k.revoked_at && (
                      <form method="post" action={`/verwaltung/api-schluessel/${k.id}/widerrufen`}>
                        <CsrfField token={ctx.csrfToken} />
                        <button type="submit" class="k-button k-button--warning k-button--small">
                          {t('keyRevoke')}
                          <span class="k-visually-hidden"> {k.name}</span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section class="k-section" aria-labelledby="new-key-title">
        <h2 id="new-key-title">{t('keyNew')}</h2>
        <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
        <form method="post" action="/verwaltung/api-schluessel" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextInput name="name" label={t('keyName')} hint={t('keyNameHint')} value={values.name} error={errors.name} maxLength={100} />
          <TextInput name="rate" label={t('keyRate')} hint={t('keyRateHint')} value={values.rate} error={errors.rate} inputMode="numeric" width="short" />
          <Button>{t('keyCreate')}</Button>
        </form>
        <p class="k-hint">{t('keyCli')}</p>
      </section>
    </BackOfficeLayout>
  );
}
