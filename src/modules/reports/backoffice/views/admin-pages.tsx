import type { RequestContext } from '../../../../platform/http/context';
import type { FieldErrors } from '../../../../platform/http/errors';
import { ActionLink, AdminFormPage, AdminListPage, DataTable, PostButton, PostForm, RowLink } from '../../../../platform/views/components';
import { Checkboxes, Select, TextArea, TextInput } from '../../../../platform/views/forms';
import { LIMITS } from '../../report';
import { CATEGORY_KINDS, type CategoryForm, DATATYPES, type QuestionForm } from '../backoffice.admin';
import { tr } from './common';

// Response templates ------------------------------------------------------------------------------------------

export function TemplatesPage({
  ctx,
  templates,
  notice,
}: {
  ctx: RequestContext;
  templates: Array<{ id: number; title: string; body: string }>;
  notice?: string | undefined;
}) {
  const [t] = tr(ctx);
  return (
    <AdminListPage
      ctx={ctx}
      title={t('tpl.title')}
      notice={notice}
      intro={t('tpl.intro')}
      action={{ href: '/verwaltung/antwortvorlagen/neu', label: t('tpl.new') }}
    >
      {templates.length === 0 ? (
        <p>{t('tpl.none')}</p>
      ) : (
        <ul class="k-cards">
          {templates.map((tpl) => (
            <li class="k-card">
              <h2 class="k-card__title">{tpl.title}</h2>
              <p class="k-pre">{tpl.body}</p>
              <p>
                <RowLink href={`/verwaltung/antwortvorlagen/${tpl.id}`} label={t('edit')} name={tpl.title} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </AdminListPage>
  );
}

export function TemplateFormPage({
  ctx,
  id,
  values,
  errors = {},
}: {
  ctx: RequestContext;
  id: number | null;
  values: { title: string; body: string };
  errors?: FieldErrors;
}) {
  const [t] = tr(ctx);
  return (
    <AdminFormPage
      ctx={ctx}
      title={id ? t('tpl.edit') : t('tpl.new')}
      errors={errors}
      action={id ? `/verwaltung/antwortvorlagen/${id}` : '/verwaltung/antwortvorlagen'}
      submitLabel={t('save')}
      cancel={{ href: '/verwaltung/antwortvorlagen', label: t('cancel') }}
      after={id && <PostButton class="k-section" action={`/verwaltung/antwortvorlagen/${id}/loeschen`} csrfToken={ctx.csrfToken} label={t('delete')} />}
    >
      <TextInput name="title" label={t('tpl.fieldTitle')} value={values.title} error={errors.title} maxLength={200} />
      <TextArea
        name="body"
        label={t('tpl.fieldBody')}
        hint={t('tpl.fieldBodyHint')}
        value={values.body}
        error={errors.body}
        rows={8}
        maxLength={LIMITS.noteMax}
      />
    </AdminFormPage>
  );
}

// Categories --------------------------------------------------------------------------------------------------

export function CategoriesPage(props: {
  ctx: RequestContext;
  categories: Array<{ id: number; code: string; name_de: string; name_en: string; kind: string; active: boolean; department: string | null; reports: number }>;
  notice?: string | undefined;
}) {
  const { ctx } = props;
  const [t] = tr(ctx);
  const name = (c: { name_de: string; name_en: string }) => (ctx.locale === 'de' ? c.name_de : c.name_en);
  return (
    <AdminListPage
      ctx={ctx}
      title={t('cat.title')}
      notice={props.notice}
      intro={t('cat.intro')}
      action={{ href: '/verwaltung/kategorien/neu', label: t('cat.new') }}
    >
      <DataTable
        caption={t('cat.title')}
        rows={props.categories}
        empty={t('cat.none')}
        columns={[
          { header: t('cat.nameDe'), rowHeader: true, cell: name },
          { header: t('cat.code'), cell: (c) => <code>{c.code}</code> },
          { header: t('cat.kind'), cell: (c) => t(`kind.${c.kind as 'defect'}`) },
          { header: t('cat.department'), cell: (c) => c.department ?? '–' },
          { header: t('cat.state'), cell: (c) => (c.active ? t('cat.activeYes') : t('cat.activeNo')) },
          { header: t('cat.reports'), cell: (c) => c.reports },
          { header: t('actions'), cell: (c) => <RowLink href={`/verwaltung/kategorien/${c.id}`} label={t('edit')} name={name(c)} /> },
        ]}
      />
    </AdminListPage>
  );
}

export function CategoryFormPage(props: {
  ctx: RequestContext;
  id: number | null;
  values: CategoryForm;
  departments: Array<{ id: number; name: string }>;
  errors?: FieldErrors;
  notice?: string | undefined;
  questions?: Array<{ id: number; code: string; datatype: string; label_de: string; label_en: string; required: boolean }>;
  rules?: Array<{ id: number; district: string; department: string }>;
  districts?: Array<{ id: number; name: string }>;
  ruleValues?: { district_id: string; rule_department_id: string };
  ruleErrors?: FieldErrors;
}) {
  const { ctx, id, values } = props;
  const [t, tp] = tr(ctx);
  const errors = props.errors ?? {};
  const ruleErrors = props.ruleErrors ?? {};
  return (
    <AdminFormPage
      ctx={ctx}
      title={id ? t('cat.edit', { name: values.name_de }) : t('cat.new')}
      back={{ href: '/verwaltung/kategorien', label: t('cat.title') }}
      notice={props.notice}
      errors={{ ...errors, ...ruleErrors }}
      action={id ? `/verwaltung/kategorien/${id}` : '/verwaltung/kategorien'}
      submitLabel={t('save')}
      cancel={{ href: '/verwaltung/kategorien', label: t('cancel') }}
      after={
        id && (
          <>
            <p class="k-hint">{t('cat.noDelete')}</p>
            {props.questions && <QuestionsSection ctx={ctx} categoryId={id} questions={props.questions} />}
            {props.rules && (
              <RulesSection
                ctx={ctx}
                categoryId={id}
                rules={props.rules}
                districts={props.districts ?? []}
                departments={props.departments}
                values={props.ruleValues}
                errors={ruleErrors}
              />
            )}
          </>
        )
      }
    >
      <BilingualText name="name" labels={{ de: t('cat.nameDe'), en: t('cat.nameEn') }} values={values} errors={errors} maxLength={200} />
      <TextInput name="code" label={t('cat.code')} hint={t('cat.codeHint')} value={values.code} error={errors.code} maxLength={60} width="short" />
      <Select
        name="kind"
        label={t('cat.kind')}
        value={values.kind}
        error={errors.kind}
        options={CATEGORY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
      />
      <BilingualText
        name="description"
        labels={{ de: t('cat.descriptionDe'), en: t('cat.descriptionEn') }}
        optionalLabel={tp('optional')}
        values={values}
        errors={errors}
        rows={3}
        maxLength={2000}
      />
      <Select
        name="department_id"
        label={t('cat.department')}
        hint={t('cat.departmentHint')}
        value={values.department_id}
        error={errors.department_id}
        options={[{ value: '', label: t('noDepartment') }, ...props.departments.map((d) => ({ value: String(d.id), label: d.name }))]}
      />
      <TextInput
        name="questionnaire_weeks"
        label={t('cat.weeks')}
        hint={t('cat.weeksHint')}
        value={values.questionnaire_weeks}
        error={errors.questionnaire_weeks}
        inputMode="numeric"
        width="short"
        maxLength={3}
      />
      <TextInput
        name="sort"
        label={t('cat.sort')}
        hint={t('cat.sortHint')}
        value={values.sort}
        error={errors.sort}
        inputMode="numeric"
        width="short"
        maxLength={6}
      />
      <Checkboxes name="active" legend={t('cat.state')} options={[{ value: '1', label: t('cat.active') }]} values={values.active ? ['1'] : []} />
    </AdminFormPage>
  );
}

/** A text staff enter in German and in English: fields `<name>_de` and `<name>_en`, one line each or several. */
function BilingualText<N extends string>(props: {
  name: N;
  labels: { de: string; en: string };
  values: Record<`${N}_de` | `${N}_en`, string>;
  errors: FieldErrors;
  maxLength: number;
  rows?: number;
  optionalLabel?: string;
}) {
  return (
    <>
      {(['de', 'en'] as const).map((lang) => {
        const name = `${props.name}_${lang}` as const;
        const field = { name, label: props.labels[lang], optionalLabel: props.optionalLabel, value: props.values[name], error: props.errors[name] };
        return props.rows ? <TextArea {...field} rows={props.rows} maxLength={props.maxLength} /> : <TextInput {...field} maxLength={props.maxLength} />;
      })}
    </>
  );
}

function QuestionsSection({
  ctx,
  categoryId,
  questions,
}: {
  ctx: RequestContext;
  categoryId: number;
  questions: NonNullable<Parameters<typeof CategoryFormPage>[0]['questions']>;
}) {
  const [t] = tr(ctx);
  return (
    <section class="k-section" aria-labelledby="questions-title">
      <h2 id="questions-title">{t('cat.questions')}</h2>
      <p>{t('cat.questionsIntro')}</p>
      <DataTable
        caption={t('cat.questions')}
        rows={questions}
        empty={t('cat.noQuestions')}
        columns={[
          { header: t('q.labelDe'), rowHeader: true, cell: (q) => (ctx.locale === 'de' ? q.label_de : q.label_en) },
          { header: t('q.code'), cell: (q) => <code>{q.code}</code> },
          { header: t('q.datatype'), cell: (q) => t(`dt.${q.datatype as 'text'}`) },
          { header: t('q.required'), cell: (q) => (q.required ? t('yes') : t('no')) },
          { header: t('actions'), cell: (q) => <RowLink href={`/verwaltung/kategorien/${categoryId}/fragen/${q.id}`} label={t('edit')} name={q.code} /> },
        ]}
      />
      <ActionLink href={`/verwaltung/kategorien/${categoryId}/fragen/neu`}>{t('cat.newQuestion')}</ActionLink>
    </section>
  );
}

function RulesSection(props: {
  ctx: RequestContext;
  categoryId: number;
  rules: Array<{ id: number; district: string; department: string }>;
  districts: Array<{ id: number; name: string }>;
  departments: Array<{ id: number; name: string }>;
  values: { district_id: string; rule_department_id: string } | undefined;
  errors: FieldErrors;
}) {
  const { ctx, categoryId, errors } = props;
  const [t] = tr(ctx);
  return (
    <section class="k-section" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('rules.title')}</h2>
      <p>{t('rules.intro')}</p>
      <DataTable
        caption={t('rules.title')}
        rows={props.rules}
        empty={t('rules.none')}
        columns={[
          { header: t('rules.district'), rowHeader: true, cell: (rule) => rule.district },
          { header: t('rules.department'), cell: (rule) => rule.department },
          {
            header: t('actions'),
            cell: (rule) => (
              <PostButton
                action={`/verwaltung/kategorien/${categoryId}/zustaendigkeiten/${rule.id}/loeschen`}
                csrfToken={ctx.csrfToken}
                label={t('delete')}
                name={rule.district}
                small
              />
            ),
          },
        ]}
      />
      {props.districts.length > 0 ? (
        <PostForm
          action={`/verwaltung/kategorien/${categoryId}/zustaendigkeiten`}
          csrfToken={ctx.csrfToken}
          submitLabel={t('rules.submit')}
          submitVariant="secondary"
        >
          <h3>{t('rules.add')}</h3>
          <Select
            name="district_id"
            label={t('rules.district')}
            value={props.values?.district_id ?? ''}
            error={errors.district_id}
            options={[{ value: '', label: '–' }, ...props.districts.map((d) => ({ value: String(d.id), label: d.name }))]}
          />
          <Select
            name="rule_department_id"
            label={t('rules.department')}
            value={props.values?.rule_department_id ?? ''}
            error={errors.rule_department_id}
            options={[{ value: '', label: '–' }, ...props.departments.map((d) => ({ value: String(d.id), label: d.name }))]}
          />
        </PostForm>
      ) : (
        <p>{t('rules.noDistricts')}</p>
      )}
    </section>
  );
}

export function QuestionFormPage(props: {
  ctx: RequestContext;
  categoryId: number;
  categoryName: string;
  id: number | null;
  values: QuestionForm;
  errors?: FieldErrors;
}) {
  const { ctx, categoryId, id, values } = props;
  const [t, tp] = tr(ctx);
  const errors = props.errors ?? {};
  const base = `/verwaltung/kategorien/${categoryId}/fragen`;
  return (
    <AdminFormPage
      ctx={ctx}
      title={t('q.title', { category: props.categoryName })}
      back={{ href: `/verwaltung/kategorien/${categoryId}`, label: t('cat.back') }}
      errors={errors}
      action={id ? `${base}/${id}` : base}
      submitLabel={t('save')}
      cancel={{ href: `/verwaltung/kategorien/${categoryId}`, label: t('cancel') }}
      after={id && <PostButton class="k-section" action={`${base}/${id}/loeschen`} csrfToken={ctx.csrfToken} label={t('q.delete')} />}
    >
      <BilingualText name="label" labels={{ de: t('q.labelDe'), en: t('q.labelEn') }} values={values} errors={errors} maxLength={300} />
      <TextInput name="code" label={t('q.code')} hint={t('q.codeHint')} value={values.code} error={errors.code} maxLength={40} width="short" />
      <Select
        name="datatype"
        label={t('q.datatype')}
        value={values.datatype}
        error={errors.datatype}
        options={DATATYPES.map((d) => ({ value: d, label: t(`dt.${d}`) }))}
      />
      <TextArea
        name="options"
        label={t('q.options')}
        hint={t('q.optionsHint')}
        optionalLabel={tp('optional')}
        value={values.options}
        error={errors.options}
        rows={5}
        maxLength={20000}
      />
      <TextInput name="sort" label={t('q.sort')} value={values.sort} error={errors.sort} inputMode="numeric" width="short" maxLength={6} />
      <Checkboxes name="required" legend={t('q.required')} options={[{ value: '1', label: t('q.required') }]} values={values.required ? ['1'] : []} />
    </AdminFormPage>
  );
}

// Open311 -----------------------------------------------------------------------------------------------------

export function Open311ListPage({
  ctx,
  departments,
  notice,
}: {
  ctx: RequestContext;
  departments: Array<{ id: number; name: string; open311_endpoint: string | null; open311_enabled: boolean }>;
  notice?: string | undefined;
}) {
  const [t] = tr(ctx);
  return (
    <AdminListPage ctx={ctx} title={t('o311.title')} notice={notice} intro={t('o311.intro')}>
      <DataTable
        caption={t('o311.title')}
        rows={departments}
        empty={t('o311.none')}
        columns={[
          { header: t('o311.department'), rowHeader: true, cell: (d) => d.name },
          { header: t('o311.state'), cell: (d) => (d.open311_enabled ? t('o311.on') : t('o311.off')) },
          { header: t('o311.endpoint'), cell: (d) => d.open311_endpoint ?? '–' },
          { header: t('actions'), cell: (d) => <RowLink href={`/verwaltung/abteilungen/${d.id}/open311`} label={t('edit')} name={d.name} /> },
        ]}
      />
    </AdminListPage>
  );
}

export function Open311FormPage(props: {
  ctx: RequestContext;
  department: { id: number; name: string };
  hasKey: boolean;
  values: { endpoint: string; enabled: boolean };
  errors?: FieldErrors;
}) {
  const { ctx, department, values } = props;
  const [t, tp] = tr(ctx);
  const errors = props.errors ?? {};
  return (
    <AdminFormPage
      ctx={ctx}
      title={t('o311.editTitle', { name: department.name })}
      back={{ href: '/verwaltung/open311', label: t('o311.title') }}
      errors={errors}
      action={`/verwaltung/abteilungen/${department.id}/open311`}
      submitLabel={t('save')}
      cancel={{ href: '/verwaltung/open311', label: t('cancel') }}
    >
      <TextInput
        name="endpoint"
        type="url"
        label={t('o311.endpoint')}
        hint={t('o311.endpointHint')}
        optionalLabel={tp('optional')}
        value={values.endpoint}
        error={errors.endpoint}
        maxLength={500}
      />
      <p>{props.hasKey ? t('o311.apiKeyStored') : t('o311.apiKeyMissing')}</p>
      <TextInput
        name="apiKey"
        type="password"
        autocomplete="off"
        label={t('o311.apiKey')}
        hint={t('o311.apiKeyHint')}
        optionalLabel={tp('optional')}
        value=""
        error={errors.apiKey}
        maxLength={500}
      />
      {props.hasKey && <Checkboxes name="removeKey" legend={t('o311.apiKey')} options={[{ value: '1', label: t('o311.removeKey') }]} values={[]} />}
      <Checkboxes name="enabled" legend={t('o311.state')} options={[{ value: '1', label: t('o311.enabled') }]} values={values.enabled ? ['1'] : []} />
    </AdminFormPage>
  );
}
