import type { RequestContext } from '../http/context';
import type { FieldErrors } from '../http/errors';
import { LOCALE_NAMES, textDirection, translator } from '../i18n';
import { CONTENT_LOCALES, type TranslatableSubject } from '../i18n/content-translations';
import { languageMessages } from '../i18n/language-messages';
import { platformMessages } from '../i18n/platform-messages';
import { BackOfficeFrame } from './back-office-frame';
import { PageHead } from './components';
import { Button, CsrfField, fieldId } from './forms';

/** The form field of one text in one language: `<entity>-<id>-<field>-<locale>`. */
export function translationFieldName(item: { entity: string; entityId: number; field: string }, locale: string): string {
  return `${item.entity}-${item.entityId}-${item.field}-${locale}`;
}

/**
 * Staff translate what they wrote: each text's German original, then one field per language. The fields carry the
 * language (lang, dir), so spell-checking and screen readers use it, and Arabic is typed right to left.
 */
export function TranslationPage(props: {
  ctx: RequestContext;
  action: string;
  subject: TranslatableSubject;
  values: Record<string, string>;
  errors?: FieldErrors;
  notice?: string;
}) {
  const { ctx, subject } = props;
  const t = translator(languageMessages, ctx.locale);
  const errorPrefix = translator(platformMessages, ctx.locale)('fieldErrorPrefix');
  return (
    <BackOfficeFrame ctx={ctx} title={subject.title}>
      <PageHead title={subject.title} back={subject.back} notice={props.notice} errors={props.errors ?? {}} />
      <p>{t('tx.intro')}</p>
      {subject.items.length === 0 ? (
        <p>{t('tx.none')}</p>
      ) : (
        <form method="post" action={props.action} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <p class="k-hint">{t('tx.emptyHint')}</p>
          {subject.items.map((item, i) => (
            <section class="k-section k-translation" aria-labelledby={`item-${i}`}>
              <h2 id={`item-${i}`}>{item.label}</h2>
              <h3>{t('tx.german')}</h3>
              <p class="k-pre k-translation__original" lang="de" dir="ltr">
                {item.german}
              </p>
              <h3>{t('tx.translations')}</h3>
              {CONTENT_LOCALES.map((locale) => {
                const name = translationFieldName(item, locale);
                const id = fieldId(name);
                const error = props.errors?.[name];
                return (
                  <div class={error ? 'k-field k-field--error' : 'k-field'}>
                    <label class="k-label" for={id} lang={locale} dir={textDirection(locale)}>
                      {LOCALE_NAMES[locale]}
                    </label>
                    {error && (
                      <p class="k-field__error" id={`${id}-error`}>
                        <span class="k-visually-hidden">{errorPrefix} </span>
                        {error}
                      </p>
                    )}
                    <textarea
                      class="k-textarea"
                      id={id}
                      name={name}
                      rows={4}
                      lang={locale}
                      dir={textDirection(locale)}
                      aria-invalid={error ? 'true' : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                    >
                      {props.values[name] ?? ''}
                    </textarea>
                  </div>
                );
              })}
            </section>
          ))}
          <Button>{t('tx.save')}</Button>
        </form>
      )}
    </BackOfficeFrame>
  );
}
