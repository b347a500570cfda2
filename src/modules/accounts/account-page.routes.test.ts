import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createCategory, createOrganization, createPublicReport, createResident } from '../../../test/helpers/factories';
import { hashToken, randomToken } from '../../platform/security/tokens';
import { PERSON, type ResidentWorld, seedResident } from './data-rights.test-support';
import { mailSettingsOf } from './mail-settings';

// "Mein Konto" with the sections the reports and Angsträume modules contribute: what each shows, its paging and
// forms, the mail settings, the name carried over from a report, and that another city's rows never appear.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The HTML of one section of the page, from its frame to the next section's. */
function section(body: string, id: string): string {
  const start = body.indexOf(`id="konto-${id}"`);
  if (start < 0) throw new Error(`no section ${id}`);
  const next = body.indexOf('<section', start + 1);
  return body.slice(start, next < 0 ? undefined : next);
}

async function signedIn(world: ResidentWorld): Promise<Client> {
  const c = new Client(t);
  await c.signInAs(world.userId, 'resident');
  return c;
}

describe('Mein Konto', () => {
  it('asks visitors who are not signed in to sign in, for the page and for its forms', async () => {
    const page = await new Client(t).get('/konto');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/anmelden?return=%2Fkonto');
    const form = await new Client(t).post('/konto/abschnitt/benachrichtigungen', { digest: 'daily' });
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toMatch(/^\/anmelden\?return=/);
  });

  it('lists my reports newest first, with status and age, linking only those the public may see', async () => {
    const world = await seedResident(t);
    const res = await (await signedIn(world)).get('/konto');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const mine = section(res.body, 'meldungen');
    expect(mine).toContain('Meine Meldungen');
    expect(mine).toContain('Sie haben 2 Meldungen geschickt, die neuesten zuerst.');
    // The confirmed report links to its page; the one never confirmed says why it is not public and has no link.
    expect(mine).toContain(`href="/meldungen/${world.ownReport}"`);
    expect(mine).not.toContain(`href="/meldungen/${world.unconfirmedReport}"`);
    expect(mine).toContain('Noch nicht öffentlich: Bitte bestätigen Sie die Meldung');
    expect(mine.indexOf('Noch nicht öffentlich')).toBeLessThan(mine.indexOf(`href="/meldungen/${world.ownReport}"`));
    expect(mine).toContain('Schlagloch: Hansastraße 3');
    expect(mine).toContain('k-status');
    expect(mine).toMatch(/>heute<\/time>/);
    // The neighbour's report is not mine.
    expect(mine).not.toContain(`/meldungen/${world.neighbourReport}"`);
  });

  it('lists the reports I follow or support, and my ratings of Angsträume', async () => {
    const world = await seedResident(t);
    const body = (await (await signedIn(world)).get('/konto')).body;
    const followed = section(body, 'verfolgt');
    expect(followed).toContain(`href="/meldungen/${world.neighbourReport}"`);
    expect(followed).toContain('· Sie folgen');
    expect(followed).toContain('Sie unterstützen');
    expect(followed).not.toContain(`href="/meldungen/${world.ownReport}"`);
    const ratings = section(body, 'bewertungen');
    expect(ratings).toContain(`href="/angstraeume/${world.place}"`);
    expect(ratings).toContain('Tagsüber 2 von 5, abends und nachts 1 von 5');
    expect(ratings).toMatch(/Bewertet am \d/);
    // The table of contents names every section.
    expect(body).toContain('href="#konto-benachrichtigungen"');
  });

  it('keeps a followed report that was hidden, and an unreviewed place’s words, off the page', async () => {
    const world = await seedResident(t);
    const category = await createCategory(t.db, t.org.id, { name: 'Graffiti' });
    const other = await createResident(t.db, t.org.id);
    const hidden = await createPublicReport(t.db, t.org.id, category.id, { userId: other.id, address: 'Versteckweg 1' });
    await t.db.updateTable('reports').set({ hidden: true }).where('id', '=', hidden).execute();
    await t.db
      .insertInto('report_followers')
      .values({ organization_id: t.org.id, report_id: hidden, email: world.email, unsubscribe_token_hash: hashToken(randomToken()) })
      .execute();
    await t.db.updateTable('reports').set({ reviewed_at: null, address: 'Hinterhof bei Familie Mustermann' }).where('id', '=', world.place).execute();
    const body = (await (await signedIn(world)).get('/konto')).body;
    expect(body).not.toContain('Versteckweg');
    expect(body).not.toContain(`/meldungen/${hidden}"`);
    expect(body).not.toContain('Mustermann');
    expect(section(body, 'bewertungen')).not.toContain(`href="/angstraeume/${world.place}"`);
  });

  it('pages my reports ten at a time and refuses a page that is no number', async () => {
    const world = await seedResident(t);
    const category = await createCategory(t.db, t.org.id, { name: 'Laterne' });
    for (let i = 0; i < 11; i++) await createPublicReport(t.db, t.org.id, category.id, { userId: world.userId, address: `Lampenweg ${i}` });
    const c = await signedIn(world);
    const first = section((await c.get('/konto')).body, 'meldungen');
    expect(first).toContain('Sie haben 13 Meldungen geschickt');
    expect(first.match(/class="k-report-card"/g)).toHaveLength(10);
    expect(first).toContain('Lampenweg 10');
    expect(first).toContain('href="/konto?meldungen=2"');
    expect(first).not.toContain('verfolgt=1');
    const second = section((await c.get('/konto?meldungen=2')).body, 'meldungen');
    expect(second.match(/class="k-report-card"/g)).toHaveLength(3);
    expect(second).toContain(`href="/meldungen/${world.ownReport}"`);
    expect(second).not.toContain('Lampenweg 10');
    expect((await c.get('/konto?meldungen=abc')).statusCode).toBe(400);
    expect((await c.get('/konto?meldungen=0')).statusCode).toBe(400);
  });

  it('shows nothing of another city, even for the same address', async () => {
    const world = await seedResident(t);
    const elsewhere = await createOrganization(t.db, { hosts: [`andere-${world.userId}.example`], name: 'Anderstadt' });
    const category = await createCategory(t.db, elsewhere.id, { name: 'Fremdkategorie' });
    const twin = await createResident(t.db, elsewhere.id, world.email);
    const theirs = await createPublicReport(t.db, elsewhere.id, category.id, { userId: twin.id, reporterEmail: world.email, address: 'Fremdweg 9' });
    const followedThere = await createPublicReport(t.db, elsewhere.id, category.id, { address: 'Fremdplatz 2' });
    await t.db
      .insertInto('report_followers')
      .values({ organization_id: elsewhere.id, report_id: followedThere, email: world.email, unsubscribe_token_hash: hashToken(randomToken()) })
      .execute();
    await t.db
      .insertInto('report_supporters')
      .values({ organization_id: elsewhere.id, report_id: followedThere, supporter_key: `u:${twin.id}`, user_id: twin.id })
      .execute();
    const body = (await (await signedIn(world)).get('/konto')).body;
    for (const text of ['Fremdweg', 'Fremdplatz', 'Fremdkategorie', `/meldungen/${theirs}"`, `/meldungen/${followedThere}"`]) expect(body).not.toContain(text);
    expect(section(body, 'meldungen')).toContain('Sie haben 2 Meldungen geschickt');
  });

  it('stops following from the page; the support stays', async () => {
    const world = await seedResident(t);
    const c = await signedIn(world);
    const res = await c.post('/konto/abschnitt/verfolgt', { report: String(world.neighbourReport) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/konto?ok=saved#konto-verfolgt');
    const follows = await t.db
      .selectFrom('report_followers')
      .select('email')
      .where('report_id', '=', world.neighbourReport)
      .where('email', '=', world.email)
      .execute();
    expect(follows).toHaveLength(0);
    const followed = section((await c.get('/konto?ok=saved')).body, 'verfolgt');
    expect(followed).toContain('Sie unterstützen');
    expect(followed).not.toContain('· Sie folgen');
    expect(followed).not.toContain('Nicht mehr folgen');
    // An id that is not followed (or not a number) changes nothing and breaks nothing.
    expect((await c.post('/konto/abschnitt/verfolgt', { report: 'x' })).statusCode).toBe(303);
  });

  it('stores the mail settings, shows them, and brings a wrong value back marked with the input kept', async () => {
    const world = await seedResident(t);
    const c = await signedIn(world);
    const settings = () => mailSettingsOf(t.db, t.org.id, world.userId);
    expect(await settings()).toEqual({ statusMails: true, questionnaire: true, digest: 'immediately' });
    expect(section((await c.get('/konto')).body, 'benachrichtigungen')).toMatch(/id="f-digest-immediately"[^>]*checked/);

    const saved = await c.post('/konto/abschnitt/benachrichtigungen', { mails: ['status'], digest: 'daily' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/konto?ok=saved#konto-benachrichtigungen');
    expect(await settings()).toEqual({ statusMails: true, questionnaire: false, digest: 'daily' });
    const shown = (await c.get('/konto?ok=saved')).body;
    expect(shown).toContain('Gespeichert.');
    const form = section(shown, 'benachrichtigungen');
    expect(form).toMatch(/id="f-digest-daily"[^>]*checked/);
    expect(form).toMatch(/value="status"[^>]*checked/);
    expect(form).not.toMatch(/value="questionnaire"[^>]*checked/);

    const wrong = await c.post('/konto/abschnitt/benachrichtigungen', { mails: ['questionnaire'], digest: 'stündlich' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('k-error-summary');
    expect(wrong.body).toContain('href="#f-digest"');
    expect(wrong.body).toContain('Bitte wählen Sie, wie oft Neuigkeiten kommen sollen.');
    const kept = section(wrong.body, 'benachrichtigungen');
    expect(kept).toMatch(/value="questionnaire"[^>]*checked/);
    expect(kept).not.toMatch(/value="status"[^>]*checked/);
    expect(kept).toContain('aria-describedby="f-digest-hint f-digest-error"');
    expect(await settings()).toEqual({ statusMails: true, questionnaire: false, digest: 'daily' });

    // Another account's settings stay as they were.
    const other = await seedResident(t);
    expect(await mailSettingsOf(t.db, t.org.id, other.userId)).toEqual({ statusMails: true, questionnaire: true, digest: 'immediately' });
  });

  it('refuses a form without its token and an unknown section', async () => {
    const world = await seedResident(t);
    const c = await signedIn(world);
    expect((await c.post('/konto/abschnitt/benachrichtigungen', { digest: 'weekly' }, { csrf: false })).statusCode).toBe(403);
    expect((await c.post('/konto/abschnitt/unbekannt', {})).statusCode).toBe(404);
    expect((await c.post('/konto/abschnitt/meldungen', {})).statusCode).toBe(404);
    expect((await mailSettingsOf(t.db, t.org.id, world.userId)).digest).toBe('immediately');
  });

  it('offers the name given on a report while the account has none, and takes it only by the button', async () => {
    const world = await seedResident(t);
    await t.db.updateTable('users').set({ display_name: '' }).where('id', '=', world.userId).execute();
    const c = await signedIn(world);
    const name = () => t.db.selectFrom('users').select('display_name').where('id', '=', world.userId).executeTakeFirstOrThrow();
    const page = (await c.get('/konto')).body;
    expect(page).toContain(`Den Namen „${PERSON.name}“ aus Ihrer Meldung übernehmen`);
    expect((await name()).display_name).toBe('');

    // A form that names another name (an old page, or a forged one) changes nothing.
    const stale = await c.post('/konto/name-uebernehmen', { name: 'Jemand Anders' });
    expect(stale.statusCode).toBe(303);
    expect(stale.headers.location).toBe('/konto');
    expect((await name()).display_name).toBe('');

    const taken = await c.post('/konto/name-uebernehmen', { name: PERSON.name });
    expect(taken.headers.location).toBe('/konto?ok=name');
    expect((await name()).display_name).toBe(PERSON.name);
    const after = (await c.get('/konto?ok=name')).body;
    expect(after).toContain(`Der Name „${PERSON.name}“ steht jetzt in Ihrem Konto.`);
    expect(after).not.toContain('aus Ihrer Meldung übernehmen');
  });

  it('offers no name when the account has one, or when no report carries one', async () => {
    const named = await seedResident(t);
    expect((await (await signedIn(named)).get('/konto')).body).not.toContain('aus Ihrer Meldung übernehmen');
    const world = await seedResident(t);
    await t.db.updateTable('users').set({ display_name: '' }).where('id', '=', world.userId).execute();
    await t.db
      .updateTable('reports')
      .set({ reporter_name: sql`''` })
      .where('organization_id', '=', t.org.id)
      .where((eb) => eb.or([eb('user_id', '=', world.userId), eb('reporter_email', '=', world.email)]))
      .execute();
    const c = await signedIn(world);
    expect((await c.get('/konto')).body).not.toContain('aus Ihrer Meldung übernehmen');
    await c.post('/konto/name-uebernehmen', { name: PERSON.name });
    expect((await t.db.selectFrom('users').select('display_name').where('id', '=', world.userId).executeTakeFirstOrThrow()).display_name).toBe('');
  });
});
