import type { StaffRole } from '../../../db-schema';
import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { formatDateTime, translator } from '../../../platform/i18n';
import { platformMessages } from '../../../platform/i18n/platform-messages';
import { AdminFormPage, AdminListPage, DataTable, PostButton, RowLink } from '../../../platform/views/components';
import { Checkboxes, Select, TextInput } from '../../../platform/views/forms';
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
    <AdminListPage
      ctx={ctx}
      title={t('staffTitle')}
      notice={notice}
      intro={t('staffIntro')}
      action={{ href: '/verwaltung/mitarbeitende/neu', label: t('newStaff') }}
    >
      <DataTable
        caption={t('staffTitle')}
        rows={staff}
        columns={[
          {
            header: t('email'),
            rowHeader: true,
            cell: (s) => (
              <>
                {s.display_name && (
                  <span>
                    {s.display_name}
                    <br />
                  </span>
                )}
                {s.email}
              </>
            ),
          },
          { header: t('role'), cell: (s) => (s.role ? t(`role.${s.role}`) : '–') },
          { header: t('departments'), cell: (s) => s.departments.join(', ') || '–' },
          { header: t('status'), cell: (s) => (s.disabled_at ? t('disabled') : s.totp_enabled_at ? t('active') : t('setupPending')) },
          { header: t('lastLogin'), cell: (s) => (s.last_login_at ? formatDateTime(new Date(s.last_login_at), ctx.locale) : t('never')) },
          { header: t('actions'), cell: (s) => <RowLink href={`/verwaltung/mitarbeitende/${s.id}`} label={t('edit')} name={s.email} /> },
        ]}
      />
    </AdminListPage>
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
  return (
    <AdminFormPage
      ctx={ctx}
      title={id ? t('editStaff') : t('newStaff')}
      notice={props.notice}
      errors={errors}
      action={id ? `/verwaltung/mitarbeitende/${id}` : '/verwaltung/mitarbeitende'}
      submitLabel={t('save')}
      cancel={{ href: '/verwaltung/mitarbeitende', label: t('cancel') }}
      after={
        id && (
          <div class="k-section k-actions">
            <PostButton
              action={`/verwaltung/mitarbeitende/${id}/${props.disabled ? 'entsperren' : 'sperren'}`}
              csrfToken={ctx.csrfToken}
              label={props.disabled ? t('enable') : t('disable')}
              variant={props.disabled ? 'secondary' : 'warning'}
            />
            {props.setupPending && (
              <PostButton action={`/verwaltung/mitarbeitende/${id}/einrichtungslink`} csrfToken={ctx.csrfToken} label={t('resendSetup')} variant="secondary" />
            )}
          </div>
        )
      }
    >
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
    </AdminFormPage>
  );
}
