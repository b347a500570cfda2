import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MODULES, moduleRegistry } from '../../src/module-list';
import { issueCodes } from '../../src/modules/participation';
import { addTestItem, testItemModule } from '../../src/modules/participation/comments/comments.test-support';
import type { EligibilityRule } from '../../src/modules/participation/eligibility/rule';
import { unsubscribeToken } from '../../src/platform/engagement/unsubscribe';
import { expectNoAxeViolations, signInWithCookie, type TestBrowser, useBrowserSuite } from '../helpers/browser';
import { createResident, createStaff } from '../helpers/factories';

// Comments of the participation core in Chromium, with and without JavaScript: a resident comments, replies and
// flags another comment on an item's page (a test kind, as an owner module would show it), a mistake shows the
// form again, and a moderator hides the flagged comment in the queue. axe on each page state. Then, with
// JavaScript only (those pages are the same HTML without it), the issue's journey on an item only verified
// residents may comment on, and axe on the remaining pages: thread page 2, the edit and flag error pages, Mein
// Konto's sections, and the unsubscribe page valid and gone.

const modules = moduleRegistry([...MODULES, testItemModule]);
const VERIFIED_ONLY: EligibilityRule = { who: 'verified', districtIds: [], ageMin: null, ageMax: null, referenceDate: null };

