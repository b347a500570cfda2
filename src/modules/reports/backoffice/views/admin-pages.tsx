import type { RequestContext } from '../../../../platform/http/context';
import type { FieldErrors } from '../../../../platform/http/errors';
import { Button, Checkboxes, CsrfField, ErrorSummary, Notice, Select, TextArea, TextInput } from '../../../../platform/views/forms';
import { BackOfficeLayout } from '../../../organizations/views/back-office-layout';
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
    <BackOfficeLayout ctx={ctx} title={t('tpl.title')}>
      <h1>{t('tpl.title')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p>{t('tpl.intro')}</p>
      <p>
        <a class="k-button k-button--secondary" href="/verwaltung/antwortvorlagen/neu">
          {t('tpl.new')}
        </a>
      </p>
      {templates.length === 0 ? (
        <p>{t('tpl.none')}</p>
      ) : (
        <ul class="k-cards">
          {templates.map((tpl) => (
            <li class="k-card">
              <h2 class="k-card__title">{tpl.title}</h2>
              <p class="k-pre">{tpl.body}</p>
              <p>
                <a href={`/verwaltung/antwortvorlagen/${tpl.id}`}>
                  {t('edit')}
                  <span class="k-visually-hidden"> {tpl.title}</span>
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </BackOfficeLayout>
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
  const [t, tp] = tr(ctx);
  const title = id ? t('tpl.edit') : t('tpl.new');
  return (
    <BackOfficeLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <form method="post" action={id ? `/verwaltung/antwortvorlagen/${id}` : '/verwaltung/antwortvorlagen'} novalidate>
        <CsrfField token={ctx.csrfToken} />
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
        <div class="k-actions">
          <Button>{t('save')}</Button> <a href="/verwaltung/antwortvorlagen">{t('cancel')}</a>
        </div>
      </form>
      {id && (
        <form method="post" action={`/verwaltung/antwortvorlagen/${id}/loeschen`} class="k-section">
          <CsrfField token={ctx.csrfToken} />
          <Button variant="warning">{t('delete')}</Button>
        </form>
      )}
    </BackOfficeLayout>
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
  return (
    <BackOfficeLayout ctx={ctx} title={t('cat.title')}>
      <h1>{t('cat.title')}</h1>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <p>{t('cat.intro')}</p>
      <p>
        <a class="k-button k-button--secondary" href="/verwaltung/kategorien/neu">
          {t('cat.new')}
        </a>
      </p>
      {props.categories.length === 0 ? (
        <p>{t('cat.none')}</p>
      ) : (
        <div class="k-table-wrap">
          <table class="k-table">
            <caption class="k-visually-hidden">{t('cat.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cat.nameDe')}</th>
                <th scope="col">{t('cat.code')}</th>
                <th scope="col">{t('cat.kind')}</th>
                <th scope="col">{t('cat.department')}</th>
                <th scope="col">{t('cat.state')}</th>
                <th scope="col">{t('cat.reports')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.categories.map((c) => (
                <tr>
                  <th scope="row">{ctx.locale === 'de' ? c.name_de : c.name_en}</th>
                  <td>
                    <code>{c.code}</code>
                  </td>
                  <td>{t(`kind.${c.kind as 'defect'}`)}</td>
                  <td>{c.department ?? '–'}</td>
                  <td>{c.active ? t('cat.activeYes') : t('cat.activeNo')}</td>
                  <td>{c.reports}</td>
                  <td>
                    <a href={`/verwaltung/kategorien/${c.id}`}>
                      {t('edit')}
                      <span class="k-visually-hidden"> {ctx.locale === 'de' ? c.name_de : c.name_en}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </BackOfficeLayout>
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
  const title = id ? t('cat.edit', { name: values.name_de }) : t('cat.new');
  return (
    <BackOfficeLayout ctx={ctx} title={title}>
      <p>
        <a href="/verwaltung/kategorien">{t('cat.title')}</a>
      </p>
      <h1>{title}</h1>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <ErrorSummary title={tp('errorSummaryTitle')} errors={{ ...errors, ...ruleErrors }} />
      <form method="post" action={id ? `/verwaltung/kategorien/${id}` : '/verwaltung/kategorien'} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput name="name_de" label={t('cat.nameDe')} value={values.name_de} error={errors.name_de} maxLength={200} />
        <TextInput name="name_en" label={t('cat.nameEn')} value={values.name_en} error={errors.name_en} maxLength={200} />
        <TextInput name="code" label={t('cat.code')} hint={t('cat.codeHint')} value={values.code} error={errors.code} maxLength={60} width="short" />
        <Select
          name="kind"
          label={t('cat.kind')}
          value={values.kind}
          error={errors.kind}
          options={CATEGORY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <TextArea
          name="description_de"
          label={t('cat.descriptionDe')}
          optionalLabel={tp('optional')}
          value={values.description_de}
          error={errors.description_de}
          rows={3}
          maxLength={2000}
        />
        <TextArea
          name="description_en"
          label={t('cat.descriptionEn')}
          optionalLabel={tp('optional')}
          value={values.description_en}
          error={errors.description_en}
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
        <div class="k-actions">
          <Button>{t('save')}</Button> <a href="/verwaltung/kategorien">{t('cancel')}</a>
        </div>
      </form>
      {id && <p class="k-hint">{t('cat.noDelete')}</p>}

      {id && props.questions && (
        <section class="k-section" aria-labelledby="questions-title">
          <h2 id="questions-title">{t('cat.questions')}</h2>
          <p>{t('cat.questionsIntro')}</p>
          {props.questions.length === 0 ? (
            <p>{t('cat.noQuestions')}</p>
          ) : (
            <div class="k-table-wrap">
              <table class="k-table">
                <caption class="k-visually-hidden">{t('cat.questions')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('q.labelDe')}</th>
                    <th scope="col">{t('q.code')}</th>
                    <th scope="col">{t('q.datatype')}</th>
                    <th scope="col">{t('q.required')}</th>
                    <th scope="col">{t('actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {props.questions.map((q) => (
                    <tr>
                      <th scope="row">{ctx.locale === 'de' ? q.label_de : q.label_en}</th>
                      <td>
                        <code>{q.code}</code>
                      </td>
                      <td>{t(`dt.${q.datatype as 'text'}`)}</td>
                      <td>{q.required ? t('yes') : t('no')}</td>
                      <td>
                        <a href={`/verwaltung/kategorien/${id}/fragen/${q.id}`}>
                          {t('edit')}
                          <span class="k-visually-hidden"> {q.code}</span>
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p>
            <a class="k-button k-button--secondary" href={`/verwaltung/kategorien/${id}/fragen/neu`}>
              {t('cat.newQuestion')}
            </a>
          </p>
        </section>
      )}

      {id && props.rules && (
        <section class="k-section" aria-labelledby="rules-title">
          <h2 id="rules-title">{t('rules.title')}</h2>
          <p>{t('rules.intro')}</p>
          {props.rules.length === 0 ? (
            <p>{t('rules.none')}</p>
          ) : (
            <div class="k-table-wrap">
              <table class="k-table">
                <caption class="k-visually-hidden">{t('rules.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('rules.district')}</th>
                    <th scope="col">{t('rules.department')}</th>
                    <th scope="col">{t('actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {props.rules.map((rule) => (
                    <tr>
                      <th scope="row">{rule.district}</th>
                      <td>{rule.department}</td>
                      <td>
                        <form method="post" action={`/verwaltung/kategorien/${id}/zustaendigkeiten/${rule.id}/loeschen`}>
                          <CsrfField token={ctx.csrfToken} />
                          <button type="submit" class="k-button k-button--warning k-button--small">
                            {t('delete')}
                            <span class="k-visually-hidden"> {rule.district}</span>
                          </button>
                        </form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {props.districts && props.districts.length > 0 ? (
            <form method="post" action={`/verwaltung/kategorien/${id}/zustaendigkeiten`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <h3>{t('rules.add')}</h3>
              <Select
                name="district_id"
                label={t('rules.district')}
                value={props.ruleValues?.district_id ?? ''}
                error={ruleErrors.district_id}
                options={[{ value: '', label: '–' }, ...props.districts.map((d) => ({ value: String(d.id), label: d.name }))]}
              />
              <Select
                name="rule_department_id"
                label={t('rules.department')}
                value={props.ruleValues?.rule_department_id ?? ''}
                error={ruleErrors.rule_department_id}
                options={[{ value: '', label: '–' }, ...props.departments.map((d) => ({ value: String(d.id), label: d.name }))]}
              />
              <Button variant="secondary">{t('rules.submit')}</Button>
            </form>
          ) : (
            <p>{t('rules.noDistricts')}</p>
          )}
        </section>
      )}
    </BackOfficeLayout>
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
  const title = t('q.title', { category: props.categoryName });
  const base = `/verwaltung/kategorien/${categoryId}/fragen`;
  return (
    <BackOfficeLayout ctx={ctx} title={title}>
      <p>
        <a href={`/verwaltung/kategorien/${categoryId}`}>{t('cat.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <form method="post" action={id ? `${base}/${id}` : base} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput name="label_de" label={t('q.labelDe')} value={values.label_de} error={errors.label_de} maxLength={300} />
        <TextInput name="label_en" label={t('q.labelEn')} value={values.label_en} error={errors.label_en} maxLength={300} />
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
        <div class="k-actions">
          <Button>{t('save')}</Button> <a href={`/verwaltung/kategorien/${categoryId}`}>{t('cancel')}</a>
        </div>
      </form>
      {id && (
        <form method="post" action={`${base}/${id}/loeschen`} class="k-section">
          <CsrfField token={ctx.csrfToken} />
          <Button variant="warning">{t('q.delete')}</Button>
        </form>
      )}
    </BackOfficeLayout>
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
    <BackOfficeLayout ctx={ctx} title={t('o311.title')}>
      <h1>{t('o311.title')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p>{t('o311.intro')}</p>
      {departments.length === 0 ? (
        <p>{t('o311.none')}</p>
      ) : (
        <div class="k-table-wrap">
          <table class="k-table">
            <caption class="k-visually-hidden">{t('o311.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('o311.department')}</th>
                <th scope="col">{t('o311.state')}</th>
                <th scope="col">{t('o311.endpoint')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {departments.map((d) => (
                <tr>
                  <th scope="row">{d.name}</th>
                  <td>{d.open311_enabled ? t('o311.on') : t('o311.off')}</td>
                  <td>{d.open311_endpoint ?? '–'}</td>
                  <td>
                    <a href={`/verwaltung/abteilungen/${d.id}/open311`}>
                      {t('edit')}
                      <span class="k-visually-hidden"> {d.name}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </BackOfficeLayout>
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
  const title = t('o311.editTitle', { name: department.name });
  return (
    <BackOfficeLayout ctx={ctx} title={title}>
      <p>
        <a href="/verwaltung/open311">{t('o311.title')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <form method="post" action={`/verwaltung/abteilungen/${department.id}/open311`} novalidate>
        <CsrfField token={ctx.csrfToken} />
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
        <div class="k-actions">
          <Button>{t('save')}</Button> <a href="/verwaltung/open311">{t('cancel')}</a>
        </div>
      </form>
    </BackOfficeLayout>
  );
}
