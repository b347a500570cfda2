import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { unsubscribeToken } from '../../src/modules/reports/notifications/status-mail';
import { addFollower, insertEvent, insertReport } from '../../src/modules/reports/report.queries';
import { hashToken, randomToken } from '../../src/platform/security/tokens';
import { expectErrorSummary, expectNoAxeViolations, signInWithCookie, type TestBrowser, useBrowserSuite } from '../helpers/browser';
import { createCategory, createStaff } from '../helpers/factories';

// The questionnaire after "fixed" (with and without JavaScript), the unsubscribe page and the statistics page.
// Synthetic data: a category and reports made up for the test.

describe('questionnaire after a report was fixed', () => {
  const suite = useBrowserSuite({ alsoWithoutJavaScript: true });
  let categoryId: number;

  beforeAll(async () => {
    categoryId = (await createCategory(suite.server.db, suite.server.org.id, { name: 'Laterne defekt' })).id;
  });

  /** A fixed report with a mailed questionnaire; returns the questionnaire's path and the report id. */
  async function mailedQuestionnaire(): Promise<{ path: string; reportId: number; followerHash: string }> {
    const { db, org } = suite.server;
    const report = await insertReport(db, {
      organizationId: org.id,
      categoryId,
      departmentId: null,
      districtId: null,
      status: 'fixed',
      lat: 51.5,
      lon: 7.5,
      address: 'Teststraße 1',
      locationPrecise: true,
      description: 'Synthetische Meldung',
      answers: {},
      userId: null,
      reporterName: '',
      reporterEmail: 'melder@example.de',
      showName: false,
      idempotencyKey: null,
    });
    const reportId = report!.id;
    await db.updateTable('reports').set({ fixed_at: sql`now() - interval '29 days'` }).where('id', '=', reportId).execute();
    await insertEvent(db, { organizationId: org.id, reportId, kind: 'status', public: true, fromStatus: 'in_progress', toStatus: 'fixed' });
    const followerHash = hashToken(randomToken());
    await addFollower(db, org.id, reportId, 'melder@example.de', followerHash);
    const token = randomToken();
    await db
      .insertInto('report_questionnaires')
      .values({
        organization_id: org.id,
        report_id: reportId,
        email: 'melder@example.de',
        token_hash: hashToken(token),
        due_at: new Date(),
        sent_at: new Date(),
      })
      .execute();
    return { path: `/meldungen/fragebogen/${token}`, reportId, followerHash };
  }

  const variants: Array<[string, () => TestBrowser]> = [
    ['with JavaScript', () => suite.browser],
    ['without JavaScript', () => suite.noScriptBrowser],
  ];

  it.each(variants)('answers "no" %s: error summary first, then the report is reopened; the link works once', async (_variant, browser) => {
    const b = browser();
    const axe = (page: Page) => expectNoAxeViolations(page, { renderIn: suite.browser });
    const { path, reportId } = await mailedQuestionnaire();
    const page = await b.newPage();
    await page.goto(suite.server.url(path));
    await page.getByRole('heading', { level: 1, name: 'Ist das Problem behoben?' }).waitFor();
    await axe(page);

    await page.getByRole('button', { name: 'Antwort senden' }).click();
    await expectErrorSummary(page, ['answer']);
    await axe(page);

    await page.getByLabel('Nein, es ist nicht behoben').check();
    await page.getByLabel('Was ist noch nicht in Ordnung?').fill('Die Laterne ist abends immer noch dunkel.');
    await page.getByRole('button', { name: 'Antwort senden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Danke für Ihre Antwort' }).waitFor();
    await expect(page.getByRole('main').textContent()).resolves.toContain(`Wir haben Meldung #${reportId} wieder geöffnet`);
    await axe(page);
    const report = await suite.server.db.selectFrom('reports').select('status').where('id', '=', reportId).executeTakeFirstOrThrow();
    expect(report.status).toBe('in_progress');

    const again = await page.goto(suite.server.url(path));
    expect(again?.status()).toBe(410);
    await page.getByRole('heading', { level: 1, name: 'Diese Umfrage ist beendet' }).waitFor();
    await axe(page);
  });

  it('answers "yes" without JavaScript and in English', async () => {
    const { path, reportId } = await mailedQuestionnaire();
    const page = await suite.noScriptBrowser.newPage();
    await page.goto(suite.server.url(path));
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Has the problem been fixed?' }).waitFor();
    await expectNoAxeViolations(page, { renderIn: suite.browser });
    await page.getByLabel('Yes, it has been fixed').check();
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank you for your answer' }).waitFor();
    const q = await suite.server.db.selectFrom('report_questionnaires').select('answer').where('report_id', '=', reportId).executeTakeFirstOrThrow();
    expect(q.answer).toBe('yes');
  });

  it('unsubscribes from status emails', async () => {
    const { reportId, followerHash } = await mailedQuestionnaire();
    const page = await suite.page();
    await page.goto(suite.server.url(`/meldungen/abbestellen/${unsubscribeToken(suite.server.config.secret, followerHash)}`));
    await page.getByRole('heading', { level: 1, name: 'E-Mails zu einer Meldung abbestellen' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Keine E-Mails mehr zu dieser Meldung' }).click();
    await page.getByRole('heading', { level: 1, name: 'Abbestellt' }).waitFor();
    await expectNoAxeViolations(page);
    expect(await suite.server.db.selectFrom('report_followers').select('email').where('report_id', '=', reportId).execute()).toEqual([]);
  });

  it('shows the statistics to an admin', async () => {
    const admin = await createStaff(suite.server.db, suite.server.config.secret, suite.server.org.id, 'admin');
    await signInWithCookie(suite.server, suite.browser, admin.id, 'staff');
    const page = await suite.page();
    await page.goto(suite.server.url('/verwaltung/meldungen/fragebogen'));
    await page.getByRole('heading', { level: 1, name: 'Umfrage nach Erledigung' }).waitFor();
    const table = page.getByRole('table', { name: 'Antworten nach Kategorie' });
    // Four sent, three answered: "no" twice (with and without JavaScript), "yes" once.
    await expect(table.getByRole('row', { name: /Laterne defekt/ }).textContent()).resolves.toContain('2 (67 %)');
    await expect(page.getByRole('main').textContent()).resolves.toContain('Die Laterne ist abends immer noch dunkel.');
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 320, height: 800 });
    await expectNoAxeViolations(page);
  });
});
