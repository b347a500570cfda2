import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app';
import { createCategory, createResident } from '../../../../test/helpers/factories';
import { hashToken, randomToken } from '../../../platform/security/tokens';
import { type MailSettings, saveMailSettings } from '../../accounts';
import { addFollower } from '../report.queries';
import { sendDigests } from './digest-mail';
import { eventAgo, makeReport } from './notifications.test-support';
import { scheduleQuestionnaires, sendDueQuestionnaires } from './questionnaire';
import { sendStatusMails } from './status-mail';

// The mail settings of "Mein Konto" change what the jobs send: status mails off, the questionnaire off, and news as a
// daily or weekly digest instead of a mail per report. Followers without an account, or whose account never chose,
// are served as before (status-mail.test.ts).

let t: TestApp;
let categoryId: number;
const deps = () => ({ db: t.db, secret: t.config.secret, publicUrl: t.config.publicUrl });
const mailsTo = (to: string) => t.db.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', to).orderBy('id').execute();

async function account(email: string, settings: Partial<MailSettings>, locale: string | null = null) {
  const user = await createResident(t.db, t.org.id, email);
  if (locale) await t.db.updateTable('users').set({ locale }).where('id', '=', user.id).execute();
  await saveMailSettings(t.db, t.org.id, user.id, { statusMails: true, questionnaire: true, digest: 'immediately', ...settings });
  return user;
}

const follow = (reportId: number, email: string) => addFollower(t.db, t.org.id, reportId, email, hashToken(randomToken()));

beforeAll(async () => {
  t = await createTestApp();
  categoryId = (await createCategory(t.db, t.org.id, { name: 'Schlagloch' })).id;
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.deleteFrom('outbox').execute();
});

