import type { RequestContext } from '../../../platform/http/context';
import { formatDate, translator } from '../../../platform/i18n';
import { StatusBadge, type StatusVocabulary } from '../../../platform/views/components';
import { isOverdue, overdueDays } from '../idea';
import { messages } from '../messages';
import type { IdeaStatus } from '../tables';

/** The ideas' own styles, beyond kuemmerer.css (a <link> in the body is valid HTML). */
export function IdeaStyles() {
  return <link rel="stylesheet" href="/static/css/ideas.css" />;
}

export function statusVocabulary(ctx: RequestContext): StatusVocabulary<IdeaStatus> {
  const t = translator(messages, ctx.locale);
  return {
    submitted: { label: t('status.submitted'), tone: 'open' },
    reviewing: { label: t('status.reviewing'), tone: 'progress' },
    accepted: { label: t('status.accepted'), tone: 'progress' },
    implemented: { label: t('status.implemented'), tone: 'done' },
    rejected: { label: t('status.rejected'), tone: 'closed' },
    merged: { label: t('status.merged'), tone: 'closed' },
  };
}

export function IdeaStatusBadge({ ctx, status }: { ctx: RequestContext; status: IdeaStatus }) {
  return <StatusBadge status={status} vocabulary={statusVocabulary(ctx)} />;
}

export function topicLabel(ctx: RequestContext, topic: string): string {
  return translator(messages, ctx.locale)(`topic.${topic}` as 'topic.sonstiges');
}

interface Progressing {
  supporters_count: number;
  reached_at: Date | null;
  answer_due_at: Date | null;
  answered_at: Date | null;
}

/** "123 von 250 Unterstützungen" with a bar, or where the answer stands once the threshold is reached. */
export function ThresholdProgress({ ctx, idea, threshold, now }: { ctx: RequestContext; idea: Progressing; threshold: number; now: Date }) {
  const t = translator(messages, ctx.locale);
  const text = t('progress', { n: idea.supporters_count, threshold });
  return (
    <div class="k-idea-progress">
      <label>
        <span>{text}</span>
        <progress max={threshold} value={Math.min(idea.supporters_count, threshold)}>
          {text}
        </progress>
      </label>
      <AnswerState ctx={ctx} idea={idea} now={now} />
    </div>
  );
}

/** Whether the city owes an answer, and since when it is overdue (shown publicly, like Angsträume's news). */
export function AnswerState({ ctx, idea, now }: { ctx: RequestContext; idea: Progressing; now: Date }) {
  const t = translator(messages, ctx.locale);
  if (idea.answered_at) return <p class="k-meta">{t('answered', { date: formatDate(new Date(idea.answered_at), ctx.locale) })}</p>;
  if (!idea.answer_due_at) return null;
  if (isOverdue(idea, now))
    return (
      <p class="k-idea-overdue">
        <strong>{t('overdue', { n: overdueDays(idea, now) })}</strong>
      </p>
    );
  return <p class="k-meta">{t('dueBy', { date: formatDate(new Date(idea.answer_due_at), ctx.locale) })}</p>;
}

/** A problem with the whole form or action (too many at once): announced and focused like an error summary. */
export function FormAlert({ alert }: { alert: { title: string; text: string } }) {
  return (
    <div class="k-error-summary" role="alert" aria-labelledby="form-alert-title" tabIndex={-1} autofocus>
      <h2 id="form-alert-title" class="k-error-summary__title">
        {alert.title}
      </h2>
      <p>{alert.text}</p>
    </div>
  );
}
