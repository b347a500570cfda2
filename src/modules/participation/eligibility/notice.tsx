import { safeReturnPath } from '../../../platform/http/form';
import { RESIDENT_SIGN_IN } from '../../../platform/http/guards';
import { type Locale, translator } from '../../../platform/i18n';
import { messages } from './messages';
import type { Refusal } from './rule';

// What a refused person reads instead of a form: why, in their language, and the one thing they can do about it
// (sign in, verify with a letter code or at a counter). District, age and membership cannot be changed here, so
// those say whom to ask and carry no link.

export const VERIFICATION_PATH = '/konto/verifizierung';

export interface RefusalText {
  text: string;
  link: { href: string; label: string } | null;
}

/** `returnPath`: where signing in or spending a letter code leads back to (the page with the form). */
export function refusalNotice(locale: Locale, refusal: Refusal, returnPath = '/'): RefusalText {
  const t = translator(messages, locale);
  const text = t(`refusal.${refusal}`);
  if (refusal === 'sign_in')
    return { text, link: { href: `${RESIDENT_SIGN_IN}?return=${encodeURIComponent(safeReturnPath(returnPath))}`, label: t('link.sign_in') } };
  if (refusal === 'verify' || refusal === 'verification_expired') {
    const back = safeReturnPath(returnPath);
    const href = back === '/' ? VERIFICATION_PATH : `${VERIFICATION_PATH}?return=${encodeURIComponent(back)}`;
    return { text, link: { href, label: t('link.verify') } };
  }
  return { text, link: null };
}

/** The notice as a block for a page (in place of the form the person may not use). */
export function EligibilityNotice({ locale, refusal, returnPath }: { locale: Locale; refusal: Refusal; returnPath?: string }) {
  const { text, link } = refusalNotice(locale, refusal, returnPath);
  return (
    <div class="k-notice k-notice--info" data-refusal={refusal}>
      <p>{text}</p>
      {link && (
        <p>
          <a href={link.href}>{link.label}</a>
        </p>
      )}
    </div>
  );
}
