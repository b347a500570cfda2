import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../../test/helpers/app';
import { createCategory } from '../../../../test/helpers/factories';
import { hashToken, randomToken } from '../../../platform/security/tokens';
import { addFollower } from '../report.queries';
import { eventAgo, makeReport } from './notifications.test-support';
import { eventLine, sendStatusMails, unsubscribeToken, verifyUnsubscribeToken } from './status-mail';

let t: TestApp;
let categoryId: number;
const deps = () => ({ db: t.db, secret: t.config.secret, publicUrl: t.config.publicUrl });
const mailsTo = (to: string) => t.db.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', to).orderBy('id').execute();

beforeAll(async () => {
  t = await createTestApp();
  categoryId = (await createCategory(t.db, t.org.id, { name: 'Schlagloch' })).id;
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.deleteFrom('outbox').execute();
});

describe('status emails', () => {
  it('sends one mail for several changes within 10 minutes, a second for a later change, never internal events', async () => {
    const id = await makeReport(t.db, t.org.id, categoryId, { email: 'batch@example.de' });
    await addFollower(t.db, t.org.id, id, 'fan@example.de', hashToken(randomToken()));
    await eventAgo(t.db, t.org.id, id, 14, { kind: 'status', public: true, fromStatus: 'new', toStatus: 'confirmed' });
    await eventAgo(t.db, t.org.id, id, 13, { kind: 'internal_note', public: false, body: 'GEHEIM: Anwohner Müller ist schwierig' });
    await eventAgo(t.db, t.org.id, id, 9, { kind: 'public_note', public: true, body: 'Wir schicken nächste Woche einen Trupp.' });
    await eventAgo(t.db, t.org.id, id, 2, { kind: 'status', public: true, fromStatus: 'confirmed', toStatus: 'in_progress' });

    expect(await sendStatusMails(deps())).toBe(2);
    const [mail, ...rest] = await mailsTo('batch@example.de');
    expect(rest).toHaveLength(0);
    expect(mail!.subject).toContain(`Neuigkeiten zu Meldung #${id}`);
    expect(mail!.subject).toContain(`Update on report #${id}`);
    expect(mail!.text_body).toContain('Status: Neu → Angenommen');
    expect(mail!.text_body).toContain('Wir schicken nächste Woche einen Trupp.');
    expect(mail!.text_body).toContain('Status: Angenommen → In Bearbeitung');
    expect(mail!.text_body).toContain('Status: New → Accepted');
    expect(mail!.text_body).not.toContain('GEHEIM');
    expect(mail!.text_body).not.toContain('fan@example.de');
    expect(mail!.text_body).not.toContain('Testperson Geheim');
    expect(mail!.text_body.indexOf('Angenommen')).toBeLessThan(mail!.text_body.indexOf('einen Trupp'));
    expect(mail!.text_body).toMatch(new RegExp(`http://localhost/meldungen/${id}\\b`));
    expect(await mailsTo('fan@example.de')).toHaveLength(1);

    // Nothing new: nothing sent. An internal event alone never makes a mail.
    expect(await sendStatusMails(deps())).toBe(0);
    await eventAgo(t.db, t.org.id, id, 30, { kind: 'internal_note', public: false, body: 'intern' });
    expect(await sendStatusMails(deps())).toBe(0);

    // A later change is held back for 10 minutes, then mailed on its own.
    const later = await eventAgo(t.db, t.org.id, id, 0, { kind: 'status', public: true, fromStatus: 'in_progress', toStatus: 'fixed' });
    expect(await sendStatusMails(deps())).toBe(0);
    await t.db.updateTable('report_events').set({ created_at: sql`now() - interval '11 minutes'` }).where('id', '=', later).execute();
    expect(await sendStatusMails(deps())).toBe(2);
    const second = (await mailsTo('batch@example.de'))[1]!;
    expect(second.text_body).toContain('In Bearbeitung → Erledigt');
    expect(second.text_body).not.toContain('einen Trupp');
    const follower = await t.db
      .selectFrom('report_followers')
      .select('last_notified_event_id')
      .where('report_id', '=', id)
      .where('email', '=', 'batch@example.de')
      .executeTakeFirstOrThrow();
    expect(follower.last_notified_event_id).toBe(later);
  });

  it('waits until the oldest unsent change is 10 minutes old', async () => {
    const id = await makeReport(t.db, t.org.id, categoryId, { email: 'wait@example.de' });
    await eventAgo(t.db, t.org.id, id, 9, { kind: 'public_note', public: true, body: 'eins' });
    expect(await sendStatusMails(deps())).toBe(0);
    await t.db
      .updateTable('report_events')
      .set({ created_at: sql`now() - interval '10 minutes 5 seconds'` })
      .where('report_id', '=', id)
      .where('kind', '=', 'public_note')
      .execute();
    expect(await sendStatusMails(deps())).toBe(1);
  });

  it('does not mail about hidden reports but moves past their events', async () => {
    const id = await makeReport(t.db, t.org.id, categoryId, { email: 'hidden@example.de' });
    await eventAgo(t.db, t.org.id, id, 20, { kind: 'public_note', public: true, body: 'x' });
    await t.db.updateTable('reports').set({ hidden: true }).where('id', '=', id).execute();
    expect(await sendStatusMails(deps())).toBe(0);
    expect(await mailsTo('hidden@example.de')).toHaveLength(0);
    const f = await t.db.selectFrom('report_followers').select('last_notified_event_id').where('report_id', '=', id).executeTakeFirstOrThrow();
    expect(f.last_notified_event_id).toBeGreaterThan(0);
  });

  it('is safe when two runs overlap: each follower gets one mail', async () => {
    const id = await makeReport(t.db, t.org.id, categoryId, { email: 'race@example.de' });
    await eventAgo(t.db, t.org.id, id, 15, { kind: 'public_note', public: true, body: 'x' });
    const [a, b] = await Promise.all([sendStatusMails(deps()), sendStatusMails(deps())]);
    expect(a + b).toBe(1);
    expect(await mailsTo('race@example.de')).toHaveLength(1);
  });

  it('names each public kind in words', () => {
    const base = { id: 1, from_status: null, to_status: null, body: '', data: {}, created_at: new Date() };
    expect(eventLine('de', { ...base, kind: 'duplicate', data: { of: 7 } })).toContain('#7');
    expect(eventLine('de', { ...base, kind: 'not_responsible', data: { who: 'Deutsche Bahn' } })).toContain('Deutsche Bahn');
    expect(eventLine('de', { ...base, kind: 'category', data: { toDe: 'Müll', toEn: 'Litter' } })).toContain('Müll');
    expect(eventLine('en', { ...base, kind: 'category', data: { toDe: 'Müll', toEn: 'Litter' } })).toContain('Litter');
    expect(eventLine('de', { ...base, kind: 'questionnaire', data: { answer: 'no' } })).toContain('nicht behoben');
    expect(eventLine('de', { ...base, kind: 'reopened', from_status: 'fixed', to_status: 'in_progress' })).toBe('Status: Erledigt → In Bearbeitung');
    expect(eventLine('de', { ...base, kind: 'something_new' })).not.toContain('something_new');
  });
});

