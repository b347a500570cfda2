import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../../test/helpers/app';
import { createDepartment, createOrganization, createResident, createStaff } from '../../../../test/helpers/factories';
import { MODULES, moduleRegistry } from '../../../module-list';
import { addTestItem, testItemModule, testItems } from './comments.test-support';

// Comments on any item kind, through a kind registered only for the test ('testding', comments.test-support.tsx).

let t: TestApp;
let resident: Awaited<ReturnType<typeof createResident>>;
let other: Awaited<ReturnType<typeof createResident>>;

async function signedIn(user: { id: number }, level: 'resident' | 'staff' = 'resident'): Promise<Client> {
  const c = new Client(t);
  await c.signInAs(user.id, level);
  return c;
}

async function commentsOn(itemId: number) {
  return t.db.selectFrom('participation_comments').selectAll().where('item_kind', '=', 'testding').where('item_id', '=', itemId).orderBy('id').execute();
}

beforeAll(async () => {
  t = await createTestApp({}, undefined, moduleRegistry([...MODULES, testItemModule]));
  resident = await createResident(t.db, t.org.id);
  other = await createResident(t.db, t.org.id);
  await t.db.updateTable('users').set({ display_name: 'Erika Muster' }).where('id', '=', other.id).execute();
});
afterAll(() => t.close());

