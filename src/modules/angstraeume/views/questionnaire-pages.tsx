import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { translator } from '../../../platform/i18n';
import { platformMessages } from '../../../platform/i18n/platform-messages';
import { Button, CsrfField, ErrorSummary, fieldId, Notice, TextArea } from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import { LIMITS, type MeasureType } from '../angstraum';
import { ANSWERS } from '../questionnaire';
import { AngstAssets, dayText, measureLabel, tr } from './parts';

export interface SafetyQuestionnaireView {
  reportId: number;
  place: string;
  measureAt: Date;
  measureType: MeasureType;
}

export function SafetyQuestionnairePage(props: {
  ctx: RequestContext;
  token: string;
  q: SafetyQuestionnaireView;
  values?: { answer: string; comment: string };
  errors?: FieldErrors;
}) {
  const { ctx, q } = props;
  const t = tr(ctx.locale);
  const tp = translator(platformMessages, ctx.locale);
  const errors = props.errors ?? {};
  const values = props.values ?? { answer: '', comment: '' };
  const labels = { yes: t('qYes'), no: t('qNo'), unknown: t('qUnknown') };
  const id = fieldId('answer');
  return (
    <Layout ctx={ctx} title={t('qTitle')}>
      <AngstAssets />
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <h1>{t('qTitle')}</h1>
      <p>{t('qIntro', { date: dayText(q.measureAt, ctx.locale), id: q.reportId, place: q.place, measure: measureLabel(ctx.locale, q.measureType) })}</p>
      <form method="post" action={`/angstraeume/umfrage/${props.token}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <fieldset class={errors.answer ? 'k-fieldset k-field--error' : 'k-fieldset'} id={id} aria-describedby={errors.answer ? `${id}-error` : undefined}>
          <legend class="k-label">{t('qLegend')}</legend>
          {errors.answer && (
            <p class="k-field__error" id={`${id}-error`}>
              <span class="k-visually-hidden">{tp('fieldErrorPrefix')} </span>
              {errors.answer}
            </p>
          )}
          {ANSWERS.map((a) => (
            <div class="k-radio">
              <input class="k-radio__input" type="radio" id={`${id}-${a}`} name="answer" value={a} checked={values.answer === a} />
              <label class="k-radio__label" for={`${id}-${a}`}>
                {labels[a]}
              </label>
            </div>
          ))}
        </fieldset>
        <TextArea
          name="comment"
          label={t('qComment')}
          hint={t('qCommentHint', { max: LIMITS.commentMax })}
          value={values.comment}
          error={errors.comment}
          rows={4}
          maxLength={LIMITS.commentMax}
        />
        <Button>{t('qSend')}</Button>
      </form>
    </Layout>
  );
}

export function SafetyQuestionnaireThanksPage({ ctx, reportId }: { ctx: RequestContext; reportId: number }) {
  const t = tr(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('qThanksTitle')}>
      <Notice kind="success">
        <h1>{t('qThanksTitle')}</h1>
        <p>{t('qThanksText')}</p>
      </Notice>
      <p>{t('qRateToo')}</p>
      <p>
        <a href={`/angstraeume/${reportId}#rate-title`}>{t('toPlace', { id: reportId })}</a>
      </p>
    </Layout>
  );
}

export function SafetyQuestionnaireGonePage({ ctx }: { ctx: RequestContext }) {
  const t = tr(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('qGoneTitle')}>
      <h1>{t('qGoneTitle')}</h1>
      <p>{t('qGoneText')}</p>
      <p>
        <a href="/angstraeume">{t('toMap')}</a>
      </p>
    </Layout>
  );
}
