import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../../test/helpers/app';
import { createResident, createStaff } from '../../../../test/helpers/factories';
import { asForm } from '../../../platform/http/form';
import { berlinDay, shiftYears } from './age';
import { typedDay } from './band-form';
import { requireEligibility } from './eligibility.service';
import { eligibilityPersonalData } from './personal-data';
import { verificationOf } from './verification.queries';
import { issueCodes } from './verification.service';

/** A valid-until within the five years a form accepts. */
const TODAY = berlinDay(new Date());
const SOON = typedDay(shiftYears(TODAY, 2));

// The pages and posts: a resident spends a code, staff issue codes, verify at the counter and keep bodies; each
// staff route refuses the wrong people; a form sent past its eligibility gets 403 and changes nothing.

const BAND = { districtId: null, ageMin: 18, ageMax: null, validUntil: '2099-12-31' };
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, (app, db) => {
    // A feature's guarded form post, as other features write it: one line before any change.
    app.post('/test/nur-verifiziert', async (request, reply) => {
      await requireEligibility(
        db,
        { organizationId: request.ctx.org.id, userId: request.ctx.user?.id ?? null },
        { who: 'verified', districtIds: [], ageMin: 18, ageMax: null, referenceDate: null },
        new Date(),
      );
      await db
        .insertInto('audit_log')
        .values({ organization_id: request.ctx.org.id, actor_user_id: null, action: 'test.voted', subject: String(asForm(request.body).choice) })
        .execute();
      return reply.send('ok');
    });
  });
});
afterAll(() => t.close());

async function staffClient(role: 'admin' | 'moderator' | 'department_staff') {
  const staff = await createStaff(t.db, t.config.secret, t.org.id, role);
  const client = new Client(t);
  await client.signInAs(staff.id, 'staff');
  return { client, staff };
}

async function residentClient() {
  const user = await createResident(t.db, t.org.id);
  const client = new Client(t);
  await client.signInAs(user.id, 'resident');
  return { client, user };
}

