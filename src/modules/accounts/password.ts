import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): ~50 ms here, affordable at login rates we allow.
const OPTIONS = {
  algorithm: 2 /* Argon2id: the const enum cannot be imported under verbatimModuleSyntax */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;
export const MIN_LENGTH = 12;
export const MAX_LENGTH = 512;

const common = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'containsEmail';

/** Length counts characters as people see them, so umlauts and emoji count once. */
export function passwordProblem(password: string, email: string): PasswordProblem | null {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_LENGTH) return 'tooShort';
  if (length > MAX_LENGTH) return 'tooLong';
  const lower = password.toLowerCase();
  if (common.has(lower) || common.has(lower.replace(/[\d\s!.?]+$/, ''))) return 'common';
  if (/^(.)\1+$/.test(password) || /^(?:0123456789|1234567890|abcdefghijkl|qwertzuiopü|qwertyuiop)/i.test(password)) return 'common';
  const local = email.split('@')[0] ?? '';
  if (local.length >= 4 && lower.includes(local.toLowerCase())) return 'containsEmail';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), OPTIONS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // Unknown accounts still pay for one verification, so timing does not reveal which emails exist.
  const target = stored ?? (await dummyHash);
  const ok = await verify(target, password.normalize('NFC')).catch(() => false);
  return stored !== null && ok;
}

const dummyHash = hash('not-a-real-password-only-for-timing', OPTIONS);
