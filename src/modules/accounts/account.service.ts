import type { Organization, StaffRole, TokenPurpose } from '../../db-schema';
import type { Db } from '../../platform/db/connect';
import { destroyUserSessions } from '../../platform/http/sessions';
import { type Locale, translator } from '../../platform/i18n';
import { enqueueMail } from '../../platform/mail/outbox';
import { seal, unseal } from '../../platform/security/seal';
import { hashToken, randomToken } from '../../platform/security/tokens';
import * as q from './account.queries';
import { messages } from './messages';
import { hashPassword, type PasswordProblem, passwordProblem, verifyPassword } from './password';
import { newTotpSecret, verifyTotp } from './totp';

export interface AccountDeps {
  db: Db;
  secret: string;
  publicUrl: URL;
  now?: () => number;
}

type Org = Pick<Organization, 'id' | 'name'>;

export const MAGIC_LINK_MINUTES = 15;
export const SETUP_LINK_MINUTES = 72 * 60;
export const RESET_LINK_MINUTES = 30;
export const SECOND_FACTOR_MINUTES = 10;

function link(deps: AccountDeps, path: string): string {
  return new URL(path, deps.publicUrl).href;
}

export async function issueToken(
  db: Db,
  org: Org,
  purpose: TokenPurpose,
  userId: number | null,
  email: string,
  minutes: number,
  data?: unknown,
): Promise<string> {
  const token = randomToken();
  await q.insertToken(db, { tokenHash: hashToken(token), organizationId: org.id, purpose, userId, email, data, minutes });
  return token;
}

/** Spends a single-use token of any purpose; null when unknown, used or expired. */
export function spendToken(db: Db, org: Org, token: string, purpose: TokenPurpose) {
  return q.consumeToken(db, org.id, hashToken(token), purpose);
}

/** Signs a resident in by email address, creating the account on first use (the email was just proven). */
export async function residentForEmail(db: Db, org: Org, email: string) {
  const user = await q.findOrCreateResident(db, org.id, email);
  await q.touchLogin(db, org.id, user.id);
  return user;
}

/** Same work and same answer whether or not the address has an account: signing in creates one. */
export async function requestMagicLink(deps: AccountDeps, org: Org, email: string, locale: Locale, returnPath: string): Promise<void> {
  const t = translator(messages, locale);
  await deps.db.transaction().execute(async (trx) => {
    const token = await issueToken(trx, org, 'magic_link', null, email, MAGIC_LINK_MINUTES, { returnPath });
    await enqueueMail(trx, {
      organization_id: org.id,
      to_address: email,
      subject: t('mail.magicSubject', { city: org.name }),
      // The link opens in the language the mail is written in (the one the person asked in).
      text_body: t('mail.magicBody', { link: link(deps, `/anmelden/link/${token}?lang=${locale}`), city: org.name }),
      html_body: null,
    });
  });
}

export async function peekMagicLink(deps: AccountDeps, org: Org, token: string) {
  const row = await q.peekToken(deps.db, org.id, hashToken(token), 'magic_link');
  return row ? { email: row.email } : null;
}

export async function signInWithMagicLink(deps: AccountDeps, org: Org, token: string): Promise<{ userId: number; returnPath: string } | null> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await q.consumeToken(trx, org.id, hashToken(token), 'magic_link');
    if (!row) return null;
    const user = await q.findOrCreateResident(trx, org.id, row.email);
    if (user.disabled_at) return null;
    await q.touchLogin(trx, org.id, user.id);
    const data = row.data as { returnPath?: string };
    return { userId: user.id, returnPath: data.returnPath ?? '/konto' };
  });
}

export async function createStaffAccount(
  deps: AccountDeps,
  org: Org,
  input: { email: string; displayName: string; role: StaffRole; departmentIds: number[] },
  options: { sendMail: boolean; locale: Locale },
): Promise<{ userId: number; setupUrl: string }> {
  return deps.db.transaction().execute(async (trx) => {
    const { id } = await q.insertStaff(trx, org.id, input);
    await q.setStaffDepartments(trx, org.id, id, input.role === 'department_staff' ? input.departmentIds : []);
    const setupUrl = await issueSetupLink({ ...deps, db: trx }, org, id, input.email, options);
    return { userId: id, setupUrl };
  });
}

export async function issueSetupLink(
  deps: AccountDeps,
  org: Org,
  userId: number,
  email: string,
  options: { sendMail: boolean; locale: Locale },
): Promise<string> {
  await q.revokeTokens(deps.db, org.id, userId, 'staff_setup');
  const sealed = seal(deps.secret, newTotpSecret());
  const token = await issueToken(deps.db, org, 'staff_setup', userId, email, SETUP_LINK_MINUTES, { totp: sealed });
  const url = link(deps, `/verwaltung/einrichten/${token}`);
  if (options.sendMail) {
    const t = translator(messages, options.locale);
    await enqueueMail(deps.db, {
      organization_id: org.id,
      to_address: email,
      subject: t('mail.setupSubject', { city: org.name }),
      text_body: t('mail.setupBody', { link: url, city: org.name }),
      html_body: null,
    });
  }
  return url;
}

export async function peekStaffSetup(deps: AccountDeps, org: Org, token: string): Promise<{ email: string; totpSecret: string } | null> {
  const row = await q.peekToken(deps.db, org.id, hashToken(token), 'staff_setup');
  if (!row) return null;
  return { email: row.email, totpSecret: unseal(deps.secret, (row.data as { totp: string }).totp) };
}

export type SetupResult = { ok: true; userId: number } | { ok: false; password?: PasswordProblem; code?: 'invalid'; expired?: true };

