import type { RequestContext } from '../../../../platform/http/context';
import { formatDateTime, type Locale, translator } from '../../../../platform/i18n';
import type { SurveyPages } from '../../../../platform/surveys/survey.routes';
import { LinkGonePage, SurveyQuestionPage, SurveyThanksPage } from '../../../../platform/surveys/views';
import { BackOfficeFrame } from '../../../../platform/views/back-office-frame';
import { Button, CsrfField, Notice } from '../../../../platform/views/forms';
import { Layout } from '../../../../platform/views/layout';
import { notificationMessages } from '../notifications.messages';
import { ANSWERS, type Answer, type AnswerOutcome, COMMENT_MAX, type QuestionnaireSubject, type StatsRow, share } from '../questionnaire';

const tr = (locale: Locale) => translator(notificationMessages, locale);

function day(date: Date | null, locale: Locale): string {
  return date ? formatDateTime(new Date(date), locale).replace(/,? \d{1,2}:\d{2}.*$/, '') : '–';
}

export function UnsubscribePage({ ctx, token, reportId }: { ctx: RequestContext; token: string; reportId: number }) {
  const t = tr(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('unsubscribeTitle')}>
      <h1>{t('unsubscribeTitle')}</h1>
      <p>{t('unsubscribeText', { id: reportId })}</p>
      <form method="post" action={`/meldungen/abbestellen/${token}`}>
        <CsrfField token={ctx.csrfToken} />
        <Button>{t('unsubscribeButton')}</Button>
      </form>
      <p>
        <a href={`/meldungen/${reportId}`}>{t('toReport', { id: reportId })}</a>
      </p>
    </Layout>
  );
}

export function UnsubscribedPage({ ctx, reportId }: { ctx: RequestContext; reportId: number }) {
  const t = tr(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('unsubscribedTitle')}>
      <Notice kind="success">
        <h1>{t('unsubscribedTitle')}</h1>
        <p>{t('unsubscribedText', { id: reportId })}</p>
      </Notice>
      <p>
        <a href={`/meldungen/${reportId}`}>{t('toReport', { id: reportId })}</a>
      </p>
    </Layout>
  );
}

/** 410: the link is unknown, used or expired. Friendly, and the same for every case (nothing to probe). */
export function GonePage({ ctx, kind }: { ctx: RequestContext; kind: 'unsubscribe' | 'questionnaire' }) {
  const t = tr(ctx.locale);
  const [title, text] = kind === 'unsubscribe' ? [t('unsubscribeGoneTitle'), t('unsubscribeGoneText')] : [t('qGoneTitle'), t('qGoneText')];
  return <LinkGonePage ctx={ctx} title={title} text={text} next={{ href: '/', label: t('toHome') }} />;
}

/** The questionnaire's pages: the platform's survey pages in this module's words. */
export const questionnairePages: SurveyPages<Answer, QuestionnaireSubject, AnswerOutcome> = {
  question(ctx, { action, subject, values, errors }) {
    const t = tr(ctx.locale);
    const labels = { yes: t('qYes'), no: t('qNo'), unknown: t('qUnknown') };
    return (
      <SurveyQuestionPage
        ctx={ctx}
        action={action}
        title={t('qTitle')}
        intro={t('qIntro', { id: subject.reportId, category: ctx.locale === 'de' ? subject.name_de : subject.name_en, date: day(subject.fixedAt, ctx.locale) })}
        legend={t('qLegend')}
        options={ANSWERS.map((a) => ({ value: a, label: labels[a] }))}
        comment={{ label: t('qComment'), hint: t('qCommentHint', { max: COMMENT_MAX }), max: COMMENT_MAX, rows: 5 }}
        note={t('qPrivacy')}
        send={t('qSend')}
        errorSummaryTitle={t('errorSummaryTitle')}
        values={values}
        errors={errors}
      />
    );
  },
  thanks(ctx, { answer, outcome }) {
    const t = tr(ctx.locale);
    const text = answer === 'yes' ? t('qThanksYes') : answer === 'no' && outcome.reopened ? t('qThanksNo', { id: outcome.reportId }) : t('qThanksUnknown');
    const next = { href: `/meldungen/${outcome.reportId}`, label: t('toReport', { id: outcome.reportId }) };
    return <SurveyThanksPage ctx={ctx} title={t('qThanksTitle')} text={text} next={next} />;
  },
  gone: (ctx) => <GonePage ctx={ctx} kind="questionnaire" />,
  problem: (locale, problem) => (problem === 'answer' ? tr(locale)('err.answer') : tr(locale)('err.commentTooLong', { max: COMMENT_MAX })),
};

