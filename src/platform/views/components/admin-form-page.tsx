import { useContext } from 'preact/hooks';
import type { RequestContext } from '../../http/context';
import type { FieldErrors } from '../../http/errors';
import { translator } from '../../i18n';
import { platformMessages } from '../../i18n/platform-messages';
import { BackOfficeFrame } from '../back-office-frame';
import { Button, CsrfField, ErrorSummary, LocaleContext } from '../forms';
import type { Children } from '../render';
import { PageHead } from './page-head';

export interface PostFormProps {
  action: string;
  csrfToken: string;
  /** multipart for file uploads. */
  enctype?: 'multipart/form-data';
  submitLabel: string;
  submitVariant?: 'primary' | 'secondary';
  cancel?: { href: string; label: string };
  children: Children;
}

/**
 * A form that posts: the CSRF token, the fields (the form components of forms.tsx, given the values as sent so
 * nothing typed is lost on an error), one submit button and an optional way back. The browser's own checks are
 * off (novalidate): the server's messages are the same for everyone and appear in the error summary.
 */
export function PostForm({ action, csrfToken, enctype, submitLabel, submitVariant = 'primary', cancel, children }: PostFormProps) {
  return (
    <form method="post" action={action} enctype={enctype} novalidate>
      <CsrfField token={csrfToken} />
      {children}
      {cancel ? (
        <div class="k-actions">
          <Button variant={submitVariant}>{submitLabel}</Button> <a href={cancel.href}>{cancel.label}</a>
        </div>
      ) : (
        <Button variant={submitVariant}>{submitLabel}</Button>
      )}
    </form>
  );
}

/** A second form on a page (an import below a list, say): its own heading and error summary. */
export function FormSection({
  id,
  title,
  errors,
  intro,
  after,
  ...form
}: PostFormProps & { id: string; title: string; errors?: FieldErrors; intro?: Children; after?: Children }) {
  const tp = translator(platformMessages, useContext(LocaleContext));
  return (
    <section class="k-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors ?? {}} />
      {intro}
      <PostForm {...form} />
      {after}
    </section>
  );
}

export interface AdminFormPageProps extends Omit<PostFormProps, 'csrfToken'> {
  ctx: RequestContext;
  title: string;
  /** The document title when it should be shorter than the heading. */
  documentTitle?: string;
  /** A link back to the list, above the heading. */
  back?: { href: string; label: string };
  notice?: string | undefined;
  errors?: FieldErrors | undefined;
  intro?: Children;
  /** Below the form: forms of their own (delete, disable) and related sections. */
  after?: Children;
}

/** A back-office form page: heading, the error summary at the top linking to each field, the form, then the rest. */
export function AdminFormPage({ ctx, title, documentTitle, back, notice, errors, intro, after, ...form }: AdminFormPageProps) {
  return (
    <BackOfficeFrame ctx={ctx} title={documentTitle ?? title}>
      <PageHead title={title} back={back} notice={notice} errors={errors ?? {}} />
      {intro}
      <PostForm {...form} csrfToken={ctx.csrfToken} />
      {after}
    </BackOfficeFrame>
  );
}
