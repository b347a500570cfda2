import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { translator } from '../../../platform/i18n';
import { platformMessages } from '../../../platform/i18n/platform-messages';
import { Button, CsrfField, ErrorSummary, Notice, TextInput } from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import type { Children } from '../../../platform/views/render';
import { accountPageMessages } from '../account-page.messages';
import { messages } from '../messages';

/** A section a module contributed, drawn: the accounts module adds the frame, the title and the page's table of contents. */
export interface DrawnSection {
  id: string;
  title: string;
  content: Children;
}

export function AccountPage({
  ctx,
  displayName,
  sections,
  nameOffer,
  errors = {},
  notice,
}: {
  ctx: RequestContext;
  displayName: string;
  sections: DrawnSection[];
  /** A name from a report, offered while the account has none. */
  nameOffer: string | null;
  errors?: FieldErrors;
  notice?: string | undefined;
}) {
  const t = translator(messages, ctx.locale);
  const ta = translator(accountPageMessages, ctx.locale);
  const tp = translator(platformMessages, ctx.locale);
  return (
    <Layout ctx={ctx} title={t('accountTitle')}>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <h1>{t('accountTitle')}</h1>
      <p>{t('accountIntro', { email: ctx.user?.email ?? '' })}</p>
      {nameOffer && (
        <Notice>
          <p>{ta('nameOfferText', { name: nameOffer })}</p>
          <p class="k-hint">{ta('nameOfferHint')}</p>
          <form method="post" action="/konto/name-uebernehmen">
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="name" value={nameOffer} />
            <Button variant="secondary">{ta('nameOfferButton', { name: nameOffer })}</Button>
          </form>
        </Notice>
      )}
      {sections.length > 0 && (
        <nav class="k-section" aria-labelledby="konto-inhalt">
          <h2 id="konto-inhalt">{ta('onThisPage')}</h2>
          <ul>
            {sections.map((s) => (
              <li>
                <a href={`#konto-${s.id}`}>{s.title}</a>
              </li>
            ))}
            <li>
              <a href="#konto-name">{t('displayName')}</a>
            </li>
            <li>
              <a href="#your-data">{t('yourData')}</a>
            </li>
          </ul>
        </nav>
      )}
      {sections.map((s) => (
        <section class="k-section" id={`konto-${s.id}`} aria-labelledby={`konto-${s.id}-title`}>
          <h2 id={`konto-${s.id}-title`}>{s.title}</h2>
          {s.content}
        </section>
      ))}
      {/* No aria-labelledby: the field below has the same name, and one thing labelled "Ihr Name" is clearer. */}
      <section class="k-section" id="konto-name">
        <h2>{t('displayName')}</h2>
        <form method="post" action="/konto" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextInput
            name="displayName"
            autocomplete="name"
            label={t('displayName')}
            hint={t('displayNameHint')}
            optionalLabel={tp('optional')}
            value={displayName}
            error={errors.displayName}
            maxLength={100}
          />
          <Button>{t('save')}</Button>
        </form>
      </section>
      <form method="post" action="/abmelden" class="k-section">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="everywhere" value="1" />
        <Button variant="secondary">{t('signOutEverywhere')}</Button>
      </form>
      <section class="k-section" aria-labelledby="your-data">
        <h2 id="your-data">{t('yourData')}</h2>
        <p>{t('yourDataIntro')}</p>
        <ul>
          <li>
            <a href="/konto/daten">{t('data.title')}</a>
          </li>
          <li>
            <a href="/konto/loeschen">{t('delete.title')}</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
