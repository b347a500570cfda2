import type { RequestContext } from '../../../../platform/http/context';
import type { FieldErrors } from '../../../../platform/http/errors';
import { formatDateTime, type Locale, translator } from '../../../../platform/i18n';
import { Button, CsrfField, ErrorSummary, fieldId, Notice, TextArea } from '../../../../platform/views/forms';
import { Layout } from '../../../../platform/views/layout';
import { BackOfficeLayout } from '../../../organizations/views/back-office-layout';
import { notificationMessages } from '../notifications.messages';
import { ANSWERS, COMMENT_MAX, type StatsRow, share } from '../questionnaire';

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
  const title = kind === 'unsubscribe' ? t('unsubscribeGoneTitle') : t('qGoneTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{kind === 'unsubscribe' ? t('unsubscribeGoneText') : t('qGoneText')}</p>
      <p>
        <a href="/">{t('toHome')}</a>
      </p>
    </Layout>
  );
}

export interface QuestionnaireView {
  reportId: number;
  category: string;
  fixedAt: Date | null;
}

export function QuestionnairePage(props: {
  ctx: RequestContext;
  token: string;
  q: QuestionnaireView;
  values?: { answer: string; comment: string };
  errors?: FieldErrors;
}) {
  const { ctx, q } = props;
  const t = tr(ctx.locale);
  const errors = props.errors ?? {};
  const values = props.values ?? { answer: '', comment: '' };
  const labels = { yes: t('qYes'), no: t('qNo'), unknown: t('qUnknown') };
  const id = fieldId('answer');
  return (
    <Layout ctx={ctx} title={t('qTitle')}>
      <ErrorSummary title={t('errorSummaryTitle')} errors={errors} />
      <h1>{t('qTitle')}</h1>
      <p>{t('qIntro', { id: q.reportId, category: q.category, date: day(q.fixedAt, ctx.locale) })}</p>
      <form method="post" action={`/meldungen/fragebogen/${props.token}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <fieldset class={errors.answer ? 'k-fieldset k-field--error' : 'k-fieldset'} id={id} aria-describedby={errors.answer ? `${id}-error` : undefined}>
          <legend class="k-label">{t('qLegend')}</legend>
          {errors.answer && (
            <p class="k-field__error" id={`${id}-error`}>
              {errors.answer}
            </p>
          )}
          {ANSWERS.map((a) => (
            <div class="k-checkbox">
              <input class="k-checkbox__input" type="radio" id={`${id}-${a}`} name="answer" value={a} checked={values.answer === a} />
              <label class="k-checkbox__label" for={`${id}-${a}`}>
                {labels[a]}
              </label>
            </div>
          ))}
        </fieldset>
        <TextArea
          name="comment"
          label={t('qComment')}
          hint={t('qCommentHint', { max: COMMENT_MAX })}
          value={values.comment}
          error={errors.comment}
          rows={5}
          maxLength={COMMENT_MAX}
        />
        <p class="k-hint">{t('qPrivacy')}</p>
        <Button>{t('qSend')}</Button>
      </form>
    </Layout>
  );
}

export function QuestionnaireThanksPage({
  ctx,
  reportId,
  answer,
  reopened,
}: {
  ctx: RequestContext;
  reportId: number;
  answer: 'yes' | 'no' | 'unknown';
  reopened: boolean;
}) {
  const t = tr(ctx.locale);
  const text = answer === 'yes' ? t('qThanksYes') : answer === 'no' && reopened ? t('qThanksNo', { id: reportId }) : t('qThanksUnknown');
  return (
    <Layout ctx={ctx} title={t('qThanksTitle')}>
      <Notice kind="success">
        <h1>{t('qThanksTitle')}</h1>
        <p>{text}</p>
      </Notice>
      <p>
        <a href={`/meldungen/${reportId}`}>{t('toReport', { id: reportId })}</a>
      </p>
    </Layout>
  );
}

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
    <BackOfficeLayout ctx={ctx} title={t('statsTitle')}>
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
    </BackOfficeLayout>
  );
}
