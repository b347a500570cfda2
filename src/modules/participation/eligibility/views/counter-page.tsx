import type { RequestContext } from '../../../../platform/http/context';
import type { FieldErrors } from '../../../../platform/http/errors';
import { translator } from '../../../../platform/i18n';
import { AdminFormPage } from '../../../../platform/views/components';
import { TextInput } from '../../../../platform/views/forms';
import type { BandValues } from '../band-form';
import { messages } from '../messages';
import { BandFields } from './band-fields';

export const COUNTER_PATH = '/verwaltung/verifizierung/schalter';

export interface CounterValues extends BandValues {
  email: string;
}

export const EMPTY_COUNTER: CounterValues = { email: '', district: '', ageMin: '', ageMax: '', ageOn: '', validUntil: '' };

/**
 * A staff member records what they saw on an ID: the account, district, age band on a reference day, valid until.
 * No birth date: the band on the vote's reference day answers the vote's age rule without one.
 */
export function CounterPage({
  ctx,
  districts,
  values,
  errors,
  notice,
}: {
  ctx: RequestContext;
  districts: Array<{ id: number; name: string }>;
  values: CounterValues;
  errors?: FieldErrors;
  notice?: string | undefined;
}) {
  const t = translator(messages, ctx.locale);
  return (
    <AdminFormPage
      ctx={ctx}
      title={t('bo.counter.title')}
      intro={<p>{t('bo.counter.intro')}</p>}
      notice={notice}
      errors={errors}
      action={COUNTER_PATH}
      submitLabel={t('bo.counter.submit')}
    >
      <TextInput name="email" type="email" label={t('bo.field.email')} value={values.email} error={errors?.email} autocomplete="off" />
      <BandFields locale={ctx.locale} districts={districts} values={values} errors={errors ?? {}} />
    </AdminFormPage>
  );
}