describe('comments in the browser', () => {
  const suite = useBrowserSuite({ alsoWithoutJavaScript: true, modules });
  const axe = (page: Page) => expectNoAxeViolations(page, { renderIn: suite.browser });
  const url = (path: string) => suite.server.url(path);
  const signIn = (browser: TestBrowser, userId: number, level: 'resident' | 'staff') => signInWithCookie(suite.server, browser, userId, level);

  it.each(['js', 'noJs'] as const)('a comment, a reply, a flag and the moderation queue (%s)', async (which) => {
    const browser = which === 'js' ? suite.browser : suite.noScriptBrowser;
    const { db: database, org, config } = suite.server;
    const handle = { db: database };
    const orgId = org.id;
    const secret = config.secret;
    const item = addTestItem({ organizationId: orgId, title: 'Mehr Bäume am Westpark' });
    const neighbour = await createResident(handle.db, orgId);
    await handle.db.updateTable('users').set({ display_name: 'Kemal Yıldız' }).where('id', '=', neighbour.id).execute();
    const nb = await handle.db
      .insertInto('participation_comments')
      .values({ organization_id: orgId, item_kind: 'testding', item_id: item, author_id: neighbour.id, show_name: true, body: 'Kauft lieber Parkplätze!' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const resident = await createResident(handle.db, orgId);
    await signIn(browser, resident.id, 'resident');
    const page = await browser.newPage();
    await page.goto(`${suite.server.baseUrl}/testdinge/${item}`);
    const comments = page.getByRole('region', { name: /Kommentare/ });
    await comments.getByRole('heading', { name: 'Kommentare (1 Kommentar)' }).waitFor();
    await axe(page);

    // A mistake: the small page with the form again, the field marked.
    await comments.getByRole('button', { name: 'Kommentar senden' }).click();
    await page.locator('.k-error-summary').waitFor();
    await expect(page.locator('#f-text').getAttribute('aria-invalid')).resolves.toBe('true');
    await axe(page);
    await page.getByLabel('Ihr Kommentar').fill('Bäume spenden Schatten.');
    await page.getByRole('button', { name: 'Kommentar senden' }).click();
    await page.waitForURL(/\/testdinge\/\d+#kommentar-\d+$/);
    await page.locator('.k-comment__body', { hasText: 'Bäume spenden Schatten.' }).waitFor();

    // A reply under the neighbour's comment.
    const thread = page.locator(`#kommentar-${nb.id}`);
    await thread.locator('summary', { hasText: 'Antworten' }).click();
    await thread.getByLabel('Ihre Antwort an Kemal Yıldız').fill('Parkplätze gibt es genug.');
    await axe(page);
    await thread.getByRole('button', { name: 'Antwort senden' }).click();
    await page.waitForURL(/#kommentar-\d+$/);
    const replies = page.getByRole('list', { name: 'Antworten auf den Kommentar von Kemal Yıldız' });
    await replies.locator('.k-comment__body', { hasText: 'Parkplätze gibt es genug.' }).waitFor();

    // Flag the neighbour's comment.
    await page.locator(`#kommentar-${nb.id}`).locator('summary', { hasText: 'Melden' }).click();
    await page.getByLabel('Was ist an diesem Kommentar nicht in Ordnung?').fill('Das ist Spott');
    await page.getByRole('button', { name: 'An die Moderation melden' }).click();
    await page.getByText('Sie haben diesen Kommentar gemeldet.').waitFor();
    await axe(page);

    // The moderator hides it with a public reason.
    await browser.context.clearCookies();
    const moderator = await createStaff(handle.db, secret, orgId, 'moderator');
    await signIn(browser, moderator.id, 'staff');
    await page.goto(`${suite.server.baseUrl}/verwaltung/moderation`);
    const row = page.locator(`tr[data-comment="${nb.id}"]`);
    await row.getByText('Das ist Spott').waitFor();
    await axe(page);
    await row.getByLabel('Öffentliche Begründung').fill('Bitte bleiben Sie sachlich.');
    await row.getByRole('button', { name: 'Ausblenden' }).click();
    await page.getByText('Der Kommentar ist ausgeblendet.').waitFor();
    await axe(page);
    if (which === 'js') {
      // The hidden view: the same HTML with or without JavaScript, so checked once.
      await page.goto(url('/verwaltung/moderation?ansicht=ausgeblendet'));
      await page.locator(`tr[data-comment="${nb.id}"]`).waitFor();
      await axe(page);
    }
    await page.goto(`${suite.server.baseUrl}/testdinge/${item}`);
    await page.getByText('Ausgeblendet von der Moderation: Bitte bleiben Sie sachlich.').waitFor();
    await expect(page.getByText('Kauft lieber Parkplätze!').count()).resolves.toBe(0);
  });

  it('a verified-only item: refused (a forced post gets 403), verified with a letter code, back to comment; page 2, error pages, account, unsubscribe', async () => {
    const { db, org, config } = suite.server;
    const code = 'KMNT-2345-6789-ABCD';
    await issueCodes(db, org.id, { districtId: null, ageMin: null, ageMax: null, validUntil: '2029-12-31' }, [code], null, new Date(), null);
    const item = addTestItem({ organizationId: org.id, title: 'Nur für Verifizierte', commentRule: VERIFIED_ONLY });
    const resident = await createResident(db, org.id);
    await signIn(suite.browser, resident.id, 'resident');
    const page = await suite.page();
    await page.goto(url(`/testdinge/${item}`));
    const notice = page.locator('[data-refusal="verify"]');
    await notice.waitFor();
    await expect(page.getByRole('button', { name: 'Kommentar senden' }).count()).resolves.toBe(0);
    await axe(page);

    // The form sent anyway (with a valid CSRF token from the page's follow form): 403, nothing saved.
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const forced = await page.request.post(url(`/beteiligung/kommentare/testding/${item}`), { form: { _csrf: csrf, text: 'Trotzdem' }, maxRedirects: 0 });
    expect(forced.status()).toBe(403);
    const saved = () =>
      db.selectFrom('participation_comments').select(['id', 'body']).where('item_kind', '=', 'testding').where('item_id', '=', item).orderBy('id').execute();
    expect(await saved()).toEqual([]);

    // Verify with the letter code from the notice's link, and come back to the item.
    await notice.getByRole('link', { name: 'Konto verifizieren' }).click();
    await page.waitForURL(/\/konto\/verifizierung\?return=/);
    await page.getByLabel('Code aus dem Brief').fill(code);
    await page.getByRole('button', { name: 'Code einlösen' }).click();
    await page.waitForURL(new RegExp(`/testdinge/${item}$`));
    await page.getByLabel('Ihr Kommentar').fill('Jetzt rede ich mit.');
    await page.getByRole('button', { name: 'Kommentar senden' }).click();
    await page.locator('.k-comment__body', { hasText: 'Jetzt rede ich mit.' }).waitFor();
    const [mine] = await saved();

    // The edit form's error page (an empty text).
    const own = page.locator(`#kommentar-${mine!.id}`);
    await own.locator('summary', { hasText: 'Bearbeiten' }).click();
    await own.getByLabel('Ihr Kommentar').fill('');
    await own.getByRole('button', { name: 'Änderung speichern' }).click();
    await page.locator('.k-error-summary').waitFor();
    await axe(page);

    // Twenty more threads put the neighbours' comments on page 2; the flag form's error page from there.
    const neighbour = await createResident(db, org.id);
    await db
      .insertInto('participation_comments')
      .values(
        Array.from({ length: 20 }, (_, i) => ({
          organization_id: org.id,
          item_kind: 'testding',
          item_id: item,
          author_id: neighbour.id,
          show_name: false,
          body: `Beitrag ${i + 1}`,
        })),
      )
      .execute();
    await page.goto(url(`/beteiligung/kommentare/testding/${item}?seite=2`));
    const last = page.locator('.k-comment', { hasText: 'Beitrag 20' });
    await last.waitFor();
    await axe(page);
    await last.locator('summary', { hasText: 'Melden' }).click();
    await last.getByRole('button', { name: 'An die Moderation melden' }).click();
    await page.locator('.k-error-summary').waitFor();
    await axe(page);

    // Follow it; Mein Konto shows the verification and the followed item.
    await page.goto(url(`/testdinge/${item}`));
    await page.getByRole('button', { name: 'Folgen' }).click();
    await page.getByText('Sie folgen diesem Beitrag.').waitFor();
    await page.goto(url('/konto'));
    await page.getByRole('link', { name: 'Nur für Verifizierte' }).waitFor();
    await page.getByText(/Verifiziert: Einwohner\*in von Teststadt/).waitFor();
    await axe(page);

    // The digest's one-click link: the question, then the page for a link that no longer works (410).
    const follow = await db
      .selectFrom('participation_follows')
      .select('unsubscribe_token_hash')
      .where('item_id', '=', item)
      .where('user_id', '=', resident.id)
      .executeTakeFirstOrThrow();
    const unsubscribe = url(`/beteiligung/abbestellen/${unsubscribeToken(config.secret, follow.unsubscribe_token_hash)}`);
    await page.goto(unsubscribe);
    await axe(page);
    await page.getByRole('button', { name: 'Abbestellen' }).click();
    await page.getByText('Sie bekommen keine E-Mails mehr zu „Nur für Verifizierte“.').waitFor();
    const gone = await page.goto(unsubscribe);
    expect(gone?.status()).toBe(410);
    await page.getByText('Dieser Link gilt nicht mehr.').waitFor();
    await axe(page);
  });
});
