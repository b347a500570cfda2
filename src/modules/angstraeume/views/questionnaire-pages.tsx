import { translator } from '../../../platform/i18n';
import { platformMessages } from '../../../platform/i18n/platform-messages';
import type { SurveyPages } from '../../../platform/surveys/survey.routes';
import { LinkGonePage, SurveyQuestionPage, SurveyThanksPage } from '../../../platform/surveys/views';
import { LIMITS } from '../angstraum';
import { ANSWERS, type Answer, type SafetyAnswerOutcome, type SafetyQuestionnaireSubject } from '../questionnaire';
import { AngstAssets, dayText, measureLabel, tr } from './parts';

/** The "do you feel safer now?" pages: the platform's survey pages in this module's words. */
export const safetyQuestionnairePages: SurveyPages<Answer, SafetyQuestionnaireSubject, SafetyAnswerOutcome> = {
  question(ctx, { action, subject, values, errors }) {
    const t = tr(ctx.locale);
    const labels = { yes: t('qYes'), no: t('qNo'), unknown: t('qUnknown') };
    const measure = measureLabel(ctx.locale, subject.measureType);
    return (
      <SurveyQuestionPage
        ctx={ctx}
        action={action}
        head={<AngstAssets />}
        title={t('qTitle')}
        intro={t('qIntro', { date: dayText(subject.measureAt, ctx.locale), id: subject.reportId, place: subject.place, measure })}
        legend={t('qLegend')}
        options={ANSWERS.map((a) => ({ value: a, label: labels[a] }))}
        comment={{ label: t('qComment'), hint: t('qCommentHint', { max: LIMITS.commentMax }), max: LIMITS.commentMax, rows: 4 }}
        send={t('qSend')}
        errorSummaryTitle={translator(platformMessages, ctx.locale)('errorSummaryTitle')}
        values={values}
        errors={errors}
      />
    );
  },
  thanks(ctx, { outcome }) {
    const t = tr(ctx.locale);
    const next = { href: `/angstraeume/${outcome.reportId}#rate-title`, label: t('toPlace', { id: outcome.reportId }) };
    return <SurveyThanksPage ctx={ctx} title={t('qThanksTitle')} text={t('qThanksText')} more={t('qRateToo')} next={next} />;
  },
  gone(ctx) {
    const t = tr(ctx.locale);
    return <LinkGonePage ctx={ctx} title={t('qGoneTitle')} text={t('qGoneText')} next={{ href: '/angstraeume', label: t('toMap') }} />;
  },
  problem: (locale, problem) => (problem === 'answer' ? tr(locale)('err.answer') : tr(locale)('err.commentTooLong', { max: LIMITS.commentMax })),
};
