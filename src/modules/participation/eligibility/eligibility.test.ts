import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/database';
import { createOrganization, createResident } from '../../../../test/helpers/factories';
import type { DatabaseHandle, Db } from '../../../platform/db/connect';
import { AppError } from '../../../platform/http/errors';
import { seedVerification } from '../../../seed/participation-verification';
import { berlinDay } from './age';
import { addBodyMember, insertBody } from './bodies.queries';
import { spendCode } from './codes.queries';
import { dropSealedCodesOfAllCities } from './eligibility.queries';
import { decideEligibility, requireEligibility } from './eligibility.service';
import { letterCodeHash, normaliseLetterCode } from './letter-code';
import type { EligibilityRule } from './rule';
import { saveVerification, verificationOf } from './verification.queries';
import {
  CODE_TRIES_PER_ADDRESS,
  countWrongTry,
  DEMO_LETTER_CODE,
  enforceCodeTries,
  issueCodes,
  issueLetterCodes,
  recordCounterVerification,
  redeemLetterCode,
  SEALED_MINUTES,
  sealedCodes,
} from './verification.service';

// decideEligibility against real rows (PGlite, or PostgreSQL with DATABASE_URL), and letter codes end to end.

const SECRET = 'test-secret-test-secret-test-secret-0000';
const NOW = new Date('2026-12-03T10:00:00Z');

let handle: DatabaseHandle;
let db: Db;
let city: number;
let otherCity: number;
let districts: number[];

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  city = (await createOrganization(db, { hosts: ['city.example'] })).id;
  otherCity = (await createOrganization(db, { hosts: ['other.example'] })).id;
  districts = [];
  for (const name of ['Hörde', 'Eving']) {
    const row = await db
      .insertInto('districts')
      .values({
        organization_id: city,
        kind: 'stadtbezirk',
        name,
        geometry: JSON.stringify({ type: 'Polygon', coordinates: [] }),
        min_lon: 7,
        min_lat: 51,
        max_lon: 7.1,
        max_lat: 51.1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    districts.push(row.id);
  }
});
afterAll(() => handle.close());

const verified = (over: Partial<Extract<EligibilityRule, { who: 'verified' }>> = {}): EligibilityRule => ({
  who: 'verified',
  districtIds: [],
  ageMin: null,
  ageMax: null,
  referenceDate: null,
  ...over,
});

async function residentVerified(v: { districtId?: number | null; bornFrom?: string | null; bornTo?: string | null; validUntil?: string }) {
  const user = await createResident(db, city);
  await saveVerification(db, city, user.id, {
    districtId: v.districtId ?? null,
    bornFrom: v.bornFrom ?? null,
    bornTo: v.bornTo ?? null,
    validUntil: v.validUntil ?? '2027-12-31',
    method: 'letter_code',
    verifiedBy: null,
  });
  return { organizationId: city, userId: user.id };
}

