import type { StaffRole } from '../../../db-schema';
import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { formatDateTime, translator } from '../../../platform/i18n';
import { platformMessages } from '../../../platform/i18n/platform-messages';
import { Button, Checkboxes, CsrfField, ErrorSummary, Notice, Select, TextInput } from '../../../platform/views/forms';
import { BackOfficeLayout } from '../../organizations/views/back-office-layout';
import { messages } from '../messages';

export const ROLES: StaffRole[] = ['admin', 'moderator', 'department_staff'];

export interface StaffRow {
  id: number;
  email: string;
  display_name: string;
  role: StaffRole | null;
  disabled_at: Date | null;
  last_login_at: Date | null;
  totp_enabled_at: Date | null;
  departments: string[];
}

export function StaffListPage({ ctx, staff, notice }: { ctx: RequestContext; staff: StaffRow[]; notice?: string }) {
  const t = translator(messages, ctx.locale);
  return (
    <BackOfficeLayout ctx={ctx} title={t('staffTitle')}>
      <h1>{t('staffTitle')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p>{t('staffIntro')}</p>
      <p>
        <a class="k-button k-button--secondary" href="/verwaltung/mitarbeitende/neu">
          {t('newStaff')}
        </a>
      </p>
      <div class="k-table-wrap">
        <table class="k-table">
          <caption class="k-visually-hidden">{t('staffTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('departments')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('lastLogin')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => (
              <tr>
                <th scope="row">
                  {s.display_name && (
                    <span>
                      {s.display_name}
                      <br />
                    </span>
                  )}
                  {s.email}
                </th>
                <td>{s.role ? t(`role.${s.role}`) : '–'}</td>
                <td>{s.departments.join(', ') || '–'}</td>
                <td>{s.disabled_at ? t('disabled') : s.totp_enabled_at ? t('active') : t('setupPending')}</td>
                <td>{s.last_login_at ? formatDateTime(new Date(s.last_login_at), ctx.locale) : t('never')}</td>
                <td>
                  <a href={`/verwaltung/mitarbeitende/${s.id}`}>
                    {t('edit')}
                    <span class="k-visually-hidden"> {s.email}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </BackOfficeLayout>
  );
}

export interface StaffFormValues {
  email: string;
  displayName: string;
  role: string;
  departmentIds: string[];
}

export function StaffFormPage(props: {
  ctx: RequestContext;
  id: number | null;
  values: StaffFormValues;
  departments: Array<{ id: number; name: string }>;
  disabled?: boolean;
  setupPending?: boolean;
  errors?: FieldErrors;
  notice?: string;
}) {
  const { ctx, id, values } = props;
  const t = translator(messages, ctx.locale);
  const tp = translator(platformMessages, ctx.locale);
  const errors = props.errors ?? {};
  const title = id ? t('editStaff') : t('newStaff');
  return (
    <BackOfficeLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <form method="post" action={id ? `/verwaltung/mitarbeitende/${id}` : '/verwaltung/mitarbeitende'} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {id ? (
          <p>
            <strong>{t('email')}:</strong> {values.email}
          </p>
        ) : (
          <TextInput name="email" type="email" label={t('email')} value={values.email} error={errors.email} />
        )}
        <TextInput
          name="displayName"
          label={t('displayName')}
          optionalLabel={tp('optional')}
          value={values.displayName}
          error={errors.displayName}
          maxLength={100}
        />
        <Select
          name="role"
          label={t('role')}
          value={values.role}
          error={errors.role}
          options={[{ value: '', label: '–' }, ...ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
        />
        <Checkboxes
          name="departmentIds"
          legend={t('departments')}
          hint={t('departmentsHint')}
          error={errors.departmentIds}
          options={props.departments.map((d) => ({ value: String(d.id), label: d.name }))}
          values={values.departmentIds}
        />
        <div class="k-actions">
          <Button>{t('save')}</Button> <a href="/verwaltung/mitarbeitende">{t('cancel')}</a>
        </div>
      </form>
      {id && (
        <div class="k-section k-actions">
          <form method="post" action={`/verwaltung/mitarbeitende/${id}/${props.disabled ? 'entsperren' : 'sperren'}`}>
            <CsrfField token={ctx.csrfToken} />
            <Button variant={props.disabled ? 'secondary' : 'warning'}>{props.disabled ? t('enable') : t('disable')}</Button>
          </form>
          {props.setupPending && (
            <form method="post" action={`/verwaltung/mitarbeitende/${id}/einrichtungslink`}>
              <CsrfField token={ctx.csrfToken} />
              <Button variant="secondary">{t('resendSetup')}</Button>
            </form>
          )}
        </div>
      )}
    </BackOfficeLayout>
  );
}
