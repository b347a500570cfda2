import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../../test/helpers/app';
import { createResident } from '../../../../test/helpers/factories';
import { MODULES, moduleRegistry } from '../../../module-list';
import type { ModuleRegistry } from '../../../platform/module';
import { personalData } from '../../../platform/personal-data';
import { recordItemEvent } from './comments.service';
import { addTestItem, testItemModule } from './comments.test-support';
import { sendParticipationDigests } from './digest';

// Follows and the digest mail, over the test kind 'testding' (comments.test-support.tsx).

let t: TestApp;
let modules: ModuleRegistry;
const send = () => sendParticipationDigests({ db: t.db, modules, secret: t.config.secret, publicUrl: t.config.publicUrl });

async function signedIn(user: { id: number }): Promise<Client> {
  const c = new Client(t);
  await c.signInAs(user.id, 'resident');
  return c;
}

async function mailsTo(email: string) {
  return t.db.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', email).orderBy('id').execute();
}

beforeAll(async () => {
  modules = moduleRegistry([...MODULES, testItemModule]);
  t = await createTestApp({}, undefined, modules);
});
afterAll(() => t.close());

describe('following', () => {
  it('follows and unfollows with form buttons, only signed in, only items of this city', async () => {
    const item = addTestItem({ organizationId: t.org.id });
    const person = await createResident(t.db, t.org.id);
    const c = await signedIn(person);
    expect((await c.get(`/testdinge/${item}`)).body).toContain('>Folgen</button>');
    const res = await c.post(`/beteiligung/verfolgen/testding/${item}`, { follow: '1' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/testdinge/${item}#verfolgen`);
    expect((await c.get(`/testdinge/${item}`)).body).toContain('Nicht mehr folgen');
    await c.post(`/beteiligung/verfolgen/testding/${item}`, { follow: '0' });
    expect((await c.get(`/testdinge/${item}`)).body).toContain('>Folgen</button>');
    expect((await new Client(t).post(`/beteiligung/verfolgen/testding/${item}`, { follow: '1' })).statusCode).toBe(303);
    expect((await c.post(`/beteiligung/verfolgen/testding/999999`, { follow: '1' })).statusCode).toBe(404);
    const follows = await t.db.selectFrom('participation_follows').selectAll().where('item_id', '=', item).execute();
    expect(follows).toHaveLength(0);
  });
});

describe('Mein Konto', () => {
  it('lists the followed items with a button to stop following that leads back to the account page', async () => {
    const item = addTestItem({ organizationId: t.org.id, title: 'Brunnen am Markt' });
    const person = await createResident(t.db, t.org.id);
    const c = await signedIn(person);
    expect((await c.get('/konto')).body).not.toContain('Verfolgte Beiträge');
    await c.post(`/beteiligung/verfolgen/testding/${item}`, { follow: '1' });
    const page = await c.get('/konto');
    expect(page.body).toContain('Verfolgte Beiträge');
    expect(page.body).toContain(`<a href="/testdinge/${item}" dir="auto">Brunnen am Markt</a>`);
    const res = await c.post(`/beteiligung/verfolgen/testding/${item}`, { follow: '0', return: '/konto#konto-beteiligung-verfolgt' });
    expect(res.headers.location).toBe('/konto#konto-beteiligung-verfolgt');
    expect((await c.get('/konto')).body).not.toContain('Brunnen am Markt');
    // Any other way back is not taken.
    await c.post(`/beteiligung/verfolgen/testding/${item}`, { follow: '1' });
    expect((await c.post(`/beteiligung/verfolgen/testding/${item}`, { follow: '0', return: '//evil.example' })).headers.location).toBe(
      `/testdinge/${item}#verfolgen`,
    );
  });
});

describe('the digest mail', () => {
  it('groups every followed item’s news in one mail, leaves out the person’s own comments, and sends nothing when nothing happened', async () => {
    const idea = addTestItem({ organizationId: t.org.id, title: 'Bänke am See' });
    const square = addTestItem({ organizationId: t.org.id, title: 'Platz neu gestalten' });
    const quiet = addTestItem({ organizationId: t.org.id, title: 'Ruhiges Ding' });
    const follower = await createResident(t.db, t.org.id);
    const idle = await createResident(t.db, t.org.id);
    const writer = await createResident(t.db, t.org.id);
    const f = await signedIn(follower);
    for (const id of [idea, square, quiet]) await f.post(`/beteiligung/verfolgen/testding/${id}`, { follow: '1' });
    await (await signedIn(idle)).post(`/beteiligung/verfolgen/testding/${quiet}`, { follow: '1' });
    // Nothing has happened yet: no mail.
    expect(await send()).toBe(0);

    await (await signedIn(writer)).post(`/beteiligung/kommentare/testding/${idea}`, { text: 'Eins' });
    await (await signedIn(writer)).post(`/beteiligung/kommentare/testding/${idea}`, { text: 'Zwei' });
    await f.post(`/beteiligung/kommentare/testding/${idea}`, { text: 'Mein eigener' });
    await t.db.transaction().execute((trx) => recordItemEvent(trx, t.org.id, 'testding', square, { type: 'status', data: { status: 'angenommen' } }));
    expect(await send()).toBe(1);
    const [mail] = await mailsTo(follower.email);
    expect(mail!.subject).toBe(`Neuigkeiten zu 2 Beiträgen – ${t.org.name}`);
    expect(mail!.text_body).toContain('„Bänke am See“');
    expect(mail!.text_body).toContain('- 2 neue Kommentare');
    expect(mail!.text_body).toContain('„Platz neu gestalten“');
    expect(mail!.text_body).toContain('- Status: angenommen');
    expect(mail!.text_body).not.toContain('Ruhiges Ding');
    expect(mail!.text_body).not.toContain('Mein eigener');
    expect(await mailsTo(idle.email)).toHaveLength(0);
    // The writer followed nothing; and the same news is never told twice.
    expect(await mailsTo(writer.email)).toHaveLength(0);
    expect(await send()).toBe(0);

    // At most daily: new news waits for the period, then comes in the next digest.
    // (The idle follower had no digest yet, so theirs goes now.)
    await (await signedIn(writer)).post(`/beteiligung/kommentare/testding/${quiet}`, { text: 'Endlich' });
    expect(await send()).toBe(1);
    expect((await mailsTo(idle.email)).at(-1)!.text_body).toContain('„Ruhiges Ding“');
    expect(await mailsTo(follower.email)).toHaveLength(1);
    await sql`UPDATE participation_digests SET last_sent_at = now() - interval '1 day' WHERE user_id = ${follower.id}`.execute(t.db);
    expect(await send()).toBe(1);
    expect((await mailsTo(follower.email)).at(-1)!.text_body).toContain('- 1 neuer Kommentar');
  });

  it('does not announce comments hidden or deleted before the digest goes, and passes over their news for good', async () => {
    const item = addTestItem({ organizationId: t.org.id, title: 'Gemeldetes Ding' });
    const follower = await createResident(t.db, t.org.id);
    const writer = await createResident(t.db, t.org.id);
    await (await signedIn(follower)).post(`/beteiligung/verfolgen/testding/${item}`, { follow: '1' });
    const w = await signedIn(writer);
    await w.post(`/beteiligung/kommentare/testding/${item}`, { text: 'Beleidigung' });
    await w.post(`/beteiligung/kommentare/testding/${item}`, { text: 'Gelöscht' });
    const rows = await t.db
      .selectFrom('participation_comments')
      .select('id')
      .where('item_kind', '=', 'testding')
      .where('item_id', '=', item)
      .orderBy('id')
      .execute();
    await t.db.updateTable('participation_comments').set({ hidden_at: new Date(), hidden_reason: 'beleidigend' }).where('id', '=', rows[0]!.id).execute();
    await t.db.updateTable('participation_comments').set({ removed_at: new Date() }).where('id', '=', rows[1]!.id).execute();
    expect(await send()).toBe(0);
    expect(await mailsTo(follower.email)).toHaveLength(0);
    await w.post(`/beteiligung/kommentare/testding/${item}`, { text: 'Sachlich' });
    expect(await send()).toBe(1);
    expect((await mailsTo(follower.email))[0]!.text_body).toContain('- 1 neuer Kommentar');
  });

  it('waits a week for weekly digests and writes in the account’s language', async () => {
    const item = addTestItem({ organizationId: t.org.id, title: 'Weekly thing' });
    const person = await createResident(t.db, t.org.id);
    await t.db.updateTable('users').set({ locale: 'pl' }).where('id', '=', person.id).execute();
    await sql`INSERT INTO account_mail_settings (organization_id, user_id, digest) VALUES (${t.org.id}, ${person.id}, 'weekly')`.execute(t.db);
    await (await signedIn(person)).post(`/beteiligung/verfolgen/testding/${item}`, { follow: '1' });
    await sql`INSERT INTO participation_item_events (organization_id, item_kind, item_id, event_type) VALUES (${t.org.id}, 'testding', ${item}, 'comment')`.execute(
      t.db,
    );
    expect(await send()).toBe(1);
    expect((await mailsTo(person.email))[0]!.text_body).toContain('podsumowanie tygodnia');
    await sql`INSERT INTO participation_item_events (organization_id, item_kind, item_id, event_type) VALUES (${t.org.id}, 'testding', ${item}, 'comment')`.execute(
      t.db,
    );
    await sql`UPDATE participation_digests SET last_sent_at = now() - interval '2 days' WHERE user_id = ${person.id}`.execute(t.db);
    expect(await send()).toBe(0);
    await sql`UPDATE participation_digests SET last_sent_at = now() - interval '7 days' WHERE user_id = ${person.id}`.execute(t.db);
    expect(await send()).toBe(1);
  });

  it('sends once when two runs work at the same time', async () => {
    const item = addTestItem({ organizationId: t.org.id, title: 'Gleichzeitig' });
    const people = await Promise.all([1, 2, 3].map(() => createResident(t.db, t.org.id)));
    for (const p of people) await (await signedIn(p)).post(`/beteiligung/verfolgen/testding/${item}`, { follow: '1' });
    await recordItemEvent(t.db, t.org.id, 'testding', item, { type: 'official_answer' });
    const [a, b] = await Promise.all([send(), send()]);
    expect(a + b).toBe(3);
    for (const p of people) expect(await mailsTo(p.email)).toHaveLength(1);
  });

  it('carries a one-click unsubscribe link per item that ends that follow only', async () => {
    const first = addTestItem({ organizationId: t.org.id, title: 'Erstes' });
    const second = addTestItem({ organizationId: t.org.id, title: 'Zweites' });
    const person = await createResident(t.db, t.org.id);
    const c = await signedIn(person);
    for (const id of [first, second]) await c.post(`/beteiligung/verfolgen/testding/${id}`, { follow: '1' });
    for (const id of [first, second]) await recordItemEvent(t.db, t.org.id, 'testding', id, { type: 'status' });
    expect(await send()).toBe(1);
    const text = (await mailsTo(person.email))[0]!.text_body;
    expect(text).toContain('- Der Stand hat sich geändert.');
    const links = [...text.matchAll(/\/beteiligung\/abbestellen\/([A-Za-z0-9_.-]+)\?lang=de/g)].map((m) => m[1]!);
    expect(links).toHaveLength(2);
    const visitor = new Client(t);
    const page = await visitor.get(`/beteiligung/abbestellen/${links[0]}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Keine E-Mails mehr zu „Erstes“ bekommen?');
    expect((await visitor.post(`/beteiligung/abbestellen/${links[0]}`)).body).toContain('Sie bekommen keine E-Mails mehr zu „Erstes“.');
    expect((await visitor.get(`/beteiligung/abbestellen/${links[0]}`)).statusCode).toBe(410);
    expect((await visitor.get(`/beteiligung/abbestellen/${links[0]!.slice(0, -2)}xx`)).statusCode).toBe(410);
    const left = await t.db.selectFrom('participation_follows').select('item_id').where('user_id', '=', person.id).execute();
    expect(left.map((r) => r.item_id)).toEqual([second]);
  });
});

describe('personal data', () => {
  it('exports comments, flags and follows, and erasure anonymises comments and ends flags and follows', async () => {
    const item = addTestItem({ organizationId: t.org.id });
    const person = await createResident(t.db, t.org.id);
    const c = await signedIn(person);
    await c.post(`/beteiligung/kommentare/testding/${item}`, { text: 'Mein Beitrag', show_name: '1' });
    await c.post(`/beteiligung/verfolgen/testding/${item}`, { follow: '1' });
    const someone = await createResident(t.db, t.org.id);
    await (await signedIn(someone)).post(`/beteiligung/kommentare/testding/${item}`, { text: 'Fremder Beitrag' });
    const foreign = await t.db.selectFrom('participation_comments').select('id').where('author_id', '=', someone.id).executeTakeFirstOrThrow();
    await c.post(`/beteiligung/kommentar/${foreign.id}/melden`, { reason: 'Werbung' });
    const source = modules.contributions(personalData).find((s) => s.name === 'participation-comments')!;
    const who = { organizationId: t.org.id, userId: person.id, email: person.email };
    const exported = await source.exportFor(t.db, who);
    expect(JSON.stringify(exported.json.map((j) => j.data))).toMatch(/Mein Beitrag.*Werbung.*testding/s);
    const result = await t.db.transaction().execute((trx) => source.erase(trx, who, 'anonymise'));
    expect(result.counts).toMatchObject({ participation_comments: 1, participation_flags: 1, participation_follows: 1 });
    const mine = await t.db.selectFrom('participation_comments').selectAll().where('body', '=', 'Mein Beitrag').executeTakeFirstOrThrow();
    expect(mine).toMatchObject({ author_id: null, show_name: false });
    await (await signedIn(someone)).post(`/beteiligung/kommentare/testding/${item}`, { text: 'Noch einer' });
    const removed = await t.db.transaction().execute((trx) => source.erase(trx, { ...who, userId: someone.id, email: someone.email }, 'remove'));
    expect(removed.counts.participation_comments).toBe(2);
    const page = await new Client(t).get(`/testdinge/${item}`);
    expect(page.body).toContain('Dieser Kommentar wurde gelöscht.');
    expect(page.body).not.toContain('Fremder Beitrag');
    expect(page.body).toContain('Mein Beitrag');
  });
});
