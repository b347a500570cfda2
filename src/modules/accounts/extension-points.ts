import type { Db } from '../../platform/db/connect';
import type { RequestContext } from '../../platform/http/context';
import type { FieldErrors } from '../../platform/http/errors';
import type { FormBody } from '../../platform/http/form';
import type { Locale } from '../../platform/i18n';
import { extensionPoint } from '../../platform/module';
import type { Children } from '../../platform/views/render';

// "Mein Konto" shows what a resident did in every module (their reports, ratings, the mails they get), but the
// accounts module reads no other module's tables: each module contributes its sections through this point.

/** The signed-in resident whose page is drawn: their account in this city. */
export interface AccountHolder {
  organizationId: number;
  userId: number;
  /** Reports sent before signing in and follows are kept by address, so sections match the address too. */
  email: string;
  displayName: string;
}

/** What a section is drawn with. */
export interface AccountSectionState {
  /** The page of the section's list (`?<pageParam>=`), 1 when not asked. */
  page: number;
  /** The page's whole query, so a section's page links keep the other sections' pages. */
  query: Record<string, string | undefined>;
  /** The section's form came back with mistakes: what was sent (shown again) and what is wrong. */
  failed?: { fields: FormBody; errors: FieldErrors };
}

export type AccountFormResult = { ok: true } | { ok: false; errors: FieldErrors };

export interface AccountSection {
  /** Unique and lower-case: the section's anchor (`#konto-<id>`) and the address of its form (`POST /konto/abschnitt/<id>`). */
  id: string;
  /** Position on the page, lowest first. */
  order: number;
  title(locale: Locale): string;
  /** The query parameter of the section's page links when it pages (German, like every parameter). */
  pageParam?: string;
  /** The section's content below its title; null leaves the section out (nothing to show). */
  render(db: Db, ctx: RequestContext, holder: AccountHolder, state: AccountSectionState): Promise<Children | null>;
  /**
   * The section's form, posted to `/konto/abschnitt/<id>` (CSRF already checked). `ok` redirects to the page with
   * "Gespeichert."; errors draw the page again (400) with the section's input and the fields marked.
   */
  save?(db: Db, ctx: RequestContext, holder: AccountHolder, fields: FormBody): Promise<AccountFormResult>;
  /**
   * A name the resident gave in one of their contributions (e.g. on a report), which the page offers to take into
   * an account that has none. Only offered: the account changes only when the resident presses the button.
   */
  nameOffer?(db: Db, holder: AccountHolder): Promise<string | null>;
}

export const accountSection = extensionPoint<AccountSection>("accounts: sections of a resident's account page");
