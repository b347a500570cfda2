import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../../test/helpers/app';
import { createCategory, createResident, createStaff } from '../../../../test/helpers/factories';
import { eventAgo, makeReport } from './notifications.test-support';
import { scheduleQuestionnaires, sendDueQuestionnaires } from './questionnaire';
import { QUESTIONNAIRE_LIMIT } from './questionnaire.routes';

let t: TestApp;
let categoryId: number;
let noSurveyCategory: number;
const deps = () => ({ db: t.db, publicUrl: t.config.publicUrl });

beforeAll(async () => {
  t = await createTestApp();
  categoryId = (await createCategory(t.db, t.org.id, { name: 'Laterne' })).id;
  noSurveyCategory = (await createCategory(t.db, t.org.id, { name: 'Ohne Umfrage' })).id;
  await t.db.updateTable('report_categories').set({ questionnaire_weeks: 0 }).where('id', '=', noSurveyCategory).execute();
});
afterAll(() => t.close());

/** A report fixed `days` ago (status, fixed_at and the event that says so). */
async function fixedReport(days: number, options: { email?: string | null; category?: number } = {}) {
  const id = await makeReport(t.db, t.org.id, options.category ?? categoryId, {
    email: options.email === undefined ? `r${Math.random().toString(36).slice(2)}@example.de` : options.email,
  });
  await eventAgo(t.db, t.org.id, id, days * 24 * 60, { kind: 'status', public: true, fromStatus: 'new', toStatus: 'fixed' });
  await t.db
    .updateTable('reports')
    .set({ status: 'fixed', fixed_at: sql`now() - make_interval(days => ${days})` })
    .where('id', '=', id)
    .execute();
  return id;
}

const questionnaireOf = (reportId: number) => t.db.selectFrom('report_questionnaires').selectAll().where('report_id', '=', reportId).execute();

/** Makes a questionnaire due and sent, and returns the path of its link. */
async function mailedLink(reportId: number): Promise<string> {
  await t.db.updateTable('report_questionnaires').set({ due_at: sql`now() - interval '1 minute'` }).where('report_id', '=', reportId).execute();
  await sendDueQuestionnaires(deps());
  const email = (await questionnaireOf(reportId))[0]!.email;
  const mail = await t.db.selectFrom('outbox').select('text_body').where('to_address', '=', email).orderBy('id', 'desc').executeTakeFirstOrThrow();
  return new URL(mail.text_body.match(/http:\/\/localhost\/meldungen\/fragebogen\/[A-Za-z0-9_-]+/)![0]).pathname;
}

