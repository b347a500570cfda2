import type { RequestContext } from '../http/context';
import type { FieldErrors } from '../http/errors';
import { translator } from '../i18n';
import { platformMessages } from '../i18n/platform-messages';
import { Button, CsrfField, ErrorSummary, fieldId, Notice, TextArea } from '../views/forms';
import { Layout } from '../views/layout';
import type { Children } from '../views/render';

// The pages of a survey link. Every text comes from the module that asks (its catalogue); these components only
// fix the structure, so every survey reads and works the same (a radio group, an optional comment, a send button).

export interface SurveyValues {
  answer: string;
  comment: string;
}

export interface SurveyQuestionProps {
  ctx: RequestContext;
  /** Where the form posts to: the link's own path. */
  action: string;
  title: string;
  intro: string;
  legend: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  comment: { label: string; hint: string; max: number; rows: number };
  /** A note above the send button (e.g. who reads the comment). */
  note?: string;
  send: string;
  errorSummaryTitle: string;
  values: SurveyValues;
  errors: FieldErrors;
  /** Rendered first in the page (a module's stylesheet). */
  head?: Children;
}

export function SurveyQuestionPage(props: SurveyQuestionProps) {
  const { ctx, errors, values } = props;
  const fieldErrorPrefix = translator(platformMessages, ctx.locale)('fieldErrorPrefix');
  const id = fieldId('answer');
  return (
    <Layout ctx={ctx} title={props.title}>
      {props.head}
      <ErrorSummary title={props.errorSummaryTitle} errors={errors} />
      <h1>{props.title}</h1>
      <p>{props.intro}</p>
      <form method="post" action={props.action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <fieldset class={errors.answer ? 'k-fieldset k-field--error' : 'k-fieldset'} id={id} aria-describedby={errors.answer ? `${id}-error` : undefined}>
          <legend class="k-label">{props.legend}</legend>
          {errors.answer && (
            <p class="k-field__error" id={`${id}-error`}>
              <span class="k-visually-hidden">{fieldErrorPrefix} </span>
              {errors.answer}
            </p>
          )}
          {props.options.map((o) => (
            <div class="k-radio">
              <input class="k-radio__input" type="radio" id={`${id}-${o.value}`} name="answer" value={o.value} checked={values.answer === o.value} />
              <label class="k-radio__label" for={`${id}-${o.value}`}>
                {o.label}
              </label>
            </div>
          ))}
        </fieldset>
        <TextArea
          name="comment"
          label={props.comment.label}
          hint={props.comment.hint}
          value={values.comment}
          error={errors.comment}
          rows={props.comment.rows}
          maxLength={props.comment.max}
        />
        {props.note && <p class="k-hint">{props.note}</p>}
        <Button>{props.send}</Button>
      </form>
    </Layout>
  );
}

export interface PageLink {
  href: string;
  label: string;
}

/** After an answer: the thanks in a success notice, maybe a further paragraph, and a way on. */
export function SurveyThanksPage({ ctx, title, text, more, next }: { ctx: RequestContext; title: string; text: string; more?: string; next: PageLink }) {
  return (
    <Layout ctx={ctx} title={title}>
      <Notice kind="success">
        <h1>{title}</h1>
        <p>{text}</p>
      </Notice>
      {more && <p>{more}</p>}
      <p>
        <a href={next.href}>{next.label}</a>
      </p>
    </Layout>
  );
}

/**
 * 410 for a mailed single-use link that is unknown, used or expired. Friendly, and the same for every case, so
 * nothing can be probed. Serves other mailed links too (unsubscribing).
 */
export function LinkGonePage({ ctx, title, text, next }: { ctx: RequestContext; title: string; text: string; next: PageLink }) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href={next.href}>{next.label}</a>
      </p>
    </Layout>
  );
}
