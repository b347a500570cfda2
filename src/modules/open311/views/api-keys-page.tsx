import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { formatDateTime, translator } from '../../../platform/i18n';
import { AdminListPage, DataTable, FormSection, PostButton } from '../../../platform/views/components';
import { TextInput } from '../../../platform/views/forms';
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
  const errors = props.errors ?? {};
  const values = props.values ?? { name: '', rate: '60' };
  return (
    <AdminListPage
      ctx={ctx}
      title={t('apiKeys')}
      notice={props.notice}
      intro={
        <>
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
          <p>{t('apiKeysIntro')}</p>
        </>
      }
      after={
        <FormSection
          id="new-key-title"
          title={t('keyNew')}
          errors={errors}
          action="/verwaltung/api-schluessel"
          csrfToken={ctx.csrfToken}
          submitLabel={t('keyCreate')}
          after={<p class="k-hint">{t('keyCli')}</p>}
        >
          <TextInput name="name" label={t('keyName')} hint={t('keyNameHint')} value={values.name} error={errors.name} maxLength={100} />
          <TextInput name="rate" label={t('keyRate')} hint={t('keyRateHint')} value={values.rate} error={errors.rate} inputMode="numeric" width="short" />
        </FormSection>
      }
    >
      <DataTable
        caption={t('apiKeys')}
        rows={keys}
        empty={t('apiKeysNone')}
        columns={[
          { header: t('keyName'), rowHeader: true, cell: (k) => k.name },
          { header: t('keyPrefix'), cell: (k) => <code>{k.key_prefix}…</code> },
          { header: t('keyRate'), cell: (k) => k.rate_per_minute },
          { header: t('keyCreated'), cell: (k) => formatDateTime(new Date(k.created_at), ctx.locale) },
          { header: t('keyLastUsed'), cell: (k) => (k.last_used_at ? formatDateTime(new Date(k.last_used_at), ctx.locale) : t('keyNever')) },
          {
            header: t('keyStatus'),
            cell: (k) => (k.revoked_at ? t('keyRevoked', { date: formatDateTime(new Date(k.revoked_at), ctx.locale) }) : t('keyActive')),
          },
          {
            header: t('actions'),
            cell: (k) =>
              !k.revoked_at && (
                <PostButton action={`/verwaltung/api-schluessel/${k.id}/widerrufen`} csrfToken={ctx.csrfToken} label={t('keyRevoke')} name={k.name} small />
              ),
          },
        ]}
      />
    </AdminListPage>
  );
}