describe('creating and sending questionnaires', () => {
  it('asks the reporter once, N weeks after the report became fixed', async () => {
    const id = await fixedReport(27, { email: 'timing@example.de' });
    await scheduleQuestionnaires(t.db);
    await scheduleQuestionnaires(t.db);
    const [row, ...more] = await questionnaireOf(id);
    expect(more).toHaveLength(0);
    expect(row!.email).toBe('timing@example.de');
    expect(row!.sent_at).toBeNull();
    // Due 4 weeks after fixing: tomorrow, so nothing goes out yet.
    expect(new Date(row!.due_at).getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);
    expect(await sendDueQuestionnaires(deps())).toBe(0);

    // Two days later (shift the history back): the row is re-timed while unsent, then mailed once.
    await t.db.updateTable('report_events').set({ created_at: sql`created_at - interval '2 days'` }).where('report_id', '=', id).execute();
    await scheduleQuestionnaires(t.db);
    expect(await sendDueQuestionnaires(deps())).toBeGreaterThanOrEqual(1);
    expect(await sendDueQuestionnaires(deps())).toBe(0);
    const mails = await t.db.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', 'timing@example.de').execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(`Ist das Problem behoben? Meldung #${id}`);
    expect(mails[0]!.text_body).toContain('Has the problem really been fixed?');
    expect(mails[0]!.text_body).toMatch(/http:\/\/localhost\/meldungen\/fragebogen\/[A-Za-z0-9_-]{43}/);
    const sent = (await questionnaireOf(id))[0]!;
    expect(sent.sent_at).not.toBeNull();
    expect(sent.token_hash).not.toMatch(/^pending:/);
    // Sent rows are not re-timed by a later run.
    await scheduleQuestionnaires(t.db);
    expect((await questionnaireOf(id))[0]!.due_at).toEqual(sent.due_at);
  });

  it('skips categories without a questionnaire, reports without an address and reports fixed long ago', async () => {
    const none = await fixedReport(40, { category: noSurveyCategory });
    const anonymous = await fixedReport(40, { email: null });
    const old = await fixedReport(365);
    await scheduleQuestionnaires(t.db);
    for (const id of [none, anonymous, old]) expect(await questionnaireOf(id)).toHaveLength(0);
  });

  it('waits while a report is reopened and counts from the latest fix', async () => {
    const id = await fixedReport(30);
    await scheduleQuestionnaires(t.db);
    expect(await questionnaireOf(id)).toHaveLength(1);
    await t.db.updateTable('reports').set({ status: 'in_progress', fixed_at: null }).where('id', '=', id).execute();
    await t.db.updateTable('report_questionnaires').set({ due_at: sql`now() - interval '1 minute'` }).where('report_id', '=', id).execute();
    await sendDueQuestionnaires(deps());
    expect((await questionnaireOf(id))[0]!.sent_at).toBeNull();
    await eventAgo(t.db, t.org.id, id, 60, { kind: 'status', public: true, fromStatus: 'in_progress', toStatus: 'fixed' });
    await t.db.updateTable('reports').set({ status: 'fixed', fixed_at: sql`now()` }).where('id', '=', id).execute();
    await scheduleQuestionnaires(t.db);
    const due = new Date((await questionnaireOf(id))[0]!.due_at).getTime();
    expect(due - Date.now()).toBeGreaterThan(27 * 86_400_000);
  });
});

