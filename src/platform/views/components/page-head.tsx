import { useContext } from 'preact/hooks';
import type { FieldErrors } from '../../http/errors';
import { translator } from '../../i18n';
import { platformMessages } from '../../i18n/platform-messages';
import { ErrorSummary, LocaleContext, Notice } from '../forms';

/** The top of a back-office page: the way back, the heading, what just happened, and what went wrong. */
export function PageHead({
  title,
  back,
  notice,
  errors,
}: {
  title: string;
  back?: { href: string; label: string } | undefined;
  notice?: string | undefined;
  errors?: FieldErrors | undefined;
}) {
  const tp = translator(platformMessages, useContext(LocaleContext));
  return (
    <>
      {back && (
        <p>
          <a href={back.href}>{back.label}</a>
        </p>
      )}
      <h1>{title}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      {errors && <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />}
    </>
  );
}