describe('decideEligibility', () => {
  it('lets anyone act under "anyone" and asks the signed-out to sign in otherwise', async () => {
    const nobody = { organizationId: city, userId: null };
    expect(await decideEligibility(db, nobody, { who: 'anyone' }, NOW)).toEqual({ allowed: true });
    for (const rule of [{ who: 'signed_in' }, verified(), { who: 'body_member', bodyId: 1 }] as EligibilityRule[])
      expect(await decideEligibility(db, nobody, rule, NOW)).toEqual({ allowed: false, refusal: 'sign_in' });
    const user = await createResident(db, city);
    expect(await decideEligibility(db, { organizationId: city, userId: user.id }, { who: 'signed_in' }, NOW)).toEqual({ allowed: true });
  });

  it('refuses the unverified, the expired (valid_until is the last good day) and the wrong district', async () => {
    const plain = await createResident(db, city);
    expect(await decideEligibility(db, { organizationId: city, userId: plain.id }, verified(), NOW)).toEqual({ allowed: false, refusal: 'verify' });

    const lastDay = await residentVerified({ validUntil: '2026-12-03' });
    expect(await decideEligibility(db, lastDay, verified(), NOW)).toEqual({ allowed: true });
    expect(await decideEligibility(db, lastDay, verified(), new Date('2026-12-03T23:30:00Z'))).toEqual({ allowed: false, refusal: 'verification_expired' });

    const hoerde = await residentVerified({ districtId: districts[0] });
    const cityOnly = await residentVerified({ districtId: null });
    expect(await decideEligibility(db, hoerde, verified(), NOW)).toEqual({ allowed: true });
    expect(await decideEligibility(db, hoerde, verified({ districtIds: [districts[0]!] }), NOW)).toEqual({ allowed: true });
    expect(await decideEligibility(db, hoerde, verified({ districtIds: [districts[1]!] }), NOW)).toEqual({ allowed: false, refusal: 'district' });
    expect(await decideEligibility(db, cityOnly, verified(), NOW)).toEqual({ allowed: true });
    expect(await decideEligibility(db, cityOnly, verified({ districtIds: [districts[0]!] }), NOW)).toEqual({ allowed: false, refusal: 'district' });
    // The same account is unknown in another city.
    expect(await decideEligibility(db, { ...hoerde, organizationId: otherCity }, verified(), NOW)).toEqual({ allowed: false, refusal: 'verify' });
  });

  it('checks the age on the reference date: the 18th birthday on the day, a day before, a day after, and a leap day', async () => {
    const born = (day: string) => residentVerified({ bornFrom: day, bornTo: day });
    const adults = verified({ ageMin: 18, referenceDate: '2026-12-03' });
    expect(await decideEligibility(db, await born('2008-12-03'), adults, NOW)).toEqual({ allowed: true });
    expect(await decideEligibility(db, await born('2008-12-02'), adults, NOW)).toEqual({ allowed: true });
    expect(await decideEligibility(db, await born('2008-12-04'), adults, NOW)).toEqual({ allowed: false, refusal: 'age' });
    const leap = await born('2008-02-29');
    expect(await decideEligibility(db, leap, verified({ ageMin: 18, referenceDate: '2026-02-28' }), NOW)).toEqual({ allowed: false, refusal: 'age' });
    expect(await decideEligibility(db, leap, verified({ ageMin: 18, referenceDate: '2026-03-01' }), NOW)).toEqual({ allowed: true });
    // Youth parliament, 14 to 17: the 18th birthday ends it.
    const youth = verified({ ageMin: 14, ageMax: 17, referenceDate: '2026-12-03' });
    expect(await decideEligibility(db, await born('2008-12-04'), youth, NOW)).toEqual({ allowed: true });
    expect(await decideEligibility(db, await born('2008-12-03'), youth, NOW)).toEqual({ allowed: false, refusal: 'age' });
  });

  it('takes the day of the action in Europe/Berlin when the rule names no reference date', async () => {
    const person = await residentVerified({ bornFrom: '2008-12-04', bornTo: '2008-12-04' });
    const adults = verified({ ageMin: 18 });
    // 23:30 UTC on 3 December is already the 4th in Dortmund: the birthday.
    expect(await decideEligibility(db, person, adults, new Date('2026-12-03T22:59:00Z'))).toEqual({ allowed: false, refusal: 'age' });
    expect(await decideEligibility(db, person, adults, new Date('2026-12-03T23:30:00Z'))).toEqual({ allowed: true });
  });

  it('passes an age check only when the whole band kept meets it', async () => {
    // A "14–17 on 2026-01-10" band: born 2008-01-11 … 2012-01-10.
    const band = await residentVerified({ bornFrom: '2008-01-11', bornTo: '2012-01-10' });
    expect(await decideEligibility(db, band, verified({ ageMin: 14, ageMax: 17, referenceDate: '2026-01-10' }), NOW)).toEqual({ allowed: true });
    expect(await decideEligibility(db, band, verified({ ageMin: 14, ageMax: 17, referenceDate: '2026-01-11' }), NOW)).toEqual({
      allowed: false,
      refusal: 'age',
    });
    const noAge = await residentVerified({});
    expect(await decideEligibility(db, noAge, verified({ ageMin: 18 }), NOW)).toEqual({ allowed: false, refusal: 'age' });
  });

  it('admits members of the body only, and a body of another city admits nobody here', async () => {
    const body = (await insertBody(db, city, 'youth_parliament', 'Jugendparlament Test'))!;
    const foreign = (await insertBody(db, otherCity, 'youth_parliament', 'Jugendparlament Test'))!;
    const member = await createResident(db, city);
    const other = await createResident(db, city);
    await addBodyMember(db, city, body, member.id, null);
    expect(await decideEligibility(db, { organizationId: city, userId: member.id }, { who: 'body_member', bodyId: body }, NOW)).toEqual({ allowed: true });
    expect(await decideEligibility(db, { organizationId: city, userId: other.id }, { who: 'body_member', bodyId: body }, NOW)).toEqual({
      allowed: false,
      refusal: 'body',
    });
    expect(await decideEligibility(db, { organizationId: city, userId: member.id }, { who: 'body_member', bodyId: foreign }, NOW)).toEqual({
      allowed: false,
      refusal: 'body',
    });
  });

  it('requireEligibility throws the platform 403 with the reason for the log', async () => {
    const err = await requireEligibility(db, { organizationId: city, userId: null }, { who: 'signed_in' }, NOW).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(403);
    expect(err.details.reason).toBe('eligibility: sign_in');
    await expect(requireEligibility(db, { organizationId: city, userId: null }, { who: 'anyone' }, NOW)).resolves.toBeUndefined();
  });
});

