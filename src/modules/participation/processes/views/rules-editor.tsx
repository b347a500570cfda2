import type { FieldErrors } from '../../../../platform/http/errors';
import { type FormBody, field, fieldList } from '../../../../platform/http/form';
import { type Locale, translator } from '../../../../platform/i18n';
import { Checkboxes, Fieldset, Select, TextInput } from '../../../../platform/views/forms';
import { PARTICIPATION_ACTIONS } from '../../eligibility/rule';
import { processMessages } from '../messages';

type Named = Array<{ id: number; name: string }>;

/**
 * One rule per action, every field shown (no script needed): who, and the details that apply to "verified
 * residents" (districts, ages, reference date) or "members of a body". The server reads only the details of the
 * chosen kind (process-form.ts).
 */
export function RulesEditor({
  locale,
  values,
  errors,
  districts,
  bodies,
}: {
  locale: Locale;
  values: FormBody;
  errors: FieldErrors;
  districts: Named;
  bodies: Named;
}) {
  const t = translator(processMessages, locale);
  const whoOptions = [
    { value: 'anyone', label: t('bo.rule.anyone') },
    { value: 'signed_in', label: t('bo.rule.signedIn') },
    { value: 'verified', label: t('bo.rule.verified') },
    { value: 'body_member', label: t('bo.rule.bodyMember') },
  ];
  return (
    <Fieldset legend={t('bo.rules')} hint={t('bo.rules.hint')} id="regeln">
      {PARTICIPATION_ACTIONS.map((action) => {
        const name = (part: string) => `rule.${action}.${part}`;
        // A short text field of this action's rule, with its value and error.
        const short = (part: string, label: string, extra: { inputMode?: 'numeric'; dir?: 'ltr' }) => (
          <TextInput name={name(part)} label={label} value={field(values, name(part))} width="short" error={errors[name(part)]} {...extra} />
        );
        return (
          <fieldset class="k-fieldset k-proc-rule">
            <legend class="k-label">{t(`action.${action}`)}</legend>
            <Select
              name={name('who')}
              label={t('bo.rule.who')}
              value={field(values, name('who')) || 'anyone'}
              options={whoOptions}
              error={errors[name('who')]}
            />
            <Checkboxes
              name={name('districts')}
              legend={t('bo.rule.districts')}
              options={districts.map((d) => ({ value: String(d.id), label: d.name }))}
              values={fieldList(values, name('districts'))}
              error={errors[name('districts')]}
            />
            <div class="k-proc-rule__ages">
              {short('ageMin', t('bo.rule.ageMin'), { inputMode: 'numeric' })}
              {short('ageMax', t('bo.rule.ageMax'), { inputMode: 'numeric' })}
            </div>
            {short('refDate', t('bo.rule.refDate'), { dir: 'ltr' })}
            <Select
              name={name('body')}
              label={t('bo.rule.body')}
              value={field(values, name('body'))}
              options={[{ value: '', label: t('bo.rule.noBody') }, ...bodies.map((b) => ({ value: String(b.id), label: b.name }))]}
              error={errors[name('body')]}
            />
          </fieldset>
        );
      })}
    </Fieldset>
  );
}
