import type { RequestContext } from '../../../platform/http/context';
import { formatDate, translator } from '../../../platform/i18n';
import { PostButton, Timeline, type TimelineEvent } from '../../../platform/views/components';
import { Layout } from '../../../platform/views/layout';
import type { Children } from '../../../platform/views/render';
import { EligibilityNotice, type Refusal } from '../../participation';
import { isOpen } from '../idea';
import type { IdeaRow } from '../ideas.queries';
import { messages } from '../messages';
import { FormAlert, IdeaStatusBadge, IdeaStyles, ThresholdProgress, topicLabel } from './parts';

export type SupportState = 'anonymous' | 'own' | 'supporting' | 'can' | 'refused';

export interface IdeaEvent {
  kind: string;
  to_status: string | null;
  text: string | null;
  created_at: Date;
}

export function eventText(ctx: RequestContext, e: IdeaEvent): { text: string; body?: string | null } {
  const t = translator(messages, ctx.locale);
  switch (e.kind) {
    case 'status':
      return { text: t('event.status', { status: t(`status.${e.to_status ?? 'submitted'}` as 'status.submitted') }), body: e.text };
    case 'answer':
      return { text: t('event.answer'), body: e.text };
    case 'threshold':
      return { text: t('event.threshold', { n: Number(e.text ?? 0) }) };
    case 'department':
      return { text: t('event.department', { name: e.text ?? '' }) };
    case 'merged':
    case 'merged_from':
    case 'report':
      return { text: t(`event.${e.kind}`, { id: e.text ?? '' }) };
    default:
      return { text: t('event.created') };
  }
}

export function IdeaPage(props: {
  ctx: RequestContext;
  idea: IdeaRow;
  photos: Array<{ id: number }>;
  events: IdeaEvent[];
  threshold: number;
  support: SupportState;
  /** Why the person may not support, when `support` is 'refused'. */
  refusal?: Refusal | undefined;
  notice?: string | undefined;
  /** A refused action on the page (too many supports at once). */
  alert?: { title: string; text: string } | undefined;
  now: Date;
  comments?: Children;
  processLink?: { href: string; title: string } | null;
}) {
  const { ctx, idea, now } = props;
  const t = translator(messages, ctx.locale);
  const events: TimelineEvent[] = props.events.map((e) => ({
    at: new Date(e.created_at),
    ...eventText(ctx, e),
    staffWritten: e.text && e.kind !== 'threshold' ? {} : undefined,
  }));
  return (
    <Layout ctx={ctx} title={idea.title}>
      <IdeaStyles />
      <p>
        <a href="/ideen">{t('allIdeas')}</a>
      </p>
      {props.alert && <FormAlert alert={props.alert} />}
      {props.notice && (
        <div class="k-notice k-notice--success" role="status">
          {props.notice}
        </div>
      )}
      <h1 dir="auto">{idea.title}</h1>
      <p class="k-meta">
        <IdeaStatusBadge ctx={ctx} status={idea.status} /> · {topicLabel(ctx, idea.topic)} ·{' '}
        {t('submittedOn', { date: formatDate(new Date(idea.created_at), ctx.locale) })}
      </p>
      <p class="k-idea-text" dir="auto">
        {idea.description}
      </p>
      <section class="k-section k-idea-support" aria-labelledby="support-title">
        <h2 id="support-title">{t('supportsCount', { n: idea.supporters_count })}</h2>
        <ThresholdProgress ctx={ctx} idea={idea} threshold={props.threshold} now={now} />
        <SupportAction ctx={ctx} id={idea.id} state={props.support} open={isOpen(idea.status)} refusal={props.refusal} />
      </section>
      {(idea.answer || idea.reason) && (
        <section class="k-section k-idea-answer" aria-labelledby="answer-title">
          <h2 id="answer-title">{idea.answer ? t('answerTitle') : t('reasonTitle')}</h2>
          {idea.answer && <p class="k-idea-text">{idea.answer}</p>}
          {idea.reason && (
            <>
              {idea.answer && <h3>{t('reasonTitle')}</h3>}
              <p class="k-idea-text">{idea.reason}</p>
            </>
          )}
        </section>
      )}
      <section class="k-section" aria-labelledby="place-title">
        <h2 id="place-title">{t('place')}</h2>
        {idea.lat !== null && idea.lon !== null ? (
          <img class="k-idea-map" src={`/ideen/ort.svg?lat=${idea.lat}&lon=${idea.lon}`} width={640} height={400} alt={idea.district ?? t('place')} />
        ) : null}
        <p>{idea.district ? t('wholeDistrict', { district: idea.district }) : idea.lat === null ? t('noPlace') : ''}</p>
        {idea.department && (
          <p>
            {t('department')}: {idea.department}
          </p>
        )}
        {props.processLink && (
          <p>
            {t('process')}: <a href={props.processLink.href}>{props.processLink.title}</a>
          </p>
        )}
        {idea.report_id && (
          <p>
            <a href={`/meldungen/${idea.report_id}`}>{t('reportLink', { id: idea.report_id })}</a>
          </p>
        )}
      </section>
      {props.photos.length > 0 && (
        <section class="k-section" aria-labelledby="photos-title">
          <h2 id="photos-title">{t('photos')}</h2>
          <ul class="k-idea-photos">
            {props.photos.map((p, i) => (
              <li>
                <a href={`/ideen/fotos/${p.id}/large.jpg`}>
                  <img src={`/ideen/fotos/${p.id}/thumb.jpg`} alt={t('photoAlt', { n: i + 1 })} loading="lazy" />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="k-section" aria-labelledby="history-title">
        <h2 id="history-title">{t('history')}</h2>
        <Timeline events={events} />
      </section>
      {props.comments}
    </Layout>
  );
}

function SupportAction({
  ctx,
  id,
  state,
  open,
  refusal,
}: {
  ctx: RequestContext;
  id: number;
  state: SupportState;
  open: boolean;
  refusal?: Refusal | undefined;
}) {
  const t = translator(messages, ctx.locale);
  if (!open) return <p>{t('closed')}</p>;
  switch (state) {
    case 'anonymous':
      return (
        <p>
          <a href={`/anmelden?return=${encodeURIComponent(`/ideen/${id}`)}`}>{t('signInToSupport')}</a>
        </p>
      );
    case 'own':
      return <p>{t('own')}</p>;
    case 'refused':
      return <EligibilityNotice locale={ctx.locale} refusal={refusal ?? 'verify'} returnPath={`/ideen/${id}`} />;
    case 'supporting':
      return (
        <>
          <p>{t('youSupport')}</p>
          <PostButton action={`/ideen/${id}/zurueckziehen`} csrfToken={ctx.csrfToken} label={t('withdraw')} variant="secondary" />
        </>
      );
    case 'can':
      return <PostButton action={`/ideen/${id}/unterstuetzen`} csrfToken={ctx.csrfToken} label={t('support')} variant="primary" />;
  }
}