describe('letter codes', () => {
  const band = { districtId: null as number | null, ageMin: 14, ageMax: 17, validUntil: '2027-12-31' };

  it('gives the account only the batch attributes, once', async () => {
    const { codes } = await issueLetterCodes(db, SECRET, city, { ...band, districtId: districts[1]! }, 3, null, NOW);
    expect(codes).toHaveLength(3);
    for (const c of codes) expect(c).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/);
    const user = await createResident(db, city);
    expect(await redeemLetterCode(db, city, user.id, codes[0]!.toLowerCase().replaceAll('-', ' '), NOW)).toEqual({ ok: true });
    const v = await verificationOf(db, city, user.id);
    expect(v).toMatchObject({ district_id: districts[1], born_from: '2008-12-04', born_to: '2012-12-03', valid_until: '2027-12-31', method: 'letter_code' });
    const again = await createResident(db, city);
    expect(await redeemLetterCode(db, city, again.id, codes[0]!, NOW)).toEqual({ ok: false, problem: 'used' });
    expect(await verificationOf(db, city, again.id)).toBeUndefined();
  });

  it('does not know a code of another city, refuses an expired code and a mistyped one', async () => {
    const { codes } = await issueLetterCodes(db, SECRET, otherCity, band, 1, null, NOW);
    const user = await createResident(db, city);
    expect(await redeemLetterCode(db, city, user.id, codes[0]!, NOW)).toEqual({ ok: false, problem: 'unknown' });
    const expired = await issueLetterCodes(db, SECRET, city, { ...band, validUntil: '2026-12-02' }, 1, null, NOW);
    expect(await redeemLetterCode(db, city, user.id, expired.codes[0]!, NOW)).toEqual({ ok: false, problem: 'expired' });
    expect(await redeemLetterCode(db, city, user.id, 'ABCD-EFGH-IJKL-MNOP', NOW)).toEqual({ ok: false, problem: 'format' });
    expect(await verificationOf(db, city, user.id)).toBeUndefined();
    expect(normaliseLetterCode(' k7qm 3wxe-pn4r—9htz ')).toBe('K7QM-3WXE-PN4R-9HTZ');
  });

  it("gives a code issued weeks before a vote the band on the vote's reference date, so the vote's age rule holds", async () => {
    const youthVote = verified({ ageMin: 14, ageMax: 17, referenceDate: '2027-03-01' });
    const weeksLater = new Date('2027-02-20T10:00:00Z');
    const { codes } = await issueLetterCodes(db, SECRET, city, { ...band, ageOn: '2027-03-01' }, 1, null, NOW);
    const user = await createResident(db, city);
    expect(await redeemLetterCode(db, city, user.id, codes[0]!, weeksLater)).toEqual({ ok: true });
    expect(await verificationOf(db, city, user.id)).toMatchObject({ born_from: '2009-03-02', born_to: '2013-03-01' });
    expect(await decideEligibility(db, { organizationId: city, userId: user.id }, youthVote, weeksLater)).toEqual({ allowed: true });
    // The band on the day of issue cannot answer it: someone 17 then may be 18 on the vote's day.
    const onIssue = await issueLetterCodes(db, SECRET, city, band, 1, null, NOW);
    const early = await createResident(db, city);
    await redeemLetterCode(db, city, early.id, onIssue.codes[0]!, NOW);
    expect(await decideEligibility(db, { organizationId: city, userId: early.id }, youthVote, weeksLater)).toEqual({ allowed: false, refusal: 'age' });
  });

  it('counts every try per account but only wrong tries per address (a class behind one address is not stopped)', async () => {
    const address = `test-${Date.now()}`;
    for (let i = 0; i < 40; i++) await enforceCodeTries(db, 1_000_000 + i, address);
    for (let i = 0; i <= CODE_TRIES_PER_ADDRESS.max; i++) await countWrongTry(db, address);
    const err = await enforceCodeTries(db, 2_000_000, address).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(429);
    const perAccount = await (async () => {
      for (let i = 0; i < 11; i++) await enforceCodeTries(db, 3_000_000, `other-${address}-${i}`);
    })().catch((e) => e);
    expect(perAccount?.status).toBe(429);
  });

  it('lets exactly one of 50 parallel tries spend a code', async () => {
    // On PGlite (one connection) these run one after another, so this part checks only the bookkeeping; on
    // PostgreSQL (npm test's second pass, a pool of 5) they overlap, and the next test holds the row lock open.
    const { codes } = await issueCodes(db, city, band, ['RACE-2345-6789-ABCD'], null, NOW, null);
    const users = await Promise.all(Array.from({ length: 50 }, () => createResident(db, city)));
    const results = await Promise.all(users.map((u) => redeemLetterCode(db, city, u.id, codes[0]!, NOW)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.problem === 'used')).toHaveLength(49);
    const rows = await db
      .selectFrom('participation_verifications')
      .select('user_id')
      .where('organization_id', '=', city)
      .where(
        'user_id',
        'in',
        users.map((u) => u.id),
      )
      .execute();
    expect(rows).toHaveLength(1);
  });

  it("makes tries that wait for a spending transaction's row lock find the code spent (PostgreSQL: really concurrent)", async () => {
    await issueCodes(db, city, band, ['SPNT-2345-6789-ABCD'], null, NOW, null);
    const users = await Promise.all(Array.from({ length: 8 }, () => createResident(db, city)));
    let waiting: Promise<Array<Awaited<ReturnType<typeof redeemLetterCode>>>> = Promise.resolve([]);
    const first = await db.transaction().execute(async (trx) => {
      const spent = await spendCode(trx, city, letterCodeHash(city, 'SPNT-2345-6789-ABCD'), users[0]!.id, '2026-12-03');
      // The other tries start while this transaction holds the row: on PostgreSQL they block on its lock and
      // re-check the row after the commit; on PGlite they queue for the one connection.
      waiting = Promise.all(users.slice(1).map((u) => redeemLetterCode(db, city, u.id, 'SPNT-2345-6789-ABCD', NOW)));
      await new Promise((r) => setTimeout(r, handle.kind === 'postgres' ? 300 : 10));
      return spent;
    });
    expect(first).toBeDefined();
    expect((await waiting).map((r) => (r.ok ? 'ok' : r.problem))).toEqual(Array(7).fill('used'));
  });

  it('records a counter verification as the band on its reference day (no birth date), and audits who and whom only', async () => {
    const staff = await createResident(db, city);
    const user = await createResident(db, city);
    await recordCounterVerification(
      db,
      city,
      staff.id,
      user.id,
      { ...band, districtId: districts[0]!, ageOn: '2027-03-01', validUntil: '2028-01-01' },
      '2026-12-03',
    );
    expect(await verificationOf(db, city, user.id)).toMatchObject({ method: 'counter', born_from: '2009-03-02', born_to: '2013-03-01' });
    const audit = await db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'subject', 'details'])
      .where('action', '=', 'verification.counter')
      .where('organization_id', '=', city)
      .execute();
    expect(audit).toEqual([{ actor_user_id: staff.id, subject: String(user.id), details: {} }]);
    expect(berlinDay(NOW)).toBe('2026-12-03');
    // Erasing the staff account keeps the verification and forgets who made it (0033's foreign key).
    await db.deleteFrom('audit_log').where('actor_user_id', '=', staff.id).execute();
    await db.deleteFrom('users').where('id', '=', staff.id).execute();
    expect(await db.selectFrom('participation_verifications').select('verified_by').where('user_id', '=', user.id).executeTakeFirst()).toEqual({
      verified_by: null,
    });
  });

  it('seeds the demo: both bodies (also when the processes made one first) and one known code among hashed ones', async () => {
    const demo = (await createOrganization(db, { hosts: ['demo.example'] })).id;
    await insertBody(db, demo, 'youth_parliament', 'Jugendparlament Dortmund');
    const seed = {
      organizationId: demo,
      adminId: (await createResident(db, demo)).id,
      districtIds: [],
      departments: new Map(),
      boundary: null as never,
      storage: null,
      now: NOW.getTime(),
    };
    await seedVerification(db, seed);
    const bodies = await db.selectFrom('participation_bodies').select('name').where('organization_id', '=', demo).orderBy('name').execute();
    expect(bodies.map((b) => b.name)).toEqual(['Jugendparlament Dortmund', 'Seniorenbeirat Dortmund']);
    const user = await createResident(db, demo);
    expect(await redeemLetterCode(db, demo, user.id, DEMO_LETTER_CODE, NOW)).toEqual({ ok: true });
    expect(await verificationOf(db, demo, user.id)).toMatchObject({ district_id: null, born_from: null, born_to: '2008-12-03', valid_until: '2027-12-03' });
    const codes = await db.selectFrom('participation_codes').select('code_hash').where('organization_id', '=', demo).execute();
    expect(codes).toHaveLength(80);
  });

  it('keeps the plain codes sealed for their maker only until the purge job drops them in every city', async () => {
    const maker = await createResident(db, otherCity);
    const { batchId, codes } = await issueLetterCodes(db, SECRET, otherCity, band, 2, maker.id, new Date());
    expect(await sealedCodes(db, SECRET, otherCity, batchId, maker.id)).toEqual(codes);
    const sealed = await db.selectFrom('participation_code_batches').select('sealed_codes').where('id', '=', batchId).executeTakeFirstOrThrow();
    for (const c of codes) expect(sealed.sealed_codes).not.toContain(c);
    expect(await dropSealedCodesOfAllCities(db, SEALED_MINUTES)).toBe(0);
    await db
      .updateTable('participation_code_batches')
      .set({ created_at: new Date(Date.now() - SEALED_MINUTES * 60_000 - 1000) })
      .where('id', '=', batchId)
      .execute();
    expect(await dropSealedCodesOfAllCities(db, SEALED_MINUTES)).toBeGreaterThanOrEqual(1);
    expect(await sealedCodes(db, SECRET, otherCity, batchId, maker.id)).toBeNull();
  });
});