describe('answering', () => {
  it('"no" reopens the report, keeps the comment internal and works only once', async () => {
    const id = await fixedReport(29);
    await scheduleQuestionnaires(t.db);
    const link = await mailedLink(id);
    const c = new Client(t, '198.51.100.1');
    const form = await c.get(link);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Ist das Problem behoben?');
    expect(form.body).toContain('name="answer"');

    const bad = await c.post(link, { answer: 'vielleicht', comment: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Bitte wählen Sie eine Antwort: „Ja“, „Nein“ oder „Ich weiß es nicht“.');
    expect(bad.body).toContain('href="#f-answer"');
    expect((await c.post(link, { comment: 'ohne Antwort' })).statusCode).toBe(400);
    expect((await c.post(link, { answer: 'no', comment: 'x'.repeat(2001) })).body).toContain('höchstens 2000 Zeichen');

    const res = await c.post(link, { answer: 'no', comment: 'Die Laterne flackert immer noch.' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`Wir haben Meldung #${id} wieder geöffnet`);
    const report = await t.db.selectFrom('reports').select(['status', 'fixed_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(report).toEqual({ status: 'in_progress', fixed_at: null });
    const events = await t.db
      .selectFrom('report_events')
      .select(['kind', 'public', 'from_status', 'to_status', 'body', 'data'])
      .where('report_id', '=', id)
      .where('kind', 'in', ['questionnaire', 'questionnaire_comment', 'reopened'])
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { kind: 'questionnaire', public: true, from_status: null, to_status: null, body: '', data: { answer: 'no' } },
      { kind: 'questionnaire_comment', public: false, from_status: null, to_status: null, body: 'Die Laterne flackert immer noch.', data: { answer: 'no' } },
      { kind: 'reopened', public: true, from_status: 'fixed', to_status: 'in_progress', body: '', data: { by: 'questionnaire' } },
    ]);
    const q = (await questionnaireOf(id))[0]!;
    expect(q.answer).toBe('no');
    expect(q.comment).toBe('Die Laterne flackert immer noch.');

    expect((await c.get(link)).statusCode).toBe(410);
    const again = await c.post(link, { answer: 'yes' });
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('Diese Umfrage ist beendet');
    expect((await questionnaireOf(id))[0]!.answer).toBe('no');
  });

  it('"yes" and "don\'t know" leave the report as it is', async () => {
    for (const answer of ['yes', 'unknown'] as const) {
      const id = await fixedReport(29);
      await scheduleQuestionnaires(t.db);
      const link = await mailedLink(id);
      const res = await new Client(t, '198.51.100.2').post(link, { answer });
      expect(res.statusCode).toBe(200);
      expect((await t.db.selectFrom('reports').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('fixed');
      expect((await questionnaireOf(id))[0]!.answer).toBe(answer);
      const kinds = (await t.db.selectFrom('report_events').select('kind').where('report_id', '=', id).execute()).map((e) => e.kind);
      expect(kinds).toContain('questionnaire');
      expect(kinds).not.toContain('reopened');
    }
  });

  it('answers unknown and expired links with 410', async () => {
    const c = new Client(t, '198.51.100.3');
    expect((await c.get('/meldungen/fragebogen/gibt-es-nicht')).statusCode).toBe(410);
    expect((await c.get(`/meldungen/fragebogen/${'a'.repeat(43)}`)).statusCode).toBe(410);
    const id = await fixedReport(29);
    await scheduleQuestionnaires(t.db);
    const link = await mailedLink(id);
    await t.db.updateTable('report_questionnaires').set({ sent_at: sql`now() - interval '43 days'` }).where('report_id', '=', id).execute();
    const res = await c.get(link);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('abgelaufen');
    expect((await c.post(link, { answer: 'yes' })).statusCode).toBe(410);
  });

  it('is rate limited per IP', async () => {
    const c = new Client(t, '198.51.100.99');
    for (let i = 0; i < QUESTIONNAIRE_LIMIT.max; i++) expect((await c.get(`/meldungen/fragebogen/${'b'.repeat(43)}`)).statusCode).toBe(410);
    const limited = await c.get(`/meldungen/fragebogen/${'b'.repeat(43)}`);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });
});

describe('statistics in the back office', () => {
  it('shows counts and shares per category and overall, and the "no" comments, to admins and moderators only', async () => {
    const admin = await createStaff(t.db, t.config.secret, t.org.id, 'admin');
    const moderator = await createStaff(t.db, t.config.secret, t.org.id, 'moderator');
    const deptStaff = await createStaff(t.db, t.config.secret, t.org.id, 'department_staff');
    const resident = await createResident(t.db, t.org.id);
    const c = new Client(t);
    await c.signInAs(admin.id, 'staff');
    const page = await c.get('/verwaltung/meldungen/fragebogen');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Umfrage nach Erledigung');
    expect(page.body).toContain('Laterne');
    expect(page.body).toContain('Alle Kategorien');
    expect(page.body).toContain('Die Laterne flackert immer noch.');
    expect(page.body).toMatch(/href="\/verwaltung\/meldungen\/\d+"/);
    // Answered so far in this file: one "no", one "yes", one "unknown" (the expired one is unanswered).
    expect(page.body).toContain('3 von 5 Umfragen beantwortet: 1 behoben, 1 nicht behoben, 1 weiß nicht.');
    expect(page.body).toContain('1<span class="k-hint"> (33 %)</span>');

    const m = new Client(t);
    await m.signInAs(moderator.id, 'staff');
    expect((await m.get('/verwaltung/meldungen/fragebogen')).statusCode).toBe(200);
    const d = new Client(t);
    await d.signInAs(deptStaff.id, 'staff');
    expect((await d.get('/verwaltung/meldungen/fragebogen')).statusCode).toBe(403);
    const r = new Client(t);
    await r.signInAs(resident.id, 'resident');
    expect((await r.get('/verwaltung/meldungen/fragebogen')).statusCode).toBe(403);
    const anon = await new Client(t).get('/verwaltung/meldungen/fragebogen');
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toContain('/verwaltung/anmelden');
  });
});
