import type { RequestContext } from '../../../../platform/http/context';
import type { FieldErrors } from '../../../../platform/http/errors';
import { formatDateTime, translator } from '../../../../platform/i18n';
import { BackOfficeFrame } from '../../../../platform/views/back-office-frame';
import { AdminFormPage, AdminListPage, DataTable, PageHead, PostButton } from '../../../../platform/views/components';
import { TextInput } from '../../../../platform/views/forms';
import type { BandValues } from '../band-form';
import type { listBatches } from '../codes.queries';
import { messages } from '../messages';
import { batchAgeText, dayText } from '../summary';
import { BandFields } from './band-fields';

export const CODES_PATH = '/verwaltung/verifizierung/codes';
const SHOWN = 500;

type Batch = Awaited<ReturnType<typeof listBatches>>[number];
const unused = (b: Batch) => b.code_count - b.used - b.revoked;

export function CodeBatchesPage({ ctx, batches, notice }: { ctx: RequestContext; batches: Batch[]; notice?: string | undefined }) {
  const t = translator(messages, ctx.locale);
  const name = (b: Batch) => `#${b.id}`;
  return (
    <AdminListPage
      ctx={ctx}
      title={t('bo.codes.title')}
      intro={t('bo.codes.intro')}
      notice={notice}
      action={{ href: `${CODES_PATH}/neu`, label: t('bo.codes.new') }}
    >
      <DataTable
        caption={t('bo.codes.caption')}
        rows={batches}
        empty={t('bo.codes.none')}
        columns={[
          { header: t('bo.col.created'), rowHeader: true, cell: (b) => `${name(b)} · ${formatDateTime(new Date(b.created_at), ctx.locale)}` },
          { header: t('bo.col.area'), cell: (b) => b.district_name ?? t('bo.field.wholeCity') },
          { header: t('bo.col.age'), cell: (b) => batchAgeText(ctx.locale, b) },
          { header: t('bo.col.validUntil'), cell: (b) => dayText(b.valid_until, ctx.locale) },
          { header: t('bo.col.count'), cell: (b) => String(b.code_count) },
          { header: t('bo.col.used'), cell: (b) => String(b.used) },
          { header: t('bo.col.revoked'), cell: (b) => String(b.revoked) },
          { header: t('bo.col.unused'), cell: (b) => String(unused(b)) },
          {
            header: t('bo.col.actions'),
            cell: (b) =>
              unused(b) > 0 ? (
                <PostButton action={`${CODES_PATH}/${b.id}/widerrufen`} csrfToken={ctx.csrfToken} label={t('bo.codes.revoke')} name={name(b)} small />
              ) : null,
          },
        ]}
      />
    </AdminListPage>
  );
}

export interface CodeFormValues extends BandValues {
  count: string;
}

export function CodeFormPage({
  ctx,
  districts,
  values,
  errors,
}: {
  ctx: RequestContext;
  districts: Array<{ id: number; name: string }>;
  values: CodeFormValues;
  errors?: FieldErrors;
}) {
  const t = translator(messages, ctx.locale);
  return (
    <AdminFormPage
      ctx={ctx}
      title={t('bo.gen.title')}
      back={{ href: CODES_PATH, label: t('bo.gen.back') }}
      intro={<p>{t('bo.gen.intro')}</p>}
      errors={errors}
      action={CODES_PATH}
      submitLabel={t('bo.gen.submit')}
    >
      <TextInput
        name="count"
        label={t('bo.field.count')}
        hint={t('bo.field.countHint')}
        value={values.count}
        error={errors?.count}
        inputMode="numeric"
        width="short"
      />
      <BandFields locale={ctx.locale} districts={districts} values={values} errors={errors ?? {}} />
    </AdminFormPage>
  );
}

/** Right after generating: the codes, once, and the link to their CSV. */
export function CodesIssuedPage({ ctx, batchId, codes }: { ctx: RequestContext; batchId: number; codes: string[] }) {
  const t = translator(messages, ctx.locale);
  const title = t('bo.result.title', { n: codes.length });
  return (
    <BackOfficeFrame ctx={ctx} title={title}>
      <PageHead title={title} back={{ href: CODES_PATH, label: t('bo.gen.back') }} />
      <div class="k-notice k-notice--info">
        <p>{t('bo.result.once')}</p>
        <p>
          <a class="k-button k-button--primary" href={`${CODES_PATH}/${batchId}/codes.csv`} download>
            {t('bo.result.csv')}
          </a>
        </p>
      </div>
      {codes.length > SHOWN && <p>{t('bo.result.shownFirst', { n: SHOWN })}</p>}
      <ol class="k-letter-codes" aria-label={t('bo.result.caption')}>
        {codes.slice(0, SHOWN).map((c) => (
          <li>
            <code dir="ltr">{c}</code>
          </li>
        ))}
      </ol>
    </BackOfficeFrame>
  );
}