export async function completeStaffSetup(deps: AccountDeps, org: Org, token: string, password: string, code: string): Promise<SetupResult> {
  const setup = await peekStaffSetup(deps, org, token);
  if (!setup) return { ok: false, expired: true };
  const problem = passwordProblem(password, setup.email);
  const now = deps.now?.() ?? Date.now();
  const step = verifyTotp(setup.totpSecret, code, now, null);
  if (problem || step === null) return { ok: false, ...(problem ? { password: problem } : {}), ...(step === null ? { code: 'invalid' as const } : {}) };
  const passwordHash = await hashPassword(password);
  return deps.db.transaction().execute(async (trx) => {
    const row = await q.consumeToken(trx, org.id, hashToken(token), 'staff_setup');
    if (!row?.user_id) return { ok: false, expired: true } as const;
    await q.completeStaffSetup(trx, org.id, row.user_id, { passwordHash, sealedTotp: seal(deps.secret, setup.totpSecret), step });
    await destroyUserSessions(trx, row.user_id);
    return { ok: true, userId: row.user_id } as const;
  });
}

/** Step one of staff sign-in. Returns a short-lived token for the code step, or null (no hint why). */
export async function staffPasswordStep(deps: AccountDeps, org: Org, email: string, password: string): Promise<string | null> {
  const user = await q.findUserByEmail(deps.db, org.id, email);
  const usable = user && user.role !== null && !user.disabled_at && user.totp_enabled_at !== null ? user : null;
  const ok = await verifyPassword(usable?.password_hash ?? null, password);
  if (!ok || !usable) return null;
  return issueToken(deps.db, org, 'second_factor', usable.id, usable.email, SECOND_FACTOR_MINUTES);
}

export type SecondFactorResult = { ok: true; userId: number } | { ok: false; reason: 'invalid' | 'expired' };

export async function staffSecondFactor(deps: AccountDeps, org: Org, pendingToken: string, code: string): Promise<SecondFactorResult> {
  const pending = await q.peekToken(deps.db, org.id, hashToken(pendingToken), 'second_factor');
  if (!pending?.user_id) return { ok: false, reason: 'expired' };
  const user = await q.findUser(deps.db, org.id, pending.user_id);
  if (!user?.totp_secret || user.disabled_at || user.role === null) return { ok: false, reason: 'expired' };
  const step = verifyTotp(
    unseal(deps.secret, user.totp_secret),
    code,
    deps.now?.() ?? Date.now(),
    user.totp_last_step === null ? null : Number(user.totp_last_step),
  );
  if (step === null) return { ok: false, reason: 'invalid' };
  return deps.db.transaction().execute(async (trx) => {
    if (!(await q.useTotpStep(trx, org.id, user.id, step))) return { ok: false, reason: 'invalid' } as const;
    if (!(await q.consumeToken(trx, org.id, hashToken(pendingToken), 'second_factor'))) return { ok: false, reason: 'expired' } as const;
    return { ok: true, userId: user.id } as const;
  });
}

/** Same answer for every address; only staff with a finished setup get a mail. */
export async function requestPasswordReset(deps: AccountDeps, org: Org, email: string, locale: Locale): Promise<void> {
  const user = await q.findUserByEmail(deps.db, org.id, email);
  if (!user || user.role === null || user.disabled_at || !user.totp_enabled_at) return;
  const t = translator(messages, locale);
  await deps.db.transaction().execute(async (trx) => {
    await q.revokeTokens(trx, org.id, user.id, 'password_reset');
    const token = await issueToken(trx, org, 'password_reset', user.id, user.email, RESET_LINK_MINUTES);
    await enqueueMail(trx, {
      organization_id: org.id,
      to_address: user.email,
      subject: t('mail.resetSubject', { city: org.name }),
      text_body: t('mail.resetBody', { link: link(deps, `/verwaltung/passwort/${token}`), city: org.name }),
      html_body: null,
    });
  });
}

export async function peekPasswordReset(deps: AccountDeps, org: Org, token: string) {
  const row = await q.peekToken(deps.db, org.id, hashToken(token), 'password_reset');
  return row ? { email: row.email } : null;
}

/** A reset needs the second factor too: a stolen mailbox alone must not open a staff account. */
export async function resetPassword(deps: AccountDeps, org: Org, token: string, password: string, code: string): Promise<SetupResult> {
  const row = await q.peekToken(deps.db, org.id, hashToken(token), 'password_reset');
  const user = row?.user_id ? await q.findUser(deps.db, org.id, row.user_id) : null;
  if (!row || !user?.totp_secret) return { ok: false, expired: true };
  const problem = passwordProblem(password, user.email);
  const step = verifyTotp(
    unseal(deps.secret, user.totp_secret),
    code,
    deps.now?.() ?? Date.now(),
    user.totp_last_step === null ? null : Number(user.totp_last_step),
  );
  if (problem || step === null) return { ok: false, ...(problem ? { password: problem } : {}), ...(step === null ? { code: 'invalid' as const } : {}) };
  const passwordHash = await hashPassword(password);
  return deps.db.transaction().execute(async (trx) => {
    if (!(await q.consumeToken(trx, org.id, hashToken(token), 'password_reset'))) return { ok: false, expired: true } as const;
    if (!(await q.useTotpStep(trx, org.id, user.id, step))) return { ok: false, code: 'invalid' } as const;
    await q.setPassword(trx, org.id, user.id, passwordHash);
    await destroyUserSessions(trx, user.id);
    return { ok: true, userId: user.id } as const;
  });
}
