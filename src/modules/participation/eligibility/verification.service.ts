import type { Db } from '../../../platform/db/connect';
import { enforce, hit, type Limit } from '../../../platform/http/rate-limit';
import { seal, unseal } from '../../../platform/security/seal';
import { insertAudit } from '../../organizations';
import { berlinDay, bornRangeOfBand, type IsoDay } from './age';
import type { Band } from './band-form';
import * as q from './codes.queries';
import { letterCodeHash, newLetterCode, normaliseLetterCode } from './letter-code';
import { saveVerification } from './verification.queries';

// Making verifications: a resident spends a letter code, a staff member records one at a counter, an admin issues
// a batch of codes. Only attributes are kept (district, birth-date range, valid until), never a document.

export const MAX_CODES_PER_BATCH = 10_000;
/**
 * The one code the demo city prints in its README so a newcomer can try verifying (resident of the city, 18 and
 * older). Single use like every code: a fresh `npm run demo` database has it unused again.
 */
export const DEMO_LETTER_CODE = 'DRTM-UND2-VERF-2345';
/** How long the plain codes of a new batch can be downloaded by the person who made it. */
export const SEALED_MINUTES = 15;

/**
 * Tries are limited per account (every try: a right code is tried once in a lifetime) and per address (only wrong
 * tries: a school class behind one address redeeming 30 right codes is not stopped). 10 an hour per account and
 * about 30 wrong ones per address make guessing one of 2^79 codes hopeless.
 */
export const CODE_TRIES_PER_ACCOUNT: Limit = { name: 'letter-code:account', max: 10, windowSeconds: 3600 };
export const CODE_TRIES_PER_ADDRESS: Limit = { name: 'letter-code:ip', max: 30, windowSeconds: 3600 };

export type RedeemResult = { ok: true } | { ok: false; problem: 'format' | 'unknown' | 'used' | 'expired' };

/** Spends a code for the account (rate limit checked by the caller: `enforceCodeTries`). */
export async function redeemLetterCode(db: Db, organizationId: number, userId: number, typed: string, now: Date): Promise<RedeemResult> {
  const code = normaliseLetterCode(typed);
  if (!code) return { ok: false, problem: 'format' };
  const hash = letterCodeHash(organizationId, code);
  const today = berlinDay(now);
  const spent = await db.transaction().execute(async (trx) => {
    const batch = await q.spendCode(trx, organizationId, hash, userId, today);
    if (!batch) return false;
    await saveVerification(trx, organizationId, userId, {
      districtId: batch.district_id,
      bornFrom: batch.born_from,
      bornTo: batch.born_to,
      validUntil: batch.valid_until,
      method: 'letter_code',
      verifiedBy: null,
    });
    return true;
  });
  if (spent) return { ok: true };
  const state = await q.codeState(db, organizationId, hash, today);
  // A revoked code reads as unknown: the letter it was on is void.
  return { ok: false, problem: state === 'revoked' ? 'unknown' : state };
}

/** Before a try: counts it for the account, and refuses (429) an address that has used up its wrong tries. */
export async function enforceCodeTries(db: Db, userId: number, clientIp: string): Promise<void> {
  await enforce(db, [[CODE_TRIES_PER_ACCOUNT, String(userId)]]);
  // Amount 0: only looks; the address is counted by countWrongTry once a try has failed.
  await enforce(db, [[CODE_TRIES_PER_ADDRESS, clientIp]], 0);
}

/** After a failed try: counts it against the address. */
export async function countWrongTry(db: Db, clientIp: string): Promise<void> {
  await hit(db, CODE_TRIES_PER_ADDRESS, clientIp);
}

/**
 * Issues `count` new codes for an area and age band. The band becomes the range of birth dates it implies on its
 * reference day (the vote's Stichtag; the day of issue when none is given), which is what a resident's verification
 * keeps. Returns the plain codes: the only moment they exist
 * outside the 15-minute sealed copy for the CSV download.
 */
export async function issueLetterCodes(
  db: Db,
  secret: string,
  organizationId: number,
  band: Band,
  count: number,
  createdBy: number | null,
  now: Date,
): Promise<{ batchId: number; codes: string[] }> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_CODES_PER_BATCH) throw new Error(`count must be 1–${MAX_CODES_PER_BATCH}`);
  const codes = new Set<string>();
  while (codes.size < count) codes.add(newLetterCode());
  const plain = [...codes];
  return issueCodes(db, organizationId, band, plain, createdBy, now, seal(secret, plain.join('\n')));
}

/** Stores a batch of given codes (the demo seed's known code goes through here too). */
export async function issueCodes(
  db: Db,
  organizationId: number,
  band: Band,
  plain: string[],
  createdBy: number | null,
  now: Date,
  sealed: string | null,
): Promise<{ batchId: number; codes: string[] }> {
  for (const c of plain) if (normaliseLetterCode(c) !== c) throw new Error(`not a letter code: ${c}`);
  const ageOn = band.ageOn ?? berlinDay(now);
  const range = bornRangeOfBand(band.ageMin, band.ageMax, ageOn);
  const hashes = plain.map((c) => letterCodeHash(organizationId, c));
  const batchId = await db.transaction().execute(async (trx) => {
    await q.dropOldSealedCodes(trx, organizationId, SEALED_MINUTES);
    const id = await q.insertBatch(trx, organizationId, { ...band, ageOn, ...range, createdBy }, hashes, sealed);
    await insertAudit(trx, {
      organizationId,
      actorUserId: createdBy,
      action: 'verification.codes_issued',
      subject: String(id),
      details: { count: plain.length, districtId: band.districtId, ageMin: band.ageMin, ageMax: band.ageMax, ageOn, validUntil: band.validUntil },
    });
    return id;
  });
  return { batchId, codes: plain };
}

/** The plain codes of a batch for its CSV, while its creator may still download them; null afterwards. */
export async function sealedCodes(db: Db, secret: string, organizationId: number, batchId: number, userId: number): Promise<string[] | null> {
  await q.dropOldSealedCodes(db, organizationId, SEALED_MINUTES);
  const sealed = await q.sealedCodesOf(db, organizationId, batchId, userId, SEALED_MINUTES);
  return sealed ? unseal(secret, sealed).split('\n') : null;
}

/**
 * A counter verification: the staff member has seen an ID and records the attributes, nothing of the document.
 * Like a letter code, the age is kept only as the birth-date range its band implies on the band's reference day
 * (no birth date is ever entered). The audit entry says who verified which account when, not the attributes.
 */
export async function recordCounterVerification(db: Db, organizationId: number, staffId: number, userId: number, band: Band, today: IsoDay): Promise<void> {
  const range = bornRangeOfBand(band.ageMin, band.ageMax, band.ageOn ?? today);
  await db.transaction().execute(async (trx) => {
    await saveVerification(trx, organizationId, userId, {
      districtId: band.districtId,
      ...range,
      validUntil: band.validUntil,
      method: 'counter',
      verifiedBy: staffId,
    });
    await insertAudit(trx, { organizationId, actorUserId: staffId, action: 'verification.counter', subject: String(userId) });
  });
}
