import type { FieldErrors } from '../../../../platform/http/errors';
import type { Locale } from '../../../../platform/i18n';
import { translator } from '../../../../platform/i18n';
import { Select, TextInput } from '../../../../platform/views/forms';
import type { BandValues } from '../band-form';
import { messages } from '../messages';

/** Area, age band on its reference day, and valid-until: the attributes a code batch or a counter verification gives an account. */
export function BandFields({
  locale,
  districts,
  values,
  errors,
}: {
  locale: Locale;
  districts: Array<{ id: number; name: string }>;
  values: BandValues;
  errors: FieldErrors;
}) {
  const t = translator(messages, locale);
  const options = [{ value: '', label: t('bo.field.wholeCity') }, ...districts.map((d) => ({ value: String(d.id), label: d.name }))];
  return (
    <>
      <Select name="district" label={t('bo.field.district')} options={options} value={values.district} error={errors.district} />
      <TextInput
        name="ageMin"
        label={t('bo.field.ageMin')}
        hint={t('bo.field.ageHint')}
        value={values.ageMin}
        error={errors.ageMin}
        inputMode="numeric"
        width="short"
      />
      <TextInput
        name="ageMax"
        label={t('bo.field.ageMax')}
        hint={t('bo.field.ageHint')}
        value={values.ageMax}
        error={errors.ageMax}
        inputMode="numeric"
        width="short"
      />
      <TextInput name="ageOn" label={t('bo.field.ageOn')} hint={t('bo.field.ageOnHint')} value={values.ageOn} error={errors.ageOn} width="short" />
      <TextInput
        name="validUntil"
        label={t('bo.field.validUntil')}
        hint={t('bo.field.dateHint')}
        value={values.validUntil}
        error={errors.validUntil}
        width="short"
      />
    </>
  );
}
