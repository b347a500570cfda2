import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { translator } from '../../../platform/i18n';
import { Button, CsrfField, ErrorSummary, Select, TextArea, TextInput } from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import { LIMITS, TOPICS } from '../idea';
import { messages } from '../messages';
import { FormAlert, IdeaStyles, topicLabel } from './parts';

export interface IdeaFormValues {
  title: string;
  description: string;
  topic: string;
  districtId: string;
  lat: string;
  lon: string;
  processId: string;
  /** The server map's view (formatView), while choosing a place. */
  view: string;
}

export const EMPTY_FORM: IdeaFormValues = { title: '', description: '', topic: '', districtId: '', lat: '', lon: '', processId: '', view: '' };

export function IdeaFormPage(props: {
  ctx: RequestContext;
  values: IdeaFormValues;
  errors?: FieldErrors | undefined;
  districts: Array<{ id: number; name: string }>;
  processes: Array<{ id: number; title: string }>;
  photosLost?: boolean;
  /** A problem with the whole form (too many ideas at once), shown above it with the input kept. */
  alert?: { title: string; text: string } | undefined;
  photoMb: number;
}) {
  const { ctx, values: v, errors = {} } = props;
  const t = translator(messages, ctx.locale);
  const mapQuery = new URLSearchParams();
  if (v.view) mapQuery.set('ansicht', v.view);
  if (v.lat && v.lon) {
    mapQuery.set('lat', v.lat);
    mapQuery.set('lon', v.lon);
  }
  return (
    <Layout ctx={ctx} title={t('formTitle')}>
      <IdeaStyles />
      <h1>{t('formTitle')}</h1>
      <ErrorSummary title={t('errorTitle')} errors={errors} />
      {props.alert && <FormAlert alert={props.alert} />}
      <p>{t('formIntro', { city: ctx.org.name })}</p>
      <form method="post" action="/ideen/neu" enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput
          name="title"
          label={t('field.title')}
          hint={t('field.titleHint', { min: LIMITS.titleMin, max: LIMITS.titleMax })}
          value={v.title}
          maxLength={LIMITS.titleMax}
          error={errors.title}
          required
        />
        <TextArea
          name="description"
          label={t('field.description')}
          hint={t('field.descriptionHint', { min: LIMITS.descriptionMin })}
          value={v.description}
          maxLength={LIMITS.descriptionMax}
          error={errors.description}
          required
        />
        <Select
          name="topic"
          label={t('field.topic')}
          value={v.topic}
          error={errors.topic}
          required
          options={[{ value: '', label: t('field.topicChoose') }, ...TOPICS.map((x) => ({ value: x, label: topicLabel(ctx, x) }))]}
        />
        <Select
          name="districtId"
          label={t('field.district')}
          value={v.districtId}
          error={errors.districtId}
          options={[{ value: '', label: t('field.districtNone') }, ...props.districts.map((d) => ({ value: String(d.id), label: d.name }))]}
        />
        <fieldset class={errors.place ? 'k-fieldset k-field--error' : 'k-fieldset'} id="f-place" aria-describedby="f-place-hint">
          <legend class="k-label">{t('field.place')}</legend>
          <p class="k-hint" id="f-place-hint">
            {t('field.placeHint')}
          </p>
          {errors.place && (
            <p class="k-field__error" id="f-place-error">
              {errors.place}
            </p>
          )}
          <input type="hidden" name="lat" value={v.lat} />
          <input type="hidden" name="lon" value={v.lon} />
          <input type="hidden" name="ansicht" value={v.view} />
          <input
            class="k-idea-map"
            type="image"
            name="karte"
            src={`/ideen/ort.svg${mapQuery.size > 0 ? `?${mapQuery}` : ''}`}
            width={640}
            height={400}
            alt={t('field.mapButton', { city: ctx.org.name })}
            formaction="/ideen/neu/ort"
          />
          {v.lat && v.lon && (
            <p>
              {t('field.placeChosen', { lat: v.lat, lon: v.lon })}{' '}
              <button type="submit" class="k-button k-button--secondary k-button--small" name="ortEntfernen" value="1" formaction="/ideen/neu/ort">
                {t('field.placeRemove')}
              </button>
            </p>
          )}
        </fieldset>
        {props.photosLost && <p class="k-hint">{t('field.photosAgain')}</p>}
        <div class={errors.photos ? 'k-field k-field--error' : 'k-field'}>
          <label class="k-label" for="f-photos">
            {t('field.photos')}
          </label>
          <p class="k-hint" id="f-photos-hint">
            {t('field.photosHint', { max: LIMITS.photosMax, mb: props.photoMb })}
          </p>
          {errors.photos && (
            <p class="k-field__error" id="f-photos-error">
              {errors.photos}
            </p>
          )}
          <input
            class="k-file"
            type="file"
            id="f-photos"
            name="photos"
            multiple
            accept="image/jpeg,image/png,image/webp"
            aria-invalid={errors.photos ? 'true' : undefined}
            aria-describedby={errors.photos ? 'f-photos-hint f-photos-error' : 'f-photos-hint'}
          />
        </div>
        {props.processes.length > 0 && (
          <Select
            name="processId"
            label={t('field.process')}
            value={v.processId}
            error={errors.processId}
            options={[{ value: '', label: t('field.processNone') }, ...props.processes.map((p) => ({ value: String(p.id), label: p.title }))]}
          />
        )}
        <Button>{t('submit')}</Button>
      </form>
    </Layout>
  );
}
