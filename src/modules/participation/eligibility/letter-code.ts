import { randomInt } from 'node:crypto';
import { hashToken } from '../../../platform/security/tokens';

// Letter codes: printed on a letter, typed by hand. 16 characters from an alphabet without the look-alikes 0/O,
// 1/I/L, shown as four groups of four: 31^16 ≈ 2^79, so neither guessing through the form (rate limited) nor
// trying every code against a leaked hash (SHA-256 of the city and the code) is within reach. The hash needs no
// secret for that reason, which lets the demo seed and a restored backup work with any SECRET.

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 16;

/** A new random code, e.g. "K7QM-3WXE-PN4R-9HTZ". */
export function newLetterCode(): string {
  let raw = '';
  for (let i = 0; i < LENGTH; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return grouped(raw);
}

function grouped(raw: string): string {
  return raw.match(/.{4}/g)?.join('-') ?? raw;
}

/**
 * What a person typed, as the code it must be (spaces, hyphens and case forgiven), or null when it cannot be one
 * (wrong length or a character the alphabet lacks).
 */
export function normaliseLetterCode(typed: string): string | null {
  const raw = typed.toUpperCase().replace(/[\s\-–—.]/g, '');
  if (raw.length !== LENGTH) return null;
  for (const c of raw) if (!CODE_ALPHABET.includes(c)) return null;
  return grouped(raw);
}

/** The stored form: bound to the city, so a code of another city is simply unknown here. */
export function letterCodeHash(organizationId: number, code: string): string {
  return hashToken(`letter-code:${organizationId}:${code}`);
}