function Count({ n, of, locale }: { n: number; of: number; locale: Locale }) {
  const pct = share(n, of);
  return (
    <>
      {n.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB')}
      {pct !== null && <span class="k-hint"> ({pct} %)</span>}
    </>
  );
}

export function QuestionnaireStatsPage(props: {
  ctx: RequestContext;
  rows: StatsRow[];
  total: StatsRow;
  comments: Array<{ report_id: number; comment: string; answered_at: Date | null; name_de: string; name_en: string }>;
}) {
  const { ctx, rows, total } = props;
  const t = tr(ctx.locale);
  const name = (r: { name_de: string; name_en: string }) => (ctx.locale === 'de' ? r.name_de : r.name_en);
  const line = (r: StatsRow, label: string, head: 'td' | 'th' = 'th') => (
    <tr>
      {head === 'th' ? <th scope="row">{label}</th> : <td>{label}</td>}
      <td>{r.sent}</td>
      <td>
        <Count n={r.answered} of={r.sent} locale={ctx.locale} />
      </td>
      <td>
        <Count n={r.yes} of={r.answered} locale={ctx.locale} />
      </td>
      <td>
        <Count n={r.no} of={r.answered} locale={ctx.locale} />
      </td>
      <td>
        <Count n={r.unknown} of={r.answered} locale={ctx.locale} />
      </td>
    </tr>
  );
  return (
    <BackOfficeFrame ctx={ctx} title={t('statsTitle')}>
      <h1>{t('statsTitle')}</h1>
      <p>{t('statsIntro')}</p>
      {total.sent === 0 ? (
        <p>{t('statsNone')}</p>
      ) : (
        <>
          <p>
            <strong>{t('statsSummary', { sent: total.sent, answered: total.answered, yes: total.yes, no: total.no, unknown: total.unknown })}</strong>
          </p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: on narrow screens the table scrolls in this box, which keyboard users must reach (axe scrollable-region-focusable). */}
          <div class="k-table-wrap" tabIndex={0} role="region" aria-label={t('statsTable')}>
            <table class="k-table">
              <caption>{t('statsTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('statsCategory')}</th>
                  <th scope="col">{t('statsSent')}</th>
                  <th scope="col">{t('statsAnswered')}</th>
                  <th scope="col">{t('statsYes')}</th>
                  <th scope="col">{t('statsNo')}</th>
                  <th scope="col">{t('statsUnknown')}</th>
                </tr>
              </thead>
              <tbody>{rows.map((r) => line(r, name(r)))}</tbody>
              <tfoot>{line(total, t('statsAll'))}</tfoot>
            </table>
          </div>
        </>
      )}
      <h2>{t('statsComments')}</h2>
      {props.comments.length === 0 ? (
        <p>{t('statsCommentsNone')}</p>
      ) : (
        <ul class="k-cards">
          {props.comments.map((c) => (
            <li class="k-card">
              <p class="k-card__title">
                <a href={`/verwaltung/meldungen/${c.report_id}`}>{t('statsCommentReport', { id: c.report_id })}</a> · {name(c)}
              </p>
              {c.comment && <p class="k-pre">{c.comment}</p>}
              <p class="k-hint">{t('statsAnsweredOn', { date: day(c.answered_at, ctx.locale) })}</p>
            </li>
          ))}
        </ul>
      )}
    </BackOfficeFrame>
  );
}
