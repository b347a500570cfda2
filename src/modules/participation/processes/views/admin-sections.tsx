import type { RequestContext } from '../../../../platform/http/context';
import type { FieldErrors } from '../../../../platform/http/errors';
import { type FormBody, field, fieldList } from '../../../../platform/http/form';
import { formatDate, translator } from '../../../../platform/i18n';
import { AdminFormPage, FormSection } from '../../../../platform/views/components';
import { Button, Checkboxes, CsrfField, FileInput, TextArea, TextInput } from '../../../../platform/views/forms';
import { processMessages } from '../messages';
import { PHASE_KINDS, phaseState } from '../process';
import type { PhaseRow } from '../process.queries';
import { day, fileSize, imageHref } from './process-parts';

/** Errors and input of the section forms below the process form (one at a time: the form that was sent). */
export interface SectionState {
  phase?: { values: FormBody; errors: FieldErrors };
  end?: { phaseId: number; reason: string; errors: FieldErrors };
  document?: { title: string; errors: FieldErrors };
  image?: { alt: string; errors: FieldErrors };
}

export function PhaseFields({ ctx, values, errors }: { ctx: RequestContext; values: FormBody; errors: FieldErrors }) {
  const t = translator(processMessages, ctx.locale);
  return (
    <>
      <TextInput name="phaseTitle" label={t('bo.phase.title')} value={field(values, 'phaseTitle')} maxLength={200} error={errors.phaseTitle} />
      <TextArea name="phaseDescription" label={t('bo.phase.description')} value={field(values, 'phaseDescription')} rows={3} error={errors.phaseDescription} />
      <TextInput name="startsOn" label={t('bo.phase.starts')} value={field(values, 'startsOn')} width="short" dir="ltr" error={errors.startsOn} />
      <TextInput name="endsOn" label={t('bo.phase.ends')} value={field(values, 'endsOn')} width="short" dir="ltr" error={errors.endsOn} />
      <Checkboxes
        name="kinds"
        legend={t('bo.phase.kinds')}
        options={PHASE_KINDS.map((k) => ({ value: k, label: t(`bo.kind.${k}`) }))}
        values={fieldList(values, 'kinds')}
        error={errors.kinds}
      />
    </>
  );
}