describe('unsubscribing', () => {
  it('has one stable, unforgeable link per follower; GET asks, POST unsubscribes, then the link is gone', async () => {
    const id = await makeReport(t.db, t.org.id, categoryId, { email: 'unsub@example.de' });
    await addFollower(t.db, t.org.id, id, 'other@example.de', hashToken(randomToken()));
    await eventAgo(t.db, t.org.id, id, 25, { kind: 'public_note', public: true, body: 'a' });
    await sendStatusMails(deps());
    await eventAgo(t.db, t.org.id, id, 15, { kind: 'public_note', public: true, body: 'b' });
    await sendStatusMails(deps());
    const links = (await mailsTo('unsub@example.de')).map((m) => m.text_body.match(/http:\/\/localhost\/meldungen\/abbestellen\/(\S+)/)![1]!);
    expect(links).toHaveLength(2);
    expect(links[0]).toBe(links[1]);
    const other = (await mailsTo('other@example.de'))[0]!.text_body.match(/abbestellen\/(\S+)/)![1]!;
    expect(other).not.toBe(links[0]);
    const stored = await t.db.selectFrom('report_followers').select('unsubscribe_token_hash').where('email', '=', 'unsub@example.de').executeTakeFirstOrThrow();
    expect(links[0]).not.toBe(stored.unsubscribe_token_hash);
    expect(verifyUnsubscribeToken(t.config.secret, links[0]!)).toBe(stored.unsubscribe_token_hash);
    expect(verifyUnsubscribeToken('another secret', links[0]!)).toBeNull();

    const c = new Client(t);
    const forged = `${stored.unsubscribe_token_hash}.${'A'.repeat(22)}`;
    expect((await c.get(`/meldungen/abbestellen/${forged}`)).statusCode).toBe(410);
    expect((await c.post(`/meldungen/abbestellen/${forged}`)).statusCode).toBe(410);
    expect((await c.get('/meldungen/abbestellen/unbekannt')).statusCode).toBe(410);
    const page = await c.get(`/meldungen/abbestellen/${links[0]}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Keine E-Mails mehr zu dieser Meldung');
    expect(page.body).not.toContain('unsub@example.de');
    const done = await c.post(`/meldungen/abbestellen/${links[0]}`);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain(`Sie erhalten keine E-Mails mehr zu Meldung #${id}`);
    expect(await t.db.selectFrom('report_followers').select('email').where('report_id', '=', id).execute()).toEqual([{ email: 'other@example.de' }]);
    expect((await c.get(`/meldungen/abbestellen/${links[0]}`)).statusCode).toBe(410);
    expect((await c.post(`/meldungen/abbestellen/${links[0]}`)).statusCode).toBe(410);
    // The POST is a form like any other: without the CSRF token it is refused.
    expect((await c.post(`/meldungen/abbestellen/${other}`, {}, { csrf: false })).statusCode).toBe(403);
    expect(unsubscribeToken(t.config.secret, stored.unsubscribe_token_hash)).toBe(links[0]);
  });
});
