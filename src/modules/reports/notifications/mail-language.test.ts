import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app';
import { createCategory, createResident } from '../../../../test/helpers/factories';
import { saveTranslations } from '../../../platform/i18n/content-translations.queries';
import { hashToken, randomToken } from '../../../platform/security/tokens';
import { addFollower } from '../report.queries';
import { eventAgo, makeReport } from './notifications.test-support';
import { scheduleQuestionnaires, sendDueQuestionnaires } from './questionnaire';
import { sendStatusMails } from './status-mail';

// Each mail is written in its recipient's language: the account's, else the one kept when they followed or
// reported. What staff wrote comes translated where someone translated it, else German with a note. Rows from
// before languages were kept get German with English below, as before.

let t: TestApp;
let categoryId: number;
const deps = () => ({ db: t.db, secret: t.config.secret, publicUrl: t.config.publicUrl });
const mailTo = async (to: string) =>
  await t.db.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', to).orderBy('id', 'desc').executeTakeFirstOrThrow();
const setLocale = (table: 'users' | 'reports' | 'report_followers', where: string, value: number | string, locale: string) =>
  sql`UPDATE ${sql.table(table)} SET locale = ${locale} WHERE ${sql.ref(where)} = ${value}`.execute(t.db);

beforeAll(async () => {
  t = await createTestApp();
  categoryId = (await createCategory(t.db, t.org.id, { name: 'Laterne' })).id;
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.deleteFrom('outbox').execute();
});

describe('status mails in the recipient’s language', () => {
  it('English for a reporter who reported in English: one language, links that keep it, the note translated', async () => {
    const id = await makeReport(t.db, t.org.id, categoryId, { email: 'en@example.de' });
    await setLocale('reports', 'id', id, 'en');
    const note = await eventAgo(t.db, t.org.id, id, 15, { kind: 'public_note', public: true, body: 'Wir tauschen die Lampe.' });
    await saveTranslations(t.db, t.org.id, [{ entity: 'report_event', entityId: note, field: 'body', locale: 'en', text: 'We are replacing the lamp.' }], null);
    await sendStatusMails(deps());
    const mail = await mailTo('en@example.de');
    expect(mail.subject).toBe(`Update on report #${id} – ${t.org.name}`);
    expect(mail.text_body).toContain('We are replacing the lamp.');
    expect(mail.text_body).not.toContain('Wir tauschen');
    expect(mail.text_body).not.toContain('Neuigkeiten');
    expect(mail.text_body).toContain(`http://localhost/meldungen/${id}?lang=en`);
    expect(mail.text_body).toMatch(/\/meldungen\/abbestellen\/\S+\?lang=en/);
  });

  it('the account’s current language wins; without a translation the German text comes with a note in it', async () => {
    const resident = await createResident(t.db, t.org.id, 'pl@example.de');
    await setLocale('users', 'id', resident.id, 'pl');
    const id = await makeReport(t.db, t.org.id, categoryId, { email: 'someone-else@example.de' });
    await addFollower(t.db, t.org.id, id, 'pl@example.de', hashToken(randomToken()));
    await sql`UPDATE report_followers SET locale = 'en' WHERE email = 'pl@example.de'`.execute(t.db);
    await eventAgo(t.db, t.org.id, id, 15, { kind: 'public_note', public: true, body: 'Wir tauschen die Lampe.' });
    await sendStatusMails(deps());
    const mail = await mailTo('pl@example.de');
    expect(mail.text_body).toContain('(Dostępne tylko w języku niemieckim)\n  Wir tauschen die Lampe.');
    expect(mail.text_body).toContain('?lang=pl');
    expect(mail.text_body).not.toContain('-------------------- English');
  });

  it('rows from before languages were kept: German with English below, as before', async () => {
    const id = await makeReport(t.db, t.org.id, categoryId, { email: 'legacy@example.de' });
    await eventAgo(t.db, t.org.id, id, 15, { kind: 'public_note', public: true, body: 'Wir tauschen die Lampe.' });
    await sendStatusMails(deps());
    const mail = await mailTo('legacy@example.de');
    expect(mail.subject).toBe(`Neuigkeiten zu Meldung #${id} / Update on report #${id} – ${t.org.name}`);
    expect(mail.text_body).toContain('-------------------- English');
    expect(mail.text_body).not.toContain('?lang=');
  });
});

describe('the questionnaire after "fixed"', () => {
  it('asks the reporter in the language they reported in, with a link that keeps it', async () => {
    await sql`UPDATE report_categories SET questionnaire_weeks = 1 WHERE id = ${categoryId}`.execute(t.db);
    const id = await makeReport(t.db, t.org.id, categoryId, { email: 'frage@example.de' });
    await setLocale('reports', 'id', id, 'en');
    await eventAgo(t.db, t.org.id, id, 8 * 24 * 60, { kind: 'status', public: true, fromStatus: 'new', toStatus: 'fixed' });
    await sql`UPDATE reports SET status = 'fixed', fixed_at = now() - interval '8 days' WHERE id = ${id}`.execute(t.db);
    await scheduleQuestionnaires(t.db);
    expect(await sendDueQuestionnaires(deps())).toBe(1);
    const mail = await mailTo('frage@example.de');
    expect(mail.subject).toMatch(/^[^/]* – /);
    expect(mail.text_body).not.toContain('English below');
    expect(mail.text_body).toMatch(/http:\/\/localhost\/meldungen\/fragebogen\/[A-Za-z0-9_-]{43}\?lang=en/);
  });
});
