import type { RequestContext } from '../../../../platform/http/context';
import type { FieldErrors } from '../../../../platform/http/errors';
import { type FormBody, field, fieldList } from '../../../../platform/http/form';
import { translator } from '../../../../platform/i18n';
import { AdminFormPage, AdminListPage, DataTable, type ListUrl, type Paging, StatusBadge } from '../../../../platform/views/components';
import { Checkboxes, Select, TextArea, TextInput } from '../../../../platform/views/forms';
import type { Children } from '../../../../platform/views/render';
import { processMessages } from '../messages';
import { type ProcessState, TOPICS } from '../process';
import { ProcessStyles, stateVocabulary, topicName } from './process-parts';
import { RulesEditor } from './rules-editor';

type Named = Array<{ id: number; name: string }>;

export interface StaffListRow {
  id: number;
  title: string;
  published: boolean;
  responsible_name: string | null;
  state: ProcessState;
}

export function StaffProcessListPage({ ctx, rows, paging, url }: { ctx: RequestContext; rows: StaffListRow[]; paging: Paging; url: ListUrl }) {
  const t = translator(processMessages, ctx.locale);
  return (
    <AdminListPage ctx={ctx} title={t('bo.listTitle')} action={{ href: '/verwaltung/beteiligung/neu', label: t('bo.new') }} pagination={{ paging, url }}>
      <DataTable
        caption={t('bo.listTitle')}
        rows={rows}
        empty={t('bo.none')}
        columns={[
          { header: t('bo.col.title'), rowHeader: true, cell: (r) => <a href={`/verwaltung/beteiligung/${r.id}`}>{r.title}</a> },
          { header: t('bo.col.state'), cell: (r) => <StatusBadge status={r.state} vocabulary={stateVocabulary(ctx.locale)} /> },
          { header: t('bo.col.responsible'), cell: (r) => r.responsible_name ?? '' },
          { header: t('bo.col.published'), cell: (r) => (r.published ? t('bo.yes') : t('bo.no')) },
        ]}
      />
    </AdminListPage>
  );
}

export interface ProcessFormOptions {
  districts: Named;
  departments: Named;
  /** Bodies that may be responsible (none for department staff). */
  bodies: Named;
  /** Bodies a rule may name. */
  allBodies: Named;
}

export function ProcessFormPage(props: {
  ctx: RequestContext;
  id: number | null;
  values: FormBody;
  errors?: FieldErrors | undefined;
  notice?: string | undefined;
  options: ProcessFormOptions;
  after?: Children;
}) {
  const { ctx, id, values, options } = props;
  const errors = props.errors ?? {};
  const t = translator(processMessages, ctx.locale);
  const title = id === null ? t('bo.newTitle') : t('bo.editTitle', { title: field(values, 'title') });
  return (
    <AdminFormPage
      ctx={ctx}
      title={title}
      back={{ href: '/verwaltung/beteiligung', label: t('bo.back') }}
      notice={props.notice}
      errors={errors}
      action={id === null ? '/verwaltung/beteiligung/neu' : `/verwaltung/beteiligung/${id}`}
      submitLabel={id === null ? t('bo.create') : t('bo.save')}
      intro={
        <>
          <ProcessStyles />
          {id !== null && (
            <p>
              <a href={`/beteiligung/${id}`}>{t('bo.viewPublic')}</a>
            </p>
          )}
        </>
      }
      after={props.after}
    >
      <TextInput name="title" label={t('bo.f.title')} value={field(values, 'title')} maxLength={200} error={errors.title} />
      <TextArea name="summary" label={t('bo.f.summary')} hint={t('bo.f.summaryHint')} value={field(values, 'summary')} rows={3} error={errors.summary} />
      <TextArea name="body" label={t('bo.f.body')} hint={t('bo.f.bodyHint')} value={field(values, 'body')} rows={10} error={errors.body} />
      <Select
        name="topic"
        label={t('bo.f.topic')}
        value={field(values, 'topic')}
        options={[{ value: '', label: t('bo.f.choose') }, ...TOPICS.map((code) => ({ value: code, label: topicName(code, ctx.locale) }))]}
        error={errors.topic}
      />
      <Select
        name="responsible"
        label={t('bo.f.responsible')}
        value={field(values, 'responsible')}
        options={[
          { value: '', label: t('bo.f.choose') },
          ...options.departments.map((d) => ({ value: `d:${d.id}`, label: t('bo.f.responsibleDept', { name: d.name }) })),
          ...options.bodies.map((b) => ({ value: `b:${b.id}`, label: t('bo.f.responsibleBody', { name: b.name }) })),
        ]}
        error={errors.responsible}
      />
      <Checkboxes
        name="districts"
        legend={t('bo.f.districts')}
        hint={t('bo.f.districtsHint')}
        options={options.districts.map((d) => ({ value: String(d.id), label: d.name }))}
        values={fieldList(values, 'districts')}
        error={errors.districts}
      />
      <RulesEditor locale={ctx.locale} values={values} errors={errors} districts={options.districts} bodies={options.allBodies} />
      <Checkboxes
        name="published"
        legend={t('bo.f.published')}
        options={[{ value: '1', label: t('bo.f.publishedOption') }]}
        values={field(values, 'published') === '1' ? ['1'] : []}
      />
    </AdminFormPage>
  );
}
