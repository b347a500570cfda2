import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { formatDate, translator } from '../../../platform/i18n';
import { BackOfficeFrame } from '../../../platform/views/back-office-frame';
import { AdminListPage, DataTable, DescriptionList, FilterForm, FormSection, PageHead, RowLink, Timeline } from '../../../platform/views/components';
import { Select, TextArea, TextInput } from '../../../platform/views/forms';
import { nextStatuses, overdueDays, PUBLIC_STATUSES } from '../idea';
import type { IdeaRow } from '../ideas.queries';
import { messages } from '../messages';
import { eventText, type IdeaEvent } from '../views/idea-page';
import { IdeaStatusBadge, topicLabel } from '../views/parts';
import { staffMessages } from './backoffice.messages';
import type * as bq from './backoffice.queries';

type QueueRow = Awaited<ReturnType<typeof bq.queue>>[number];

export function QueuePage(props: {
  ctx: RequestContext;
  rows: QueueRow[];
  filter: { view: string; status: string; department: string };
  departments: Array<{ id: number; name: string }>;
  now: Date;
}) {
  const { ctx, now, filter } = props;
  const t = translator(staffMessages, ctx.locale);
  const tm = translator(messages, ctx.locale);
  const any = { value: '', label: t('filter.any') };
  return (
    <AdminListPage
      ctx={ctx}
      title={t('queueTitle')}
      intro={t('queueIntro')}
      filters={
        <FilterForm
          action="/verwaltung/ideen"
          title={t('filter.title')}
          applyLabel={t('filter.apply')}
          reset={{ href: '/verwaltung/ideen', label: t('filter.reset') }}
        >
          <Select
            name="auswahl"
            label={t('filter.view')}
            value={filter.view}
            options={[
              { value: 'due', label: t('view.due') },
              { value: 'all', label: t('view.all') },
            ]}
          />
          <Select
            name="status"
            label={t('filter.status')}
            value={filter.status}
            options={[any, ...PUBLIC_STATUSES.map((s) => ({ value: s, label: tm(`status.${s}`) }))]}
          />
          <Select
            name="abteilung"
            label={t('filter.department')}
            value={filter.department}
            options={[any, ...props.departments.map((d) => ({ value: String(d.id), label: d.name }))]}
          />
        </FilterForm>
      }
    >
      <DataTable
        caption={t('caption')}
        rows={props.rows}
        empty={<p>{t('empty')}</p>}
        columns={[
          { header: '#', rowHeader: true, cell: (r) => <RowLink href={`/verwaltung/ideen/${r.id}`} label={`#${r.id}`} name={r.title} /> },
          { header: t('col.idea'), cell: (r) => <span dir="auto">{r.title}</span> },
          { header: t('col.status'), cell: (r) => <IdeaStatusBadge ctx={ctx} status={r.status} /> },
          { header: t('col.supports'), cell: (r) => String(r.supporters_count) },
          {
            header: t('col.due'),
            cell: (r) =>
              r.answer_due_at && !r.answered_at ? (
                <>
                  {formatDate(new Date(r.answer_due_at), ctx.locale)}
                  {overdueDays(r, now) > 0 && <strong> ({t('overdue', { n: overdueDays(r, now) })})</strong>}
                </>
              ) : (
                t('noDue')
              ),
          },
          { header: t('col.department'), cell: (r) => r.department ?? t('noDue') },
        ]}
      />
    </AdminListPage>
  );
}

