import { useContext } from 'preact/hooks';
import { translator } from '../i18n';
import { shownText } from '../i18n/content-translations';
import { languageMessages } from '../i18n/language-messages';
import { LocaleContext } from './forms';

/**
 * Text that staff wrote in German, in the visitor's language when someone translated it; otherwise the German
 * original, marked lang="de" (screen readers switch their voice) and introduced by "Only available in German" in
 * the visitor's language. Inside the layout, which provides the locale.
 */
export function TranslatedText(props: { german: string; translation?: string | undefined; class?: string }) {
  const locale = useContext(LocaleContext);
  const shown = shownText(props.german, props.translation, locale);
  const cls = ['k-pre', props.class].filter(Boolean).join(' ');
  if (!shown.germanOnly) {
    return (
      <p class={cls} lang={shown.lang === locale ? undefined : shown.lang}>
        {shown.text}
      </p>
    );
  }
  return (
    <div class="k-german-only">
      <p class="k-german-only__note">{translator(languageMessages, locale)('germanOnly')}</p>
      <p class={cls} lang="de" dir="ltr">
        {shown.text}
      </p>
    </div>
  );
}
