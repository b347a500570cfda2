import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { formatDateTime, translator } from '../../../platform/i18n';
import { platformMessages } from '../../../platform/i18n/platform-messages';
import { BackOfficeFrame } from '../../../platform/views/back-office-frame';
import { AdminFormPage, AdminListPage, DataTable, FormSection, PostButton, RowLink } from '../../../platform/views/components';
import { FileInput, TextArea, TextInput } from '../../../platform/views/forms';
import { messages } from '../messages';

type T = ReturnType<typeof translator<keyof (typeof messages)['de']>>;

function tr(ctx: RequestContext): [T, ReturnType<typeof translator<keyof (typeof platformMessages)['de']>>] {
  return [translator(messages, ctx.locale), translator(platformMessages, ctx.locale)];
}

export function DashboardPage({ ctx }: { ctx: RequestContext }) {
  const [t] = tr(ctx);
  return (
    <BackOfficeFrame ctx={ctx} title={t('backOffice')}>
      <h1>{t('backOffice')}</h1>
      <p>{t('backOfficeIntro')}</p>
    </BackOfficeFrame>
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
    <AdminListPage
      ctx={ctx}
      title={t('districts')}
      notice={props.notice}
      intro={t('districtsIntro')}
      after={
        <FormSection
          id="import-title"
          title={t('importDistricts')}
          errors={errors}
          action="/verwaltung/bezirke"
          enctype="multipart/form-data"
          csrfToken={ctx.csrfToken}
          submitLabel={t('importButton')}
        >
          <FileInput
            name="file"
            label={t('importFile')}
            hint={t('importFileHint')}
            error={errors.file}
            accept=".geojson,.json,application/geo+json,application/json"
          />
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
        </FormSection>
      }
    >
      <DataTable
        caption={t('districts')}
        rows={districts}
        empty={t('noDistricts')}
        columns={[
          { header: t('districtName'), rowHeader: true, cell: (d) => d.name },
          { header: t('districtKind'), cell: (d) => d.kind },
          { header: t('districtCode'), cell: (d) => d.code ?? '–' },
          { header: t('districtSource'), cell: (d) => d.source || '–' },
          {
            header: t('actions'),
            cell: (d) => <PostButton action={`/verwaltung/bezirke/${d.id}/loeschen`} csrfToken={ctx.csrfToken} label={t('delete')} name={d.name} small />,
          },
        ]}
      />
    </AdminListPage>
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
    <AdminListPage
      ctx={ctx}
      title={t('departments')}
      notice={notice}
      intro={t('departmentsIntro')}
      action={{ href: '/verwaltung/abteilungen/neu', label: t('newDepartment') }}
    >
      <DataTable
        caption={t('departments')}
        rows={departments}
        empty={t('noDepartments')}
        columns={[
          { header: t('departmentName'), rowHeader: true, cell: (d) => d.name },
          { header: t('departmentEmail'), cell: (d) => d.email },
          { header: t('departmentStaffCount'), cell: (d) => d.staff_count ?? 0 },
          { header: t('actions'), cell: (d) => <RowLink href={`/verwaltung/abteilungen/${d.id}`} label={t('edit')} name={d.name} /> },
        ]}
      />
    </AdminListPage>
  );
}

export function DepartmentFormPage(props: { ctx: RequestContext; id: number | null; values: { name: string; email: string }; errors?: FieldErrors }) {
  const { ctx, id, values } = props;
  const [t] = tr(ctx);
  const errors = props.errors ?? {};
  return (
    <AdminFormPage
      ctx={ctx}
      title={id ? t('editDepartment') : t('newDepartment')}
      errors={errors}
      action={id ? `/verwaltung/abteilungen/${id}` : '/verwaltung/abteilungen'}
      submitLabel={t('save')}
      cancel={{ href: '/verwaltung/abteilungen', label: t('cancel') }}
      after={id && <PostButton class="k-section" action={`/verwaltung/abteilungen/${id}/loeschen`} csrfToken={ctx.csrfToken} label={t('delete')} />}
    >
      <TextInput name="name" label={t('departmentName')} value={values.name} error={errors.name} maxLength={200} />
      <TextInput name="email" type="email" label={t('departmentEmail')} hint={t('departmentEmailHint')} value={values.email} error={errors.email} />
    </AdminFormPage>
  );
}

export function LegalPagesPage({ ctx, pages }: { ctx: RequestContext; pages: Array<{ slug: string; locale: string; title: string }> }) {
  const [t] = tr(ctx);
  return (
    <AdminListPage ctx={ctx} title={t('legalPages')} intro={t('legalIntro')}>
      <ul class="k-list">
        {pages.map((p) => (
          <li>
            <a href={`/verwaltung/seiten/${p.slug}/${p.locale}`}>
              {p.title} <span lang="en">({p.locale})</span>
            </a>
          </li>
        ))}
      </ul>
    </AdminListPage>
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
  const [t] = tr(ctx);
  const errors = props.errors ?? {};
  return (
    <AdminFormPage
      ctx={ctx}
      title={`${t('editPage')}: ${values.title || props.slug} (${props.locale})`}
      documentTitle={t('editPage')}
      notice={props.notice}
      errors={errors}
      action={`/verwaltung/seiten/${props.slug}/${props.locale}`}
      submitLabel={t('save')}
    >
      <TextInput name="title" label={t('pageTitle')} value={values.title} error={errors.title} maxLength={200} />
      <TextArea name="body" label={t('pageBody')} hint={t('pageBodyHint')} value={values.body} error={errors.body} rows={16} maxLength={50000} />
    </AdminFormPage>
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
    <AdminListPage ctx={ctx} title={t('feedback')}>
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
    </AdminListPage>
  );
}
