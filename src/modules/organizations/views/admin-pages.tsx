import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { formatDateTime, translator } from '../../../platform/i18n';
import { platformMessages } from '../../../platform/i18n/platform-messages';
import { Button, CsrfField, ErrorSummary, fieldId, Notice, TextArea, TextInput } from '../../../platform/views/forms';
import { messages } from '../messages';
import { BackOfficeLayout } from './back-office-layout';

type T = ReturnType<typeof translator<keyof (typeof messages)['de']>>;

function tr(ctx: RequestContext): [T, ReturnType<typeof translator<keyof (typeof platformMessages)['de']>>] {
  return [translator(messages, ctx.locale), translator(platformMessages, ctx.locale)];
}

export function DashboardPage({ ctx }: { ctx: RequestContext }) {
  const [t] = tr(ctx);
  return (
    <BackOfficeLayout ctx={ctx} title={t('backOffice')}>
      <h1>{t('backOffice')}</h1>
      <p>{t('backOfficeIntro')}</p>
    </BackOfficeLayout>
  );
}

export interface DistrictRow {
  id: number;
  kind: string;
  name: string;
  code: string | null;
  source: string;
}

export function DistrictsPage(props: {
  ctx: RequestContext;
  districts: DistrictRow[];
  errors?: FieldErrors;
  values?: { kind: string; nameProperty: string };
  notice?: string;
}) {
  const { ctx, districts } = props;
  const [t, tp] = tr(ctx);
  const errors = props.errors ?? {};
  const values = props.values ?? { kind: 'stadtbezirk', nameProperty: '' };
  return (
    <BackOfficeLayout ctx={ctx} title={t('districts')}>
      <h1>{t('districts')}</h1>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <p>{t('districtsIntro')}</p>
      {districts.length === 0 ? (
        <p>{t('noDistricts')}</p>
      ) : (
        <div class="k-table-wrap">
          <table class="k-table">
            <caption class="k-visually-hidden">{t('districts')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('districtName')}</th>
                <th scope="col">{t('districtKind')}</th>
                <th scope="col">{t('districtCode')}</th>
                <th scope="col">{t('districtSource')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {districts.map((d) => (
                <tr>
                  <th scope="row">{d.name}</th>
                  <td>{d.kind}</td>
                  <td>{d.code ?? '–'}</td>
                  <td>{d.source || '–'}</td>
                  <td>
                    <form method="post" action={`/verwaltung/bezirke/${d.id}/loeschen`}>
                      <CsrfField token={ctx.csrfToken} />
                      <button type="submit" class="k-button k-button--warning k-button--small">
                        {t('delete')}
                        <span class="k-visually-hidden"> {d.name}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section class="k-section" aria-labelledby="import-title">
        <h2 id="import-title">{t('importDistricts')}</h2>
        <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
        <form method="post" action="/verwaltung/bezirke" enctype="multipart/form-data" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <div class={errors.file ? 'k-field k-field--error' : 'k-field'}>
            <label class="k-label" for={fieldId('file')}>
              {t('importFile')}
            </label>
            <p class="k-hint" id={`${fieldId('file')}-hint`}>
              {t('importFileHint')}
            </p>
            {errors.file && (
              <p class="k-field__error" id={`${fieldId('file')}-error`}>
                {errors.file}
              </p>
            )}
            <input
              class="k-file"
              type="file"
              id={fieldId('file')}
              name="file"
              accept=".geojson,.json,application/geo+json,application/json"
              aria-describedby={`${fieldId('file')}-hint${errors.file ? ` ${fieldId('file')}-error` : ''}`}
              aria-invalid={errors.file ? 'true' : undefined}
            />
          </div>
          <TextInput name="kind" label={t('importKind')} hint={t('importKindHint')} value={values.kind} error={errors.kind} width="short" />
          <TextInput
            name="nameProperty"
            label={t('importNameProperty')}
            hint={t('importNamePropertyHint')}
            optionalLabel={tp('optional')}
            value={values.nameProperty}
            error={errors.nameProperty}
            width="short"
          />
          <Button>{t('importButton')}</Button>
        </form>
      </section>
    </BackOfficeLayout>
  );
}

export interface DepartmentRow {
  id: number;
  name: string;
  email: string;
  staff_count: number | null;
}

export function DepartmentsPage({ ctx, departments, notice }: { ctx: RequestContext; departments: DepartmentRow[]; notice?: string }) {
  const [t] = tr(ctx);
  return (
    <BackOfficeLayout ctx={ctx} title={t('departments')}>
      <h1>{t('departments')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p>{t('departmentsIntro')}</p>
      <p>
        <a class="k-button k-button--secondary" href="/verwaltung/abteilungen/neu">
          {t('newDepartment')}
        </a>
      </p>
      {departments.length === 0 ? (
        <p>{t('noDepartments')}</p>
      ) : (
        <div class="k-table-wrap">
          <table class="k-table">
            <caption class="k-visually-hidden">{t('departments')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('departmentName')}</th>
                <th scope="col">{t('departmentEmail')}</th>
                <th scope="col">{t('departmentStaffCount')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {departments.map((d) => (
                <tr>
                  <th scope="row">{d.name}</th>
                  <td>{d.email}</td>
                  <td>{d.staff_count ?? 0}</td>
                  <td>
                    <a href={`/verwaltung/abteilungen/${d.id}`}>
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

export function DepartmentFormPage(props: { ctx: RequestContext; id: number | null; values: { name: string; email: string }; errors?: FieldErrors }) {
  const { ctx, id, values } = props;
  const [t, tp] = tr(ctx);
  const errors = props.errors ?? {};
  const title = id ? t('editDepartment') : t('newDepartment');
  return (
    <BackOfficeLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <form method="post" action={id ? `/verwaltung/abteilungen/${id}` : '/verwaltung/abteilungen'} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput name="name" label={t('departmentName')} value={values.name} error={errors.name} maxLength={200} />
        <TextInput name="email" type="email" label={t('departmentEmail')} hint={t('departmentEmailHint')} value={values.email} error={errors.email} />
        <div class="k-actions">
          <Button>{t('save')}</Button> <a href="/verwaltung/abteilungen">{t('cancel')}</a>
        </div>
      </form>
      {id && (
        <form method="post" action={`/verwaltung/abteilungen/${id}/loeschen`} class="k-section">
          <CsrfField token={ctx.csrfToken} />
          <Button variant="warning">{t('delete')}</Button>
        </form>
      )}
    </BackOfficeLayout>
  );
}

export function LegalPagesPage({ ctx, pages }: { ctx: RequestContext; pages: Array<{ slug: string; locale: string; title: string }> }) {
  const [t] = tr(ctx);
  return (
    <BackOfficeLayout ctx={ctx} title={t('legalPages')}>
      <h1>{t('legalPages')}</h1>
      <p>{t('legalIntro')}</p>
      <ul class="k-list">
        {pages.map((p) => (
          <li>
            <a href={`/verwaltung/seiten/${p.slug}/${p.locale}`}>
              {p.title} <span lang="en">({p.locale})</span>
            </a>
          </li>
        ))}
      </ul>
    </BackOfficeLayout>
  );
}

export function LegalPageEditPage(props: {
  ctx: RequestContext;
  slug: string;
  locale: string;
  values: { title: string; body: string };
  errors?: FieldErrors;
  notice?: string;
}) {
  const { ctx, values } = props;
  const [t, tp] = tr(ctx);
  const errors = props.errors ?? {};
  return (
    <BackOfficeLayout ctx={ctx} title={t('editPage')}>
      <h1>
        {t('editPage')}: {values.title || props.slug} ({props.locale})
      </h1>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <form method="post" action={`/verwaltung/seiten/${props.slug}/${props.locale}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput name="title" label={t('pageTitle')} value={values.title} error={errors.title} maxLength={200} />
        <TextArea name="body" label={t('pageBody')} hint={t('pageBodyHint')} value={values.body} error={errors.body} rows={16} maxLength={50000} />
        <Button>{t('save')}</Button>
      </form>
    </BackOfficeLayout>
  );
}

export function FeedbackListPage({
  ctx,
  items,
}: {
  ctx: RequestContext;
  items: Array<{ id: number; message: string; page_url: string; email: string | null; created_at: Date }>;
}) {
  const [t] = tr(ctx);
  return (
    <BackOfficeLayout ctx={ctx} title={t('feedback')}>
      <h1>{t('feedback')}</h1>
      {items.length === 0 ? (
        <p>{t('feedbackNone')}</p>
      ) : (
        <ol class="k-cards">
          {items.map((f) => (
            <li class="k-card">
              <p class="k-hint">
                #{f.id} · {t('feedbackReceived')} {formatDateTime(new Date(f.created_at), ctx.locale)}
                {f.page_url && ` · ${f.page_url}`}
                {f.email && ` · ${f.email}`}
              </p>
              <p class="k-pre">{f.message}</p>
            </li>
          ))}
        </ol>
      )}
    </BackOfficeLayout>
  );
}