describe('a resident and their letter code', () => {
  it('sends the signed-out to sign in, and shows the unverified the form', async () => {
    const res = await new Client(t).get('/konto/verifizierung');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/anmelden\?return=/);
    const { client } = await residentClient();
    const page = await client.get('/konto/verifizierung');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ihr Konto ist nicht verifiziert.');
    expect(page.body).toContain('name="code"');
  });

  it('verifies with a code, shows the state, and refuses the code a second time with the input kept', async () => {
    await issueCodes(t.db, t.org.id, BAND, ['RXUT-2345-6789-ABCD'], null, new Date(), null);
    const { client, user } = await residentClient();
    const ok = await client.post('/konto/verifizierung', { code: 'rxut 2345 6789 abcd' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/konto/verifizierung?ok=verified');
    const page = await client.get('/konto/verifizierung?ok=verified');
    expect(page.body).toContain('Ihr Konto ist jetzt verifiziert.');
    expect(page.body).toMatch(/Verifiziert: Einwohner\*in von Teststadt, Altersgruppe ab 18 Jahren, gültig bis 31\.12\.2099\./);
    expect((await verificationOf(t.db, t.org.id, user.id))?.method).toBe('letter_code');
    // Mein Konto shows the same.
    expect((await client.get('/konto')).body).toContain('Verifiziert: Einwohner*in von Teststadt');

    const { client: other } = await residentClient();
    const again = await other.post('/konto/verifizierung', { code: 'RXUT-2345-6789-ABCD' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Dieser Code wurde schon eingelöst.');
    expect(again.body).toContain('value="RXUT-2345-6789-ABCD"');
    expect(again.body).toContain('k-error-summary');
  });

  it('slows guessing: the eleventh try of an hour is refused with 429', async () => {
    const { client } = await residentClient();
    for (let i = 0; i < 10; i++) expect((await client.post('/konto/verifizierung', { code: `GUES-2345-6789-ABC${'DEFGHJKMNP'[i]}` })).statusCode).toBe(400);
    const limited = await client.post('/konto/verifizierung', { code: 'GUES-2345-6789-ABCQ' });
    expect(limited.statusCode).toBe(429);
  });

  it('answers a bypassed form with 403 and changes nothing, and lets the verified act', async () => {
    const before = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'test.voted').execute();
    const { client, user } = await residentClient();
    expect((await client.post('/test/nur-verifiziert', { choice: '1' })).statusCode).toBe(403);
    expect((await new Client(t).post('/test/nur-verifiziert', { choice: '1' })).statusCode).toBe(403);
    expect(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'test.voted').execute()).toEqual(before);
    await issueCodes(t.db, t.org.id, BAND, ['VXTE-2345-6789-ABCD'], null, new Date(), null);
    expect((await client.post('/konto/verifizierung', { code: 'VXTE-2345-6789-ABCD' })).statusCode).toBe(303);
    expect((await client.post('/test/nur-verifiziert', { choice: '1' })).statusCode).toBe(200);
    expect((await verificationOf(t.db, t.org.id, user.id))?.valid_until).toBe('2099-12-31');
  });
});

describe('staff routes', () => {
  const ADMIN_ONLY = ['/verwaltung/verifizierung/codes', '/verwaltung/verifizierung/codes/neu', '/verwaltung/gremien'];
  const COUNTER = '/verwaltung/verifizierung/schalter';

  it('are guarded: residents and the wrong roles get 403, the signed-out the staff sign-in', async () => {
    const { client: resident } = await residentClient();
    const { client: moderator } = await staffClient('moderator');
    const { client: department } = await staffClient('department_staff');
    for (const path of [...ADMIN_ONLY, COUNTER]) {
      expect((await resident.get(path)).statusCode, path).toBe(403);
      expect((await moderator.get(path)).statusCode, path).toBe(403);
      expect((await new Client(t).get(path)).headers.location, path).toMatch(/^\/verwaltung\/anmelden/);
    }
    for (const path of ADMIN_ONLY) expect((await department.get(path)).statusCode, path).toBe(403);
    expect((await department.get(COUNTER)).statusCode).toBe(200);
    expect((await resident.post('/verwaltung/verifizierung/codes', { count: '5', validUntil: SOON })).statusCode).toBe(403);
    expect((await department.post('/verwaltung/gremien', { name: 'Heimlich', kind: 'other' })).statusCode).toBe(403);
    expect(await t.db.selectFrom('participation_bodies').select('id').where('name', '=', 'Heimlich').execute()).toEqual([]);
  });

  it('issue codes, show them once, hand the CSV only to their maker within the window, and revoke the unused', async () => {
    const { client: admin } = await staffClient('admin');
    const bad = await admin.post('/verwaltung/verifizierung/codes', { count: '10001', ageMin: '18', ageMax: '14', validUntil: '1.1.2020' });
    expect(bad.statusCode).toBe(400);
    for (const field of ['count', 'ageMax', 'validUntil']) expect(bad.body).toContain(`href="#f-${field}"`);
    expect(bad.body).toContain('value="10001"');
    const far = await admin.post('/verwaltung/verifizierung/codes', { count: '1', validUntil: '31.12.2099', ageOn: '1.3.2207' });
    expect(far.statusCode).toBe(400);
    expect(far.body).toContain('Höchstens fünf Jahre');
    expect(far.body).toContain('href="#f-ageOn"');

    const res = await admin.post('/verwaltung/verifizierung/codes', { count: '3', district: '', ageMin: '14', ageMax: '17', validUntil: SOON });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const codes = [...res.body.matchAll(/<code dir="ltr">([A-Z0-9-]{19})<\/code>/g)].map((m) => m[1]);
    expect(codes).toHaveLength(3);
    const csvPath = /href="(\/verwaltung\/verifizierung\/codes\/(\d+)\/codes\.csv)"/.exec(res.body);
    expect(csvPath).not.toBeNull();
    const { client: otherAdmin } = await staffClient('admin');
    expect((await otherAdmin.get(csvPath![1]!)).statusCode).toBe(404);
    const csv = await admin.get(csvPath![1]!);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="brief-codes-\d+\.csv"$/);
    expect(csv.body.startsWith('\uFEFFCode,Stadtbezirk,Altersgruppe,Gültig bis\r\n')).toBe(true);
    expect(csv.body).toContain(`${codes[0]},Ganze Stadt (Stadtbezirk unbekannt),14 bis 17 Jahre am ${typedDay(TODAY)},${SOON}\r\n`);
    // Only hashes in the database, and after the window not even the sealed copy.
    const hashes = await t.db.selectFrom('participation_codes').select('code_hash').where('batch_id', '=', Number(csvPath![2])).execute();
    expect(hashes.map((h) => h.code_hash)).not.toContain(codes[0]);
    await t.db
      .updateTable('participation_code_batches')
      .set({ created_at: new Date(Date.now() - 16 * 60_000) })
      .where('id', '=', Number(csvPath![2]))
      .execute();
    expect((await admin.get(csvPath![1]!)).statusCode).toBe(404);
    expect(
      (await t.db.selectFrom('participation_code_batches').select('sealed_codes').where('id', '=', Number(csvPath![2])).executeTakeFirstOrThrow()).sealed_codes,
    ).toBeNull();

    const { client: resident } = await residentClient();
    expect((await resident.post('/konto/verifizierung', { code: codes[0]! })).statusCode).toBe(303);
    const revoke = await admin.post(`/verwaltung/verifizierung/codes/${csvPath![2]}/widerrufen`);
    expect(revoke.headers.location).toBe('/verwaltung/verifizierung/codes?ok=revoked-2');
    const list = await admin.get('/verwaltung/verifizierung/codes?ok=revoked-2');
    expect(list.body).toContain('2 unbenutzte Codes widerrufen.');
    expect((await resident.post('/konto/verifizierung', { code: codes[1]! })).body).toContain('Diesen Code kennen wir nicht.');
  });

  it('neutralises a district name a spreadsheet would run as a formula in the mail-merge CSV', async () => {
    const { client: admin } = await staffClient('admin');
    const district = await t.db
      .insertInto('districts')
      .values({
        organization_id: t.org.id,
        kind: 'stadtbezirk',
        name: '=HYPERLINK("http://evil.example","Hörde")',
        geometry: JSON.stringify({ type: 'Polygon', coordinates: [] }),
        min_lon: 7,
        min_lat: 51,
        max_lon: 7.1,
        max_lat: 51.1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await admin.post('/verwaltung/verifizierung/codes', { count: '1', district: String(district.id), validUntil: SOON });
    const csvPath = /href="(\/verwaltung\/verifizierung\/codes\/\d+\/codes\.csv)"/.exec(res.body)![1]!;
    const csv = (await admin.get(csvPath)).body;
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil.example"",""Hörde"")",`);
    await t.db.deleteFrom('districts').where('id', '=', district.id).execute();
  });

  it('record a counter verification by address as an age band on a reference day (no birth date), logged without attributes', async () => {
    const { client: clerk, staff } = await staffClient('department_staff');
    const user = await createResident(t.db, t.org.id, 'schalter@example.de');
    const unknown = await clerk.post('/verwaltung/verifizierung/schalter', { email: 'niemand@example.de', validUntil: SOON });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Zu dieser Adresse gibt es kein Konto in dieser Stadt.');
    const self = await clerk.post('/verwaltung/verifizierung/schalter', { email: staff.email, validUntil: SOON });
    expect(self.statusCode).toBe(400);
    expect(self.body).toContain('Ihr eigenes Konto verifiziert bitte eine Kollegin oder ein Kollege.');
    const badDay = await clerk.post('/verwaltung/verifizierung/schalter', { email: user.email, ageMin: '14', ageOn: '31.02.2027', validUntil: SOON });
    expect(badDay.statusCode).toBe(400);
    expect(badDay.body).toContain('href="#f-ageOn"');
    expect(badDay.body).not.toContain('name="birthDate"');
    expect(await verificationOf(t.db, t.org.id, user.id)).toBeUndefined();
    const ok = await clerk.post('/verwaltung/verifizierung/schalter', {
      email: 'Schalter@Example.de',
      ageMin: '14',
      ageMax: '17',
      ageOn: '01.03.2027',
      validUntil: SOON,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Das Konto schalter@example.de ist verifiziert.');
    expect(await verificationOf(t.db, t.org.id, user.id)).toMatchObject({
      method: 'counter',
      born_from: '2009-03-02',
      born_to: '2013-03-01',
      district_id: null,
    });
    const audit = await t.db.selectFrom('audit_log').select(['actor_user_id', 'subject', 'details']).where('action', '=', 'verification.counter').execute();
    expect(audit).toEqual([{ actor_user_id: staff.id, subject: String(user.id), details: {} }]);
  });

  it('keep bodies and their members, logged', async () => {
    const { client: admin } = await staffClient('admin');
    const created = await admin.post('/verwaltung/gremien', { name: 'Jugendparlament Teststadt', kind: 'youth_parliament' });
    expect(created.statusCode).toBe(303);
    const path = created.headers.location!.split('?')[0]!;
    expect((await admin.post('/verwaltung/gremien', { name: 'Jugendparlament Teststadt', kind: 'other' })).statusCode).toBe(400);
    expect((await admin.post(path, { name: 'Jugendparlament', kind: 'youth_parliament' })).statusCode).toBe(303);
    const member = await createResident(t.db, t.org.id);
    expect((await admin.post(`${path}/mitglieder`, { email: member.email })).headers.location).toBe(`${path}?ok=added`);
    const twice = await admin.post(`${path}/mitglieder`, { email: member.email });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('Dieses Konto ist schon Mitglied.');
    const page = await admin.get(path);
    expect(page.body).toContain(member.email);
    expect(page.body).toContain('value="Jugendparlament"');
    expect((await admin.post(`${path}/mitglieder/${member.id}/entfernen`)).headers.location).toBe(`${path}?ok=removed`);
    expect((await admin.post(`${path}/mitglieder/${member.id}/entfernen`)).statusCode).toBe(404);
    const actions = await t.db.selectFrom('audit_log').select('action').where('action', 'like', 'participation.body%').orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual([
      'participation.body_created',
      'participation.body_renamed',
      'participation.body_member_added',
      'participation.body_member_removed',
    ]);
  });
});

describe('personal data', () => {
  it('exports the verification and memberships and erases them', async () => {
    const user = await createResident(t.db, t.org.id);
    await issueCodes(t.db, t.org.id, BAND, ['DATA-2345-6789-ABCD'], null, new Date(), null);
    const client = new Client(t);
    await client.signInAs(user.id, 'resident');
    await client.post('/konto/verifizierung', { code: 'DATA-2345-6789-ABCD' });
    const person = { organizationId: t.org.id, userId: user.id, email: user.email };
    const exported = await eligibilityPersonalData.exportFor(t.db, person);
    expect(exported.json.map((j) => j.name)).toEqual(['verifizierung.json', 'gremien.json']);
    expect(exported.json[0]!.data).toMatchObject({ district: null, bornFrom: null, validUntil: '2099-12-31', method: 'letter_code' });
    const counts = await t.db.transaction().execute((trx) => eligibilityPersonalData.erase(trx, person, 'anonymise'));
    expect(counts.counts).toEqual({ verifications: 1, bodyMemberships: 0, letterCodes: 1 });
    expect(await verificationOf(t.db, t.org.id, user.id)).toBeUndefined();
  });
});