function PhaseItem({
  ctx,
  processId,
  phase,
  today,
  end,
}: {
  ctx: RequestContext;
  processId: number;
  phase: PhaseRow;
  today: string;
  end: SectionState['end'];
}) {
  const t = translator(processMessages, ctx.locale);
  const state = phaseState({ startsOn: phase.starts_on, endsOn: phase.ends_on, endedEarlyAt: phase.ended_early_at }, today);
  const base = `/verwaltung/beteiligung/${processId}/phasen/${phase.id}`;
  const endErrors = end?.phaseId === phase.id ? end.errors : {};
  return (
    <li class="k-card">
      <h3 class="k-card__title">{phase.title}</h3>
      <p>
        {day(phase.starts_on, ctx.locale, 'medium')} – {day(phase.ends_on, ctx.locale, 'medium')}
        {state === 'current' && ` · ${t('bo.phase.current')}`} · {phase.kinds.map((k) => t(`bo.kind.${k}` as 'bo.kind.vote')).join(', ')}
      </p>
      {phase.ended_early_at && (
        <p>{t('bo.phase.endedEarly', { date: formatDate(phase.ended_early_at, ctx.locale), reason: phase.ended_early_reason ?? '' })}</p>
      )}
      <p class="k-actions">
        <a href={base}>
          {t('bo.phase.editLink')}
          <span class="k-visually-hidden">: {phase.title}</span>
        </a>
      </p>
      {state === 'current' && (
        <form method="post" action={`${base}/beenden`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextInput
            name={`reason-${phase.id}`}
            label={t('bo.phase.reason')}
            value={end?.phaseId === phase.id ? end.reason : ''}
            error={endErrors[`reason-${phase.id}`]}
          />
          <Button variant="warning">{t('bo.phase.endNow')}</Button>
        </form>
      )}
      <form method="post" action={`${base}/loeschen`}>
        <CsrfField token={ctx.csrfToken} />
        <Button variant="secondary">
          {t('bo.phase.remove')}
          <span class="k-visually-hidden">: {phase.title}</span>
        </Button>
      </form>
    </li>
  );
}

/** Below the process form: its phases (end now, edit, remove, add), documents and image. */
export function ProcessSections(props: {
  ctx: RequestContext;
  processId: number;
  phases: PhaseRow[];
  today: string;
  documents: Array<{ id: number; title: string; size_bytes: number }>;
  image: { key: string | null; alt: string };
  state: SectionState;
}) {
  const { ctx, processId, state } = props;
  const t = translator(processMessages, ctx.locale);
  const base = `/verwaltung/beteiligung/${processId}`;
  return (
    <>
      <section class="k-section" aria-labelledby="phasen">
        <h2 id="phasen">{t('bo.phases')}</h2>
        {props.phases.length === 0 ? (
          <p>{t('bo.phases.none')}</p>
        ) : (
          <ul class="k-cards">
            {props.phases.map((phase) => (
              <PhaseItem ctx={ctx} processId={processId} phase={phase} today={props.today} end={state.end} />
            ))}
          </ul>
        )}
      </section>
      <FormSection
        id="phase-neu"
        title={t('bo.phase.add')}
        errors={state.phase?.errors}
        action={`${base}/phasen`}
        csrfToken={ctx.csrfToken}
        submitLabel={t('bo.phase.add')}
      >
        <PhaseFields ctx={ctx} values={state.phase?.values ?? {}} errors={state.phase?.errors ?? {}} />
      </FormSection>
      <FormSection
        id="unterlagen"
        title={t('bo.docs')}
        errors={state.document?.errors}
        action={`${base}/dokumente`}
        enctype="multipart/form-data"
        csrfToken={ctx.csrfToken}
        submitLabel={t('bo.doc.upload')}
        intro={
          props.documents.length > 0 && (
            <ul class="k-list">
              {props.documents.map((d) => (
                <li>
                  <a href={`/beteiligung/${processId}/dokumente/${d.id}`}>{d.title}</a> ({fileSize(d.size_bytes, ctx.locale)}){' '}
                  <form method="post" action={`${base}/dokumente/${d.id}/loeschen`} class="k-proc-inline-form">
                    <CsrfField token={ctx.csrfToken} />
                    <Button variant="secondary">{t('bo.doc.remove', { title: d.title })}</Button>
                  </form>
                </li>
              ))}
            </ul>
          )
        }
      >
        <TextInput name="docTitle" label={t('bo.doc.title')} value={state.document?.title ?? ''} maxLength={200} error={state.document?.errors.docTitle} />
        <FileInput name="document" label={t('bo.doc.file')} accept="application/pdf,.pdf" error={state.document?.errors.document} />
      </FormSection>
      <FormSection
        id="bild"
        title={t('bo.image')}
        errors={state.image?.errors}
        action={`${base}/bild`}
        enctype="multipart/form-data"
        csrfToken={ctx.csrfToken}
        submitLabel={t('bo.image.upload')}
        intro={props.image.key && <img class="k-proc-admin-image" src={imageHref(processId, 'thumb')} alt={props.image.alt} />}
      >
        <TextInput name="imageAlt" label={t('bo.image.alt')} value={state.image?.alt ?? props.image.alt} maxLength={300} error={state.image?.errors.imageAlt} />
        <FileInput name="image" label={t('bo.image.file')} accept="image/jpeg,image/png,image/webp" error={state.image?.errors.image} />
      </FormSection>
    </>
  );
}

export function PhaseFormPage(props: { ctx: RequestContext; processId: number; phaseId: number; values: FormBody; errors?: FieldErrors | undefined }) {
  const { ctx, processId, phaseId } = props;
  const t = translator(processMessages, ctx.locale);
  return (
    <AdminFormPage
      ctx={ctx}
      title={t('bo.phase.edit', { title: field(props.values, 'phaseTitle') })}
      back={{ href: `/verwaltung/beteiligung/${processId}`, label: t('bo.back') }}
      errors={props.errors}
      action={`/verwaltung/beteiligung/${processId}/phasen/${phaseId}`}
      submitLabel={t('bo.save')}
    >
      <PhaseFields ctx={ctx} values={props.values} errors={props.errors ?? {}} />
    </AdminFormPage>
  );
}
