import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { megabytes } from '../../../platform/http/multipart-form';
import { translator } from '../../../platform/i18n';
import { platformMessages } from '../../../platform/i18n/platform-messages';
import { Button, CsrfField, ErrorSummary, fieldId, Notice, TextArea, TextInput } from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import { messages } from '../messages';
import { LIMITS, type Question } from '../report';
import type { CheckedLocation } from '../report.service';

export interface CategoryOption {
  id: number;
  name: string;
  description: string;
}

export interface Step1Values {
  categoryId: string;
  lat: string;
  lon: string;
  address: string;
}

/**
 * Step one: category and place. Without JavaScript the place is typed coordinates or a description; the
 * map and address-search enhancements fill the same fields.
 */
export function Step1Page({
  ctx,
  categories,
  values,
  errors = {},
  extra,
  draft = null,
}: {
  ctx: RequestContext;
  categories: CategoryOption[];
  values: Step1Values;
  errors?: FieldErrors;
  extra?: preact.ComponentChildren;
  /** Step two's input after "Ort oder Kategorie ändern": carried along as hidden fields. */
  draft?: Step2Draft | null;
}) {
  const t = translator(messages, ctx.locale);
  const tp = translator(platformMessages, ctx.locale);
  return (
    <Layout ctx={ctx} title={t('newReport')}>
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <h1>{t('newReport')}</h1>
      <p>{t('newReportIntro')}</p>
      <form method="post" action="/melden/ort" novalidate data-module="report-location">
        <CsrfField token={ctx.csrfToken} />
        {draft && <DraftFields draft={draft} />}
        <h2>{t('step1')}</h2>
        {draft && <Notice>{t('draftKept')}</Notice>}
        <fieldset
          class={errors.categoryId ? 'k-fieldset k-field--error' : 'k-fieldset'}
          id={fieldId('categoryId')}
          aria-describedby={errors.categoryId ? `${fieldId('categoryId')}-error` : undefined}
        >
          <legend class="k-label">{t('category')}</legend>
          <p class="k-hint">{t('categoryHint')}</p>
          {errors.categoryId && (
            <p class="k-field__error" id={`${fieldId('categoryId')}-error`}>
              {errors.categoryId}
            </p>
          )}
          {categories.map((c) => (
            <div class="k-radio">
              <input
                class="k-radio__input"
                type="radio"
                name="categoryId"
                id={`cat-${c.id}`}
                value={String(c.id)}
                checked={values.categoryId === String(c.id)}
              />
              <label class="k-radio__label" for={`cat-${c.id}`}>
                {c.name}
                {c.description && <span class="k-hint k-radio__hint">{c.description}</span>}
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset
          class={errors.location ? 'k-fieldset k-field--error' : 'k-fieldset'}
          id={fieldId('location')}
          aria-describedby={errors.location ? `${fieldId('location')}-error` : undefined}
        >
          <legend class="k-label">{t('location')}</legend>
          {errors.location && (
            <p class="k-field__error" id={`${fieldId('location')}-error`}>
              {errors.location}
            </p>
          )}
          {extra}
          <details class="k-details" open={values.lat !== '' || values.lon !== ''} data-module="coordinates">
            <summary>{t('coordsLegend')}</summary>
            <TextInput name="lat" label={t('lat')} value={values.lat} width="short" dir="ltr" />
            <TextInput name="lon" label={t('lon')} value={values.lon} width="short" dir="ltr" />
          </details>
          <TextArea name="address" label={t('address')} hint={t('addressHint')} value={values.address} error={errors.address} rows={2} maxLength={300} />
        </fieldset>
        <Button>{t('continue')}</Button>
      </form>
    </Layout>
  );
}

export interface NearbyReport {
  id: number;
  description: string;
  address: string;
  distance: number;
  supporters_count: number;
}

export interface Step2Values {
  description: string;
  name: string;
  email: string;
  showName: boolean;
  answers: Record<string, string | string[] | undefined>;
}

/** Step two's input on its way through step one and back: the values, and whether photos had been chosen. */
export interface Step2Draft {
  values: Step2Values;
  photosChosen: boolean;
}

/**
 * Step two's input as hidden fields of step one: every post of step one (continue, the server map's buttons, the
 * address search) brings it along, and step two shows it again. No server session, nothing stored.
 */
function DraftFields({ draft }: { draft: Step2Draft }) {
  const v = draft.values;
  return (
    <>
      {v.description && <input type="hidden" name="description" value={v.description} />}
      {v.name && <input type="hidden" name="name" value={v.name} />}
      {v.email && <input type="hidden" name="email" value={v.email} />}
      {v.showName && <input type="hidden" name="showName" value="1" />}
      <AnswerFields answers={v.answers} />
      {draft.photosChosen && <input type="hidden" name="photosChosen" value="1" />}
    </>
  );
}

/** Answers as hidden fields (answer.<code>, one field per chosen value), but those the form shows itself. */
function AnswerFields({ answers, except = new Set() }: { answers: Step2Values['answers']; except?: Set<string> }) {
  const fields = Object.entries(answers)
    .filter(([code]) => !except.has(code))
    .flatMap(([code, a]) => (Array.isArray(a) ? a : a ? [a] : []).filter((value) => value.trim() !== '').map((value) => [`answer.${code}`, value] as const));
  return (
    <>
      {fields.map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** A problem with the form as a whole (too many reports, already sent), not with one field. */
export interface FormAlert {
  title: string;
  text: string;
  startOver?: boolean;
}

/** Where "Ort oder Kategorie ändern" posts step two's input, as a plain form (files stay behind). */
export const BACK_ACTION = '/melden/zurueck';

export function Step2Page(props: {
  ctx: RequestContext;
  where: CheckedLocation;
  categoryName: string;
  questions: Question[];
  nearby: NearbyReport[];
  values: Step2Values;
  idempotencyKey: string;
  errors?: FieldErrors;
  photosLost?: boolean;
  alert?: FormAlert | undefined;
}) {
  const { ctx, where, values } = props;
  const t = translator(messages, ctx.locale);
  const tp = translator(platformMessages, ctx.locale);
  const errors = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={t('newReport')}>
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      {props.alert && (
        <div class="k-error-summary" role="alert" aria-labelledby="form-alert-title" tabIndex={-1} autofocus>
          <h2 id="form-alert-title" class="k-error-summary__title">
            {props.alert.title}
          </h2>
          <p>{props.alert.text}</p>
          {props.alert.startOver && (
            <p>
              <a href="/melden">{t('startNewReport')}</a>
            </p>
          )}
        </div>
      )}
      <h1>{t('newReport')}</h1>
      <p>
        <strong>{props.categoryName}</strong> ·{' '}
        {where.precise ? t('chosenLocation', { lat: where.lat.toFixed(5), lon: where.lon.toFixed(5) }) : t('locationApproximate')}
        {where.address && ` · ${where.address}`}
      </p>
      <section aria-labelledby="nearby-title" class="k-section">
        <h2 id="nearby-title">{t('nearbyTitle')}</h2>
        {!where.precise ? (
          // Only a described place: there is no point to look around, so nothing can be said about "nearby".
          <>
            <p>{t('nearbyNoPoint')}</p>
            <p>
              <a href={`/meldungen?kategorie=${where.categoryId}&status=open`}>{t('nearbyList')}</a>
            </p>
          </>
        ) : props.nearby.length === 0 ? (
          <p>{t('nearbyNone')}</p>
        ) : (
          <>
            <p>{t('nearbyIntro')}</p>
            <ul class="k-cards">
              {props.nearby.map((r) => (
                <li class="k-card">
                  <h3 class="k-card__title">
                    <a href={`/meldungen/${r.id}`}>#{r.id}</a> · {t('metres', { m: r.distance })}
                  </h3>
                  <p>{r.description.length > 200 ? `${r.description.slice(0, 200)}…` : r.description}</p>
                  <form method="post" action={`/meldungen/${r.id}/unterstuetzen`}>
                    <CsrfField token={ctx.csrfToken} />
                    <Button variant="secondary">
                      {t('meToo')}
                      <span class="k-visually-hidden"> (#{r.id})</span>
                    </Button>
                  </form>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {/* The CSRF token must stay the first field: the server checks it as it arrives and refuses photos sent
          before a valid token, so a forged upload ends before its first byte (platform/http/multipart-body.ts). */}
      <form method="post" action="/melden" enctype="multipart/form-data" novalidate class="k-section">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
        <input type="hidden" name="categoryId" value={String(where.categoryId)} />
        <input type="hidden" name="lat" value={where.precise ? String(where.lat) : ''} />
        <input type="hidden" name="lon" value={where.precise ? String(where.lon) : ''} />
        <input type="hidden" name="address" value={where.address} />
        <h2>{t('step2')}</h2>
        <TextArea
          name="description"
          label={t('description')}
          hint={t('descriptionHint')}
          value={values.description}
          error={errors.description}
          maxLength={5000}
        />
        {props.questions.map((q) => (
          <QuestionField question={q} value={values.answers[q.code]} error={errors[`answer.${q.code}`]} optional={tp('optional')} />
        ))}
        {/* Answers to another category's questions (the person went back and changed it): kept for the way back,
            never stored, since only this category's questions are read from a report. */}
        <AnswerFields answers={values.answers} except={new Set(props.questions.map((q) => q.code))} />
        <div class={errors.photos ? 'k-field k-field--error' : 'k-field'}>
          <label class="k-label" for={fieldId('photos')}>
            {t('photos')} <span class="k-label__optional">{tp('optional')}</span>
          </label>
          <p class="k-hint" id={`${fieldId('photos')}-hint`}>
            {t('photosHint', { max: LIMITS.photosMax, mb: megabytes(LIMITS.photoBytesMax), total: megabytes(LIMITS.photosBytesTotal) })}
          </p>
          {errors.photos && (
            <p class="k-field__error" id={`${fieldId('photos')}-error`}>
              {errors.photos}
            </p>
          )}
          {props.photosLost && <p class="k-hint">{t('photosAgain')}</p>}
          <input
            class="k-file"
            type="file"
            id={fieldId('photos')}
            name="photos"
            multiple
            accept="image/jpeg,image/png,image/webp"
            aria-describedby={errors.photos ? `${fieldId('photos')}-hint ${fieldId('photos')}-error` : `${fieldId('photos')}-hint`}
            aria-invalid={errors.photos ? 'true' : undefined}
          />
        </div>
        {ctx.user ? (
          <Notice>{t('emailSignedIn', { email: ctx.user.email })}</Notice>
        ) : (
          <TextInput name="email" type="email" autocomplete="email" label={t('email')} hint={t('emailHint')} value={values.email} error={errors.email} />
        )}
        <TextInput
          name="name"
          autocomplete="name"
          label={t('name')}
          hint={t('nameHint')}
          optionalLabel={tp('optional')}
          value={values.name}
          error={errors.name}
          maxLength={100}
        />
        <div class="k-checkbox">
          <input class="k-checkbox__input" type="checkbox" id={fieldId('showName')} name="showName" value="1" checked={values.showName} />
          <label class="k-checkbox__label" for={fieldId('showName')}>
            {t('showName')}
          </label>
        </div>
        <Button>{t('send')}</Button>
        {/* After "Meldung absenden", so that Enter in a field still sends the report (the first submit button is the
            default); a plain form post, since only the upload route takes multipart bodies. */}
        <div class="k-section">
          <p class="k-hint" id="change-location-hint">
            {t('changeKeeps')}
          </p>
          <button
            type="submit"
            class="k-button k-button--secondary"
            formaction={BACK_ACTION}
            formmethod="post"
            formenctype="application/x-www-form-urlencoded"
            formnovalidate
            aria-describedby="change-location-hint"
          >
            {t('changeLocation')}
          </button>
        </div>
      </form>
    </Layout>
  );
}

function QuestionField({
  question: q,
  value,
  error,
  optional,
}: {
  question: Question;
  value: string | string[] | undefined;
  error?: string | undefined;
  optional: string;
}) {
  const name = `answer.${q.code}`;
  const id = fieldId(name);
  const values = Array.isArray(value) ? value : value ? [value] : [];
  if (q.datatype === 'singlevaluelist' || q.datatype === 'multivaluelist') {
    const multi = q.datatype === 'multivaluelist';
    return (
      <fieldset class={error ? 'k-fieldset k-field--error' : 'k-fieldset'} id={id} aria-describedby={error ? `${id}-error` : undefined}>
        <legend class="k-label">
          {q.label}
          {!q.required && <span class="k-label__optional"> {optional}</span>}
        </legend>
        {error && (
          <p class="k-field__error" id={`${id}-error`}>
            {error}
          </p>
        )}
        {q.options.map((o, i) => (
          <div class={multi ? 'k-checkbox' : 'k-radio'}>
            <input
              class={multi ? 'k-checkbox__input' : 'k-radio__input'}
              type={multi ? 'checkbox' : 'radio'}
              id={`${id}-${i}`}
              name={name}
              value={o.key}
              checked={values.includes(o.key)}
            />
            <label class={multi ? 'k-checkbox__label' : 'k-radio__label'} for={`${id}-${i}`}>
              {o.label}
            </label>
          </div>
        ))}
      </fieldset>
    );
  }
  return (
    <div class={error ? 'k-field k-field--error' : 'k-field'}>
      <label class="k-label" for={id}>
        {q.label}
        {!q.required && <span class="k-label__optional"> {optional}</span>}
      </label>
      {error && (
        <p class="k-field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {q.datatype === 'text' ? (
        <textarea
          class="k-textarea"
          id={id}
          name={name}
          rows={2}
          maxLength={1000}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-invalid={error ? 'true' : undefined}
        >
          {values[0] ?? ''}
        </textarea>
      ) : (
        <input
          class="k-input k-input--short"
          id={id}
          name={name}
          value={values[0] ?? ''}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-invalid={error ? 'true' : undefined}
          // biome-ignore lint/suspicious/noExplicitAny: preact narrows attributes per input type; ours vary at run time.
          {...({ type: q.datatype === 'datetime' ? 'date' : 'text' } as any)}
          inputMode={q.datatype === 'number' ? 'decimal' : undefined}
        />
      )}
    </div>
  );
}

export function ThanksPage({
  ctx,
  reportId,
  status,
  email,
  awaitingReview = false,
}: {
  ctx: RequestContext;
  reportId: number;
  status: 'unconfirmed' | 'new';
  email: string | null;
  awaitingReview?: boolean;
}) {
  const t = translator(messages, ctx.locale);
  return (
    <Layout ctx={ctx} title={t('thanksTitle')}>
      <h1>{t('thanksTitle')}</h1>
      {status === 'unconfirmed' ? (
        <p>{t('thanksConfirm', { email: email ?? '' })}</p>
      ) : (
        <>
          <p>{awaitingReview ? t('thanksReview', { id: reportId }) : t('thanksPublished', { id: reportId })}</p>
          <p>
            <a href={`/meldungen/${reportId}`}>{t('viewReport')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}

export function ConfirmReportPage({ ctx, token }: { ctx: RequestContext; token: string }) {
  const t = translator(messages, ctx.locale);
  return (
    <Layout ctx={ctx} title={t('confirmTitle')}>
      <h1>{t('confirmTitle')}</h1>
      <form method="post" action={`/meldungen/bestaetigen/${token}`}>
        <CsrfField token={ctx.csrfToken} />
        <Button>{t('confirmButton')}</Button>
      </form>
    </Layout>
  );
}