describe('posting', () => {
  it('saves a comment and redirects to it on the item page, as "Anwohner*in" or with the chosen name', async () => {
    const item = addTestItem({ organizationId: t.org.id });
    const c = await signedIn(resident);
    const res = await c.post(`/beteiligung/kommentare/testding/${item}`, { text: 'Mehr Bänke am Phoenix-See!' });
    expect(res.statusCode).toBe(303);
    const [saved] = await commentsOn(item);
    expect(res.headers.location).toBe(`/testdinge/${item}#kommentar-${saved!.id}`);
    const named = await (await signedIn(other)).post(`/beteiligung/kommentare/testding/${item}`, { text: 'Und Schatten', show_name: '1' });
    expect(named.statusCode).toBe(303);
    const page = await c.get(`/testdinge/${item}`);
    expect(page.body).toContain('Mehr Bänke am Phoenix-See!');
    expect(page.body).toMatch(/k-comment__author" dir="auto">Anwohner\*in</);
    expect(page.body).toMatch(/k-comment__author" dir="auto">Erika Muster</);
    expect(page.body).toContain('2 Kommentare');
  });

  it('shows the form again with the field marked and the choice kept when the text is missing (422), saving nothing', async () => {
    const item = addTestItem({ organizationId: t.org.id });
    const res = await (await signedIn(other)).post(`/beteiligung/kommentare/testding/${item}`, { text: '  ', show_name: '1' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Bitte schreiben Sie Ihren Kommentar.');
    expect(res.body).toContain('aria-invalid="true"');
    expect(res.body).toMatch(/id="f-name"[^>]*checked/);
    expect(await commentsOn(item)).toHaveLength(0);
  });

  it('allows one level of replies: a reply to a reply is refused and nothing is saved', async () => {
    const item = addTestItem({ organizationId: t.org.id });
    const c = await signedIn(resident);
    await c.post(`/beteiligung/kommentare/testding/${item}`, { text: 'Oben' });
    const [top] = await commentsOn(item);
    const reply = await c.post(`/beteiligung/kommentare/testding/${item}`, { text: 'Antwort', parent: String(top!.id) });
    expect(reply.statusCode).toBe(303);
    const replyRow = (await commentsOn(item))[1]!;
    expect(replyRow.parent_id).toBe(top!.id);
    const deeper = await c.post(`/beteiligung/kommentare/testding/${item}`, { text: 'Zu tief', parent: String(replyRow.id) });
    expect(deeper.statusCode).toBe(400);
    expect(await commentsOn(item)).toHaveLength(2);
    // A parent of another item is not found.
    const elsewhere = addTestItem({ organizationId: t.org.id });
    expect((await c.post(`/beteiligung/kommentare/testding/${elsewhere}`, { text: 'x', parent: String(top!.id) })).statusCode).toBe(404);
    // The page offers "Antworten" under the top-level comment only.
    const page = await c.get(`/testdinge/${item}`);
    expect(page.body.match(/<summary>Antworten<span/g)).toHaveLength(1);
  });

  it('refuses closed comments, an item of another city and an unknown kind; anonymous posts go to sign in', async () => {
    const closed = addTestItem({ organizationId: t.org.id, commentsOpen: false });
    const c = await signedIn(resident);
    expect((await c.post(`/beteiligung/kommentare/testding/${closed}`, { text: 'Hallo' })).statusCode).toBe(403);
    const page = await c.get(`/testdinge/${closed}`);
    expect(page.body).toContain('Hier kann nicht mehr kommentiert werden.');
    expect(page.body).not.toContain('Kommentar senden');
    const otherCity = await createOrganization(t.db);
    const foreign = addTestItem({ organizationId: otherCity.id });
    expect((await c.post(`/beteiligung/kommentare/testding/${foreign}`, { text: 'Hallo' })).statusCode).toBe(404);
    expect((await c.get(`/beteiligung/kommentare/testding/${foreign}`)).statusCode).toBe(404);
    expect((await c.post(`/beteiligung/kommentare/unbekannt/${closed}`, { text: 'Hallo' })).statusCode).toBe(404);
    const anonymous = await new Client(t).post(`/beteiligung/kommentare/testding/${closed}`, { text: 'Hallo' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/anmelden/);
    expect(await commentsOn(closed)).toHaveLength(0);
    expect(await commentsOn(foreign)).toHaveLength(0);
  });

  it('decides the item’s rule on the server: refused → 403 and nothing saved; the page shows what to do instead', async () => {
    const item = addTestItem({ organizationId: t.org.id, commentRule: { who: 'verified', districtIds: [], ageMin: null, ageMax: null, referenceDate: null } });
    const c = await signedIn(resident);
    expect((await c.post(`/beteiligung/kommentare/testding/${item}`, { text: 'Ich will mitreden' })).statusCode).toBe(403);
    expect(await commentsOn(item)).toHaveLength(0);
    const page = await c.get(`/testdinge/${item}`);
    expect(page.body).toContain('data-refusal="verify"');
    expect(page.body).not.toContain('Kommentar senden');
    const visitor = await new Client(t).get(`/testdinge/${item}`);
    expect(visitor.body).toContain('data-refusal="sign_in"');
  });

  it('limits how fast one account comments (429 after ten in ten minutes)', async () => {
    const item = addTestItem({ organizationId: t.org.id });
    const fast = await createResident(t.db, t.org.id);
    const c = await signedIn(fast);
    for (let i = 0; i < 10; i++) expect((await c.post(`/beteiligung/kommentare/testding/${item}`, { text: `Nummer ${i}` })).statusCode).toBe(303);
    expect((await c.post(`/beteiligung/kommentare/testding/${item}`, { text: 'Eins zu viel' })).statusCode).toBe(429);
    expect(await commentsOn(item)).toHaveLength(10);
  });
});

describe('editing', () => {
  it('lets the author change the text for 15 minutes, checked on the server', async () => {
    const item = addTestItem({ organizationId: t.org.id });
    const c = await signedIn(resident);
    await c.post(`/beteiligung/kommentare/testding/${item}`, { text: 'Tippfeler' });
    const [comment] = await commentsOn(item);
    expect((await (await signedIn(other)).post(`/beteiligung/kommentar/${comment!.id}/bearbeiten`, { text: 'Fremd' })).statusCode).toBe(404);
    const edited = await c.post(`/beteiligung/kommentar/${comment!.id}/bearbeiten`, { text: 'Tippfehler' });
    expect(edited.statusCode).toBe(303);
    expect((await commentsOn(item))[0]).toMatchObject({ body: 'Tippfehler' });
    expect((await c.get(`/testdinge/${item}`)).body).toContain('(bearbeitet)');
    await sql`UPDATE participation_comments SET created_at = now() - interval '16 minutes' WHERE id = ${comment!.id}`.execute(t.db);
    const late = await c.post(`/beteiligung/kommentar/${comment!.id}/bearbeiten`, { text: 'Zu spät' });
    expect(late.statusCode).toBe(403);
    expect(late.body).toContain('Zu spät');
    expect((await commentsOn(item))[0]).toMatchObject({ body: 'Tippfehler' });
    expect((await c.get(`/testdinge/${item}`)).body).not.toContain('<summary>Bearbeiten');
  });

  it('refuses an edit while the comment has an open flag and once it is hidden, so a flagged text stays as reported', async () => {
    const item = addTestItem({ organizationId: t.org.id });
    const author = await createResident(t.db, t.org.id);
    const c = await signedIn(author);
    await c.post(`/beteiligung/kommentare/testding/${item}`, { text: 'Anstößig' });
    const [comment] = await commentsOn(item);
    expect((await (await signedIn(other)).post(`/beteiligung/kommentar/${comment!.id}/melden`, { reason: 'beleidigend' })).statusCode).toBe(303);
    const flagged = await c.post(`/beteiligung/kommentar/${comment!.id}/bearbeiten`, { text: 'Harmlos' });
    expect(flagged.statusCode).toBe(403);
    expect(flagged.body).toContain('Dieser Kommentar wurde gemeldet oder ausgeblendet');
    expect((await commentsOn(item))[0]).toMatchObject({ body: 'Anstößig', edited_at: null });
    expect((await c.get(`/testdinge/${item}`)).body).not.toContain('<summary>Bearbeiten');
    // Flags dismissed: editable again within the window; hidden: never.
    await t.db
      .updateTable('participation_comment_flags')
      .set({ resolved_at: new Date(), resolution: 'dismissed' })
      .where('comment_id', '=', comment!.id)
      .execute();
    expect((await c.post(`/beteiligung/kommentar/${comment!.id}/bearbeiten`, { text: 'Sachlich' })).statusCode).toBe(303);
    await t.db.updateTable('participation_comments').set({ hidden_at: new Date(), hidden_reason: 'Test' }).where('id', '=', comment!.id).execute();
    expect((await c.post(`/beteiligung/kommentar/${comment!.id}/bearbeiten`, { text: 'Versteckt geändert' })).statusCode).toBe(403);
    expect((await commentsOn(item))[0]).toMatchObject({ body: 'Sachlich' });
  });

  it('refuses an edit once comments are closed or the author no longer meets the rule, and limits how often one edits', async () => {
    const id = addTestItem({ organizationId: t.org.id });
    const author = await createResident(t.db, t.org.id);
    const c = await signedIn(author);
    await c.post(`/beteiligung/kommentare/testding/${id}`, { text: 'Erst' });
    const [comment] = await commentsOn(id);
    const entry = testItems.get(id)!;
    entry.commentsOpen = false;
    expect((await c.post(`/beteiligung/kommentar/${comment!.id}/bearbeiten`, { text: 'Geschlossen' })).statusCode).toBe(403);
    entry.commentsOpen = true;
    entry.commentRule = { who: 'verified', districtIds: [], ageMin: null, ageMax: null, referenceDate: null };
    expect((await c.post(`/beteiligung/kommentar/${comment!.id}/bearbeiten`, { text: 'Unverifiziert' })).statusCode).toBe(403);
    entry.commentRule = { who: 'signed_in' };
    for (let i = 0; i < 20; i++) expect((await c.post(`/beteiligung/kommentar/${comment!.id}/bearbeiten`, { text: `Fassung ${i}` })).statusCode).toBe(303);
    expect((await c.post(`/beteiligung/kommentar/${comment!.id}/bearbeiten`, { text: 'Eine zu viel' })).statusCode).toBe(429);
    expect((await commentsOn(id))[0]).toMatchObject({ body: 'Fassung 19' });
  });
});

describe('flags and moderation', () => {
  it('takes one flag per person, lists it for moderators, hides with a public reason (logged) and shows again', async () => {
    const item = addTestItem({ organizationId: t.org.id, title: 'Spielplatz Nordmarkt' });
    await (await signedIn(resident)).post(`/beteiligung/kommentare/testding/${item}`, { text: 'Beleidigung!' });
    const [comment] = await commentsOn(item);
    const flagger = await signedIn(other);
    expect((await flagger.post(`/beteiligung/kommentar/${comment!.id}/melden`, { reason: '' })).statusCode).toBe(422);
    expect((await flagger.post(`/beteiligung/kommentar/${comment!.id}/melden`, { reason: 'beleidigend' })).statusCode).toBe(303);
    expect((await flagger.post(`/beteiligung/kommentar/${comment!.id}/melden`, { reason: 'nochmal' })).statusCode).toBe(303);
    const flags = await t.db.selectFrom('participation_comment_flags').selectAll().where('comment_id', '=', comment!.id).execute();
    expect(flags.map((f) => f.reason)).toEqual(['beleidigend']);
    expect((await flagger.get(`/testdinge/${item}`)).body).toContain('Sie haben diesen Kommentar gemeldet.');

    expect((await flagger.get('/verwaltung/moderation')).statusCode).toBe(403);
    const moderator = await createStaff(t.db, t.config.secret, t.org.id, 'moderator');
    const staff = await signedIn(moderator, 'staff');
    const queue = await staff.get('/verwaltung/moderation');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('Spielplatz Nordmarkt');
    expect(queue.body).toContain('beleidigend');
    expect((await staff.post(`/verwaltung/moderation/${comment!.id}/ausblenden`, { reason: '' })).statusCode).toBe(422);
    const hidden = await staff.post(`/verwaltung/moderation/${comment!.id}/ausblenden`, { reason: 'Beleidigung entfernt' });
    expect(hidden.statusCode).toBe(303);
    const page = await new Client(t).get(`/testdinge/${item}`);
    expect(page.body).toContain('Ausgeblendet von der Moderation: Beleidigung entfernt');
    expect(page.body).not.toContain('Beleidigung!');
    expect(page.body).toContain('Noch keine Kommentare');
    // A hidden comment takes no replies (the page offers none; a post sent anyway is refused).
    expect((await flagger.post(`/beteiligung/kommentare/testding/${item}`, { text: 'Antwort', parent: String(comment!.id) })).statusCode).toBe(400);
    expect((await staff.get('/verwaltung/moderation')).body).not.toContain(`data-comment="${comment!.id}"`);
    expect((await staff.get('/verwaltung/moderation?ansicht=ausgeblendet')).body).toContain(`data-comment="${comment!.id}"`);
    expect((await staff.post(`/verwaltung/moderation/${comment!.id}/einblenden`)).statusCode).toBe(303);
    expect((await new Client(t).get(`/testdinge/${item}`)).body).toContain('Beleidigung!');
    const log = await t.db.selectFrom('audit_log').select(['action', 'actor_user_id']).where('subject', '=', String(comment!.id)).orderBy('id').execute();
    expect(log.map((l) => l.action)).toEqual(['participation.comment.hide', 'participation.comment.show']);
    expect(log.every((l) => l.actor_user_id === moderator.id)).toBe(true);
  });

  it('dismisses flags (logged) and answers 404 for another city’s comment', async () => {
    const item = addTestItem({ organizationId: t.org.id });
    await (await signedIn(resident)).post(`/beteiligung/kommentare/testding/${item}`, { text: 'Harmlos' });
    const [comment] = await commentsOn(item);
    await (await signedIn(other)).post(`/beteiligung/kommentar/${comment!.id}/melden`, { reason: 'Spam?' });
    const admin = await signedIn(await createStaff(t.db, t.config.secret, t.org.id, 'admin'), 'staff');
    expect((await admin.post(`/verwaltung/moderation/${comment!.id}/verwerfen`)).statusCode).toBe(303);
    expect((await admin.get('/verwaltung/moderation')).body).not.toContain(`data-comment="${comment!.id}"`);
    expect((await new Client(t).get(`/testdinge/${item}`)).body).toContain('Harmlos');
    const log = await t.db.selectFrom('audit_log').select('action').where('subject', '=', String(comment!.id)).execute();
    expect(log.map((l) => l.action)).toEqual(['participation.comment.dismiss_flags']);
    const otherCity = await createOrganization(t.db);
    const foreignItem = addTestItem({ organizationId: otherCity.id });
    const { rows } = await sql<{ id: number }>`INSERT INTO participation_comments (organization_id, item_kind, item_id, body)
      VALUES (${otherCity.id}, 'testding', ${foreignItem}, 'Anderswo') RETURNING id`.execute(t.db);
    expect((await admin.post(`/verwaltung/moderation/${rows[0]!.id}/ausblenden`, { reason: 'x' })).statusCode).toBe(404);
    expect((await (await signedIn(other)).post(`/beteiligung/kommentar/${rows[0]!.id}/melden`, { reason: 'x' })).statusCode).toBe(404);
  });
});

describe('official answers', () => {
  it('are given by staff of the item’s department or admins only, and shown as such', async () => {
    const department = await createDepartment(t.db, t.org.id);
    const elsewhere = await createDepartment(t.db, t.org.id);
    const item = addTestItem({ organizationId: t.org.id, departmentId: department.id });
    const own = await signedIn(await createStaff(t.db, t.config.secret, t.org.id, 'department_staff', { departmentIds: [department.id] }), 'staff');
    const foreign = await signedIn(await createStaff(t.db, t.config.secret, t.org.id, 'department_staff', { departmentIds: [elsewhere.id] }), 'staff');
    expect((await own.get(`/testdinge/${item}`)).body).toContain('Als offizielle Antwort der Stadt kennzeichnen');
    expect((await foreign.get(`/testdinge/${item}`)).body).not.toContain('Als offizielle Antwort');
    expect((await foreign.post(`/beteiligung/kommentare/testding/${item}`, { text: 'Nicht zuständig', official: '1' })).statusCode).toBe(403);
    expect((await (await signedIn(resident)).post(`/beteiligung/kommentare/testding/${item}`, { text: 'Ich bin die Stadt', official: '1' })).statusCode).toBe(
      403,
    );
    expect(await commentsOn(item)).toHaveLength(0);
    expect((await own.post(`/beteiligung/kommentare/testding/${item}`, { text: 'Wir prüfen das bis Mai.', official: '1' })).statusCode).toBe(303);
    const [answer] = await commentsOn(item);
    expect(answer).toMatchObject({ official: true });
    const page = await new Client(t).get(`/testdinge/${item}`);
    expect(page.body).toContain('k-comment k-comment--official');
    expect(page.body).toContain('Offizielle Antwort der Stadt');
    const admin = await signedIn(await createStaff(t.db, t.config.secret, t.org.id, 'admin'), 'staff');
    expect((await admin.post(`/beteiligung/kommentare/testding/${item}`, { text: 'Ergänzung', official: '1' })).statusCode).toBe(303);
  });
});