export function DetailPage(props: {
  ctx: RequestContext;
  idea: IdeaRow;
  events: IdeaEvent[];
  departments: Array<{ id: number; name: string }>;
  categories: Array<{ id: number; name: string }>;
  notice?: string | undefined;
  errors?: FieldErrors | undefined;
  values?: Record<string, string>;
}) {
  const { ctx, idea, errors = {}, values = {} } = props;
  const t = translator(staffMessages, ctx.locale);
  const tm = translator(messages, ctx.locale);
  const next = nextStatuses(idea.status);
  const base = `/verwaltung/ideen/${idea.id}`;
  return (
    <BackOfficeFrame ctx={ctx} title={t('detailTitle', { id: idea.id })}>
      <PageHead
        title={t('detailTitle', { id: idea.id })}
        back={{ href: '/verwaltung/ideen', label: t('back') }}
        notice={props.notice}
        errors={Object.keys(errors).length > 0 ? errors : undefined}
      />
      <h2 dir="auto">{idea.title}</h2>
      <p dir="auto">{idea.description}</p>
      <DescriptionList
        items={[
          { label: t('col.status'), value: <IdeaStatusBadge ctx={ctx} status={idea.status} /> },
          { label: tm('filter.topic'), value: topicLabel(ctx, idea.topic) },
          { label: t('col.supports'), value: String(idea.supporters_count) },
          { label: t('col.due'), value: idea.answer_due_at ? formatDate(new Date(idea.answer_due_at), ctx.locale) : t('noDue') },
          { label: t('col.department'), value: idea.department ?? t('noDue') },
        ]}
      />
      <p>
        <a href={`/ideen/${idea.id}`}>{t('publicPage')}</a>
      </p>
      <FormSection id="status-title" title={t('status.title')} action={`${base}/status`} csrfToken={ctx.csrfToken} submitLabel={t('status.submit')}>
        {next.length === 0 ? (
          <p>{t('status.none')}</p>
        ) : (
          <>
            <Select
              name="to"
              label={t('status.to')}
              value={values.to ?? next[0]}
              error={errors.to}
              options={next.map((s) => ({ value: s, label: tm(`status.${s}`) }))}
            />
            <TextArea name="reason" label={t('status.reason')} value={values.reason ?? ''} error={errors.reason} rows={3} />
          </>
        )}
      </FormSection>
      <FormSection id="answer-title" title={t('answer.title')} action={`${base}/antwort`} csrfToken={ctx.csrfToken} submitLabel={t('answer.submit')}>
        <TextArea name="answer" label={t('answer.text')} value={values.answer ?? idea.answer ?? ''} error={errors.answer} rows={6} />
      </FormSection>
      <FormSection
        id="department-title"
        title={t('department.title')}
        action={`${base}/abteilung`}
        csrfToken={ctx.csrfToken}
        submitLabel={t('department.submit')}
      >
        <Select
          name="departmentId"
          label={t('department.field')}
          value={String(idea.department_id ?? '')}
          error={errors.departmentId}
          options={[{ value: '', label: t('department.none') }, ...props.departments.map((d) => ({ value: String(d.id), label: d.name }))]}
        />
      </FormSection>
      <FormSection
        id="merge-title"
        title={t('merge.title')}
        action={`${base}/zusammenfuehren`}
        csrfToken={ctx.csrfToken}
        submitLabel={t('merge.submit')}
        submitVariant="secondary"
      >
        <TextInput
          name="into"
          label={t('merge.field')}
          hint={t('merge.hint')}
          value={values.into ?? ''}
          error={errors.into}
          inputMode="numeric"
          width="short"
        />
      </FormSection>
      {idea.report_id ? (
        <p>
          <a href={`/verwaltung/meldungen/${idea.report_id}`}>{t('report.done', { id: idea.report_id })}</a>
        </p>
      ) : (
        <FormSection
          id="report-title"
          title={t('report.title')}
          action={`${base}/meldung`}
          csrfToken={ctx.csrfToken}
          submitLabel={t('report.submit')}
          submitVariant="secondary"
        >
          <p>{t('report.hint')}</p>
          <Select
            name="categoryId"
            label={t('report.category')}
            value={values.categoryId ?? ''}
            error={errors.categoryId}
            options={[{ value: '', label: t('report.choose') }, ...props.categories.map((c) => ({ value: String(c.id), label: c.name }))]}
          />
        </FormSection>
      )}
      <section class="k-section" aria-labelledby="history-title">
        <h2 id="history-title">{tm('history')}</h2>
        <Timeline variant="cards" events={props.events.map((e) => ({ at: new Date(e.created_at), ...eventText(ctx, e) }))} />
      </section>
    </BackOfficeFrame>
  );
}
