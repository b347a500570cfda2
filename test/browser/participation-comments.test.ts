import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { MODULES, moduleRegistry } from '../../src/module-list';
import { addTestItem, testItemModule } from '../../src/modules/participation/comments/comments.test-support';
import type { DatabaseHandle } from '../../src/platform/db/connect';
import { sessionCookieName } from '../../src/platform/http/platform-plugin';
import { createSession } from '../../src/platform/http/sessions';
import { testConfig } from '../helpers/app';
import { expectNoAxeViolations, launchBrowser, type TestBrowser } from '../helpers/browser';
import { createTestDatabase } from '../helpers/database';
import { createOrganization, createResident, createStaff } from '../helpers/factories';

// Comments of the participation core in Chromium, with and without JavaScript: a resident comments, replies and
// flags another comment on an item's page (a test kind, as an owner module would show it), a mistake shows the
// form again, and a moderator hides the flagged comment in the queue. axe on each page state.

const modules = moduleRegistry([...MODULES, testItemModule]);
let handle: DatabaseHandle;
let app: Awaited<ReturnType<typeof buildApp>>;
let base: string;
let orgId: number;
let secret: string;
const browsers: Record<'js' | 'noJs', TestBrowser | null> = { js: null, noJs: null };

beforeAll(async () => {
  handle = await createTestDatabase();
  const org = await createOrganization(handle.db, { hosts: ['localhost', '127.0.0.1'], name: 'Teststadt' });
  orgId = org.id;
  const config = testConfig({ PUBLIC_URL: 'http://localhost' });
  secret = config.secret;
  app = await buildApp({ config, db: handle.db, modules });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://localhost:${address.port}`;
  browsers.js = await launchBrowser({ port: address.port });
  browsers.noJs = await launchBrowser({ port: address.port }, { javaScriptEnabled: false });
});
afterEach(async () => {
  const problems: string[] = [];
  for (const b of Object.values(browsers)) {
    if (!b) continue;
    await b.closePages();
    await b.context.clearCookies();
    problems.push(...b.takeProblems());
  }
  if (problems.length > 0) throw new Error(`The browser saw things a page must not do:\n${problems.join('\n')}`);
});
afterAll(async () => {
  for (const b of Object.values(browsers)) await b?.close();
  await app?.close();
  await handle?.close();
});

async function signIn(browser: TestBrowser, userId: number, level: 'resident' | 'staff') {
  const value = await createSession(handle.db, { organizationId: orgId, userId, level, idleMinutes: 30, absoluteHours: 1 });
  await browser.context.addCookies([{ name: sessionCookieName(false), value, url: base }]);
}

describe('comments in the browser', () => {
  it.each(['js', 'noJs'] as const)('a comment, a reply, a flag and the moderation queue (%s)', async (which) => {
    const browser = browsers[which]!;
    const axe = (page: Page) => expectNoAxeViolations(page, { renderIn: browsers.js! });
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
    await page.goto(`${base}/testdinge/${item}`);
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
    await page.goto(`${base}/verwaltung/moderation`);
    const row = page.locator(`tr[data-comment="${nb.id}"]`);
    await row.getByText('Das ist Spott').waitFor();
    await axe(page);
    await row.getByLabel('Öffentliche Begründung').fill('Bitte bleiben Sie sachlich.');
    await row.getByRole('button', { name: 'Ausblenden' }).click();
    await page.getByText('Der Kommentar ist ausgeblendet.').waitFor();
    await axe(page);
    await page.goto(`${base}/testdinge/${item}`);
    await page.getByText('Ausgeblendet von der Moderation: Bitte bleiben Sie sachlich.').waitFor();
    await expect(page.getByText('Kauft lieber Parkplätze!').count()).resolves.toBe(0);
  });
});