describe('status mails as the account chose', () => {
  it('sends none to an account that switched them off, passes the news over, and sends later news once on again', async () => {
    const user = await account('aus@example.de', { statusMails: false });
    const id = await makeReport(t.db, t.org.id, categoryId, { email: 'aus@example.de' });
    await follow(id, 'ohne-konto@example.de');
    await eventAgo(t.db, t.org.id, id, 15, { kind: 'public_note', public: true, body: 'Alte Nachricht' });

    expect(await sendStatusMails(deps())).toBe(1);
    expect(await mailsTo('aus@example.de')).toHaveLength(0);
    expect((await mailsTo('ohne-konto@example.de'))[0]!.text_body).toContain('Alte Nachricht');

    await saveMailSettings(t.db, t.org.id, user.id, { statusMails: true, questionnaire: true, digest: 'immediately' });
    await eventAgo(t.db, t.org.id, id, 12, { kind: 'public_note', public: true, body: 'Neue Nachricht' });
    await sendStatusMails(deps());
    const [mail, ...more] = await mailsTo('aus@example.de');
    expect(more).toHaveLength(0);
    expect(mail!.text_body).toContain('Neue Nachricht');
    expect(mail!.text_body).not.toContain('Alte Nachricht');
  });

  it('sends a daily digest instead: one mail for all followed reports, then not again before a day has passed', async () => {
    await account('taeglich@example.de', { digest: 'daily' });
    const a = await makeReport(t.db, t.org.id, categoryId, { email: 'melderin-a@example.de' });
    const b = await makeReport(t.db, t.org.id, categoryId, { email: 'melderin-b@example.de' });
    const quiet = await makeReport(t.db, t.org.id, categoryId, { email: 'melderin-c@example.de' });
    for (const id of [a, b, quiet]) await follow(id, 'taeglich@example.de');
    await eventAgo(t.db, t.org.id, a, 30, { kind: 'status', public: true, fromStatus: 'new', toStatus: 'confirmed' });
    await eventAgo(t.db, t.org.id, b, 20, { kind: 'public_note', public: true, body: 'Trupp kommt Dienstag' });
    const fresh = await eventAgo(t.db, t.org.id, b, 2, { kind: 'public_note', public: true, body: 'Noch ganz frisch' });
    await eventAgo(t.db, t.org.id, quiet, 30, { kind: 'internal_note', public: false, body: 'GEHEIM' });

    // The 10-minute job passes the digest account over; the reporters get theirs as always.
    await sendStatusMails(deps());
    expect(await mailsTo('taeglich@example.de')).toHaveLength(0);
    expect(await mailsTo('melderin-a@example.de')).toHaveLength(1);

    expect(await sendDigests(deps())).toBe(1);
    const [digest, ...more] = await mailsTo('taeglich@example.de');
    expect(more).toHaveLength(0);
    expect(digest!.subject).toBe('Neuigkeiten zu 2 Meldungen / News on 2 reports – Teststadt');
    expect(digest!.text_body).toContain('hier ist Ihre tägliche Zusammenfassung');
    expect(digest!.text_body).toContain(`Meldung #${a} „Schlagloch“:`);
    expect(digest!.text_body).toContain('Status: Neu → Angenommen');
    expect(digest!.text_body).toContain(`Meldung #${b} „Schlagloch“:`);
    expect(digest!.text_body).toContain('Trupp kommt Dienstag');
    expect(digest!.text_body).not.toContain('Noch ganz frisch');
    expect(digest!.text_body).not.toContain('GEHEIM');
    expect(digest!.text_body).not.toContain(`#${quiet}`);
    expect(digest!.text_body).toMatch(/http:\/\/localhost\/meldungen\/abbestellen\/\S+/);
    expect(digest!.text_body).toContain('http://localhost/konto#konto-benachrichtigungen');

    // The fresh news is ripe now, but the day is not over: nothing.
    await t.db.updateTable('report_events').set({ created_at: sql`now() - interval '15 minutes'` }).where('id', '=', fresh).execute();
    expect(await sendDigests(deps())).toBe(0);
    await sendStatusMails(deps());
    expect(await mailsTo('taeglich@example.de')).toHaveLength(1);

    // A day later it comes, alone.
    await sql`UPDATE account_mail_settings SET last_digest_at = now() - interval '1 day' WHERE organization_id = ${t.org.id}`.execute(t.db);
    expect(await sendDigests(deps())).toBe(1);
    const second = (await mailsTo('taeglich@example.de'))[1]!;
    expect(second.subject).toContain('Neuigkeiten zu 1 Meldung /');
    expect(second.text_body).toContain('Noch ganz frisch');
    expect(second.text_body).not.toContain('Trupp kommt Dienstag');
    expect(await sendDigests(deps())).toBe(0);
  });

  it('sends a weekly digest only when the week is over, in the account’s language', async () => {
    const user = await account('woechentlich@example.de', { digest: 'weekly' }, 'en');
    const id = await makeReport(t.db, t.org.id, categoryId, { email: 'woechentlich@example.de' });
    await eventAgo(t.db, t.org.id, id, 60, { kind: 'status', public: true, fromStatus: 'new', toStatus: 'in_progress' });
    const lastDigest = (ago: string) =>
      sql`UPDATE account_mail_settings SET last_digest_at = now() - ${ago}::interval WHERE organization_id = ${t.org.id} AND user_id = ${user.id}`.execute(
        t.db,
      );

    await lastDigest('2 days');
    expect(await sendDigests(deps())).toBe(0);
    await sendStatusMails(deps());
    expect(await mailsTo('woechentlich@example.de')).toHaveLength(0);

    await lastDigest('7 days');
    expect(await sendDigests(deps())).toBe(1);
    const [mail] = await mailsTo('woechentlich@example.de');
    expect(mail!.subject).toBe('News on 1 report – Teststadt');
    expect(mail!.text_body).toContain('here is your weekly summary');
    expect(mail!.text_body).toContain('http://localhost/konto?lang=en#konto-benachrichtigungen');
    expect(mail!.text_body).not.toContain('Guten Tag');
  });

  it('sends no digest to an account that switched status mails off', async () => {
    await account('gar-nicht@example.de', { digest: 'daily', statusMails: false });
    const id = await makeReport(t.db, t.org.id, categoryId, { email: 'gar-nicht@example.de' });
    await eventAgo(t.db, t.org.id, id, 30, { kind: 'public_note', public: true, body: 'Hallo' });
    expect(await sendDigests(deps())).toBe(0);
    await sendStatusMails(deps());
    expect(await mailsTo('gar-nicht@example.de')).toHaveLength(0);
  });
});

describe('the questionnaire as the account chose', () => {
  async function fixedLongAgo(email: string) {
    const id = await makeReport(t.db, t.org.id, categoryId, { email });
    await eventAgo(t.db, t.org.id, id, 60 * 24 * 30, { kind: 'status', public: true, fromStatus: 'new', toStatus: 'fixed' });
    await t.db.updateTable('reports').set({ status: 'fixed', fixed_at: sql`now() - interval '30 days'` }).where('id', '=', id).execute();
    return id;
  }

  it('asks no one who switched it off, and still asks everyone else', async () => {
    await account('keine-frage@example.de', { questionnaire: false });
    await account('gern-gefragt@example.de', { questionnaire: true, statusMails: false });
    await fixedLongAgo('keine-frage@example.de');
    await fixedLongAgo('gern-gefragt@example.de');
    await fixedLongAgo('ohne-konto-frage@example.de');
    await scheduleQuestionnaires(t.db);
    await t.db.updateTable('report_questionnaires').set({ due_at: sql`now() - interval '1 minute'` }).where('sent_at', 'is', null).execute();
    let sent = 1;
    while (sent > 0) sent = await sendDueQuestionnaires({ db: t.db, publicUrl: t.config.publicUrl });
    expect(await mailsTo('keine-frage@example.de')).toHaveLength(0);
    expect(await mailsTo('gern-gefragt@example.de')).toHaveLength(1);
    expect(await mailsTo('ohne-konto-frage@example.de')).toHaveLength(1);
  });
});
