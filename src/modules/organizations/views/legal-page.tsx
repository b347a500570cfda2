import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { translator } from '../../../platform/i18n';
import { platformMessages } from '../../../platform/i18n/platform-messages';
import { Button, CsrfField, ErrorSummary, Notice, TextArea, TextInput } from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import { messages } from '../messages';

/**
 * Legal texts are plain text that admins edit: blank lines separate paragraphs, a paragraph starting with "## "
 * is a heading, and one whose lines all start with "- " is a list (enough for the model statements).
 */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => {
          if (p.startsWith('## ')) return <h2>{p.slice(3).trim()}</h2>;
          const lines = p.split(/\n/).map((l) => l.trim());
          if (lines.every((l) => l.startsWith('- '))) {
            return (
              <ul>
                {lines.map((l) => (
                  <li>{l.slice(2)}</li>
                ))}
              </ul>
            );
          }
          return <p>{p}</p>;
        })}
    </>
  );
}

export interface FeedbackForm {
  message: string;
  page: string;
  email: string;
}

export function LegalPageView(props: {
  ctx: RequestContext;
  title: string;
  body: string;
  withFeedback: boolean;
  feedback?: FeedbackForm;
  errors?: FieldErrors;
  thanks?: boolean;
  attribution?: boolean;
}) {
  const { ctx, title, body } = props;
  const t = translator(messages, ctx.locale);
  const tp = translator(platformMessages, ctx.locale);
  const errors = props.errors ?? {};
  const values = props.feedback ?? { message: '', page: '', email: '' };
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <Paragraphs text={body} />
      {props.withFeedback && (
        <section aria-labelledby="feedback-title" class="k-section">
          <h2 id="feedback-title">{t('feedbackTitle')}</h2>
          {props.thanks && <Notice kind="success">{t('feedbackThanks')}</Notice>}
          <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
          <p>{t('feedbackIntro')}</p>
          <form method="post" action="/barrierefreiheit" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextArea name="message" label={t('feedbackMessage')} value={values.message} error={errors.message} maxLength={5000} />
            <TextInput
              name="page"
              label={t('feedbackPage')}
              hint={t('feedbackPageHint')}
              optionalLabel={tp('optional')}
              value={values.page}
              error={errors.page}
              maxLength={500}
            />
            <TextInput
              name="email"
              type="email"
              autocomplete="email"
              label={t('feedbackEmail')}
              hint={t('feedbackEmailHint')}
              optionalLabel={tp('optional')}
              value={values.email}
              error={errors.email}
            />
            <Button>{t('feedbackSend')}</Button>
          </form>
        </section>
      )}
      {props.attribution && <p class="k-hint">{t('attribution')}</p>}
    </Layout>
  );
}
