import type { RequestContext } from '../../../../platform/http/context';
import type { FieldErrors } from '../../../../platform/http/errors';
import { formatDate, type Locale, translator } from '../../../../platform/i18n';
import { BackOfficeFrame } from '../../../../platform/views/back-office-frame';
import { AdminListPage, DataTable, FormSection, PageHead, PostButton, RowLink } from '../../../../platform/views/components';
import { Select, TextInput } from '../../../../platform/views/forms';
import type { BodyKind, bodyMembers, listBodies } from '../bodies.queries';
import { messages } from '../messages';

export const BODIES_PATH = '/verwaltung/gremien';
export const BODY_KINDS: BodyKind[] = ['youth_parliament', 'seniors_council', 'district_council', 'other'];

type Body = Awaited<ReturnType<typeof listBodies>>[number];
type Member = Awaited<ReturnType<typeof bodyMembers>>[number];
export interface BodyValues {
  name: string;
  kind: string;
}

function BodyFields({ locale, values, errors }: { locale: Locale; values: BodyValues; errors: FieldErrors }) {
  const t = translator(messages, locale);
  return (
    <>
      <TextInput name="name" label={t('bo.field.name')} value={values.name} error={errors.name} maxLength={200} />
      <Select
        name="kind"
        label={t('bo.field.kind')}
        value={values.kind}
        error={errors.kind}
        options={BODY_KINDS.map((k) => ({ value: k, label: t(`bo.kind.${k}`) }))}
      />
    </>
  );
}

export function BodiesPage(props: { ctx: RequestContext; bodies: Body[]; values?: BodyValues; errors?: FieldErrors; notice?: string | undefined }) {
  const { ctx, errors = {} } = props;
  const t = translator(messages, ctx.locale);
  return (
    <AdminListPage
      ctx={ctx}
      title={t('bo.bodies.title')}
      intro={t('bo.bodies.intro')}
      notice={props.notice}
      after={
        <FormSection
          id="new-body"
          title={t('bo.bodies.new')}
          errors={errors}
          action={BODIES_PATH}
          csrfToken={ctx.csrfToken}
          submitLabel={t('bo.bodies.create')}
        >
          <BodyFields locale={ctx.locale} values={props.values ?? { name: '', kind: 'other' }} errors={errors} />
        </FormSection>
      }
    >
      <DataTable
        caption={t('bo.bodies.caption')}
        rows={props.bodies}
        empty={t('bo.bodies.none')}
        columns={[
          { header: t('bo.col.name'), rowHeader: true, cell: (b) => b.name },
          { header: t('bo.col.kind'), cell: (b) => t(`bo.kind.${b.kind}`) },
          { header: t('bo.col.members'), cell: (b) => String(b.members) },
          { header: t('bo.col.actions'), cell: (b) => <RowLink href={`${BODIES_PATH}/${b.id}`} label={t('bo.body.edit')} name={b.name} /> },
        ]}
      />
    </AdminListPage>
  );
}

export function BodyPage(props: {
  ctx: RequestContext;
  body: { id: number; name: string; kind: string };
  members: Member[];
  values: BodyValues;
  email?: string;
  errors?: FieldErrors;
  notice?: string | undefined;
}) {
  const { ctx, body, errors = {} } = props;
  const t = translator(messages, ctx.locale);
  const path = `${BODIES_PATH}/${body.id}`;
  // Errors of the member form are under "email", those of the name form under "name"/"kind": each section shows its own.
  const memberErrors: FieldErrors = errors.email ? { email: errors.email } : {};
  const nameErrors: FieldErrors = errors.email ? {} : errors;
  return (
    <BackOfficeFrame ctx={ctx} title={body.name}>
      <PageHead title={body.name} back={{ href: BODIES_PATH, label: t('bo.body.back') }} notice={props.notice} />
      <FormSection id="body-name" title={t('bo.body.edit')} errors={nameErrors} action={path} csrfToken={ctx.csrfToken} submitLabel={t('bo.body.save')}>
        <BodyFields locale={ctx.locale} values={props.values} errors={nameErrors} />
      </FormSection>
      <section class="k-section" aria-labelledby="members-title">
        <h2 id="members-title">{t('bo.body.members')}</h2>
        <DataTable
          caption={t('bo.body.members')}
          rows={props.members}
          empty={t('bo.body.noMembers')}
          columns={[
            { header: t('bo.col.email'), rowHeader: true, cell: (m) => m.email },
            { header: t('bo.field.name'), cell: (m) => <span dir="auto">{m.display_name}</span> },
            { header: t('bo.col.since'), cell: (m) => formatDate(new Date(m.added_at), ctx.locale) },
            {
              header: t('bo.col.actions'),
              cell: (m) => (
                <PostButton action={`${path}/mitglieder/${m.id}/entfernen`} csrfToken={ctx.csrfToken} label={t('bo.body.remove')} name={m.email} small />
              ),
            },
          ]}
        />
      </section>
      <FormSection
        id="add-member"
        title={t('bo.body.add')}
        errors={memberErrors}
        action={`${path}/mitglieder`}
        csrfToken={ctx.csrfToken}
        submitLabel={t('bo.body.add')}
      >
        <TextInput name="email" type="email" label={t('bo.field.email')} value={props.email ?? ''} error={memberErrors.email} autocomplete="off" />
      </FormSection>
    </BackOfficeFrame>
  );
}
