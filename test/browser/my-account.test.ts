import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PERSON, seedResident } from '../../src/modules/accounts/data-rights.test-support';
import { mailSettingsOf } from '../../src/modules/accounts/mail-settings';
import { expectErrorSummary, expectNoAxeViolations, expectNoHorizontalScroll, signInWithCookie, type TestBrowser, useBrowserSuite } from '../helpers/browser';

// Issue 14, "Mein Konto": a resident's reports, the reports they follow or support, their Angsträume ratings, the
// mail settings and the name carried over from a report, walked in Chromium at phone and desktop width, with and
// without JavaScript, and once in Arabic on a 320 px phone. axe on every page state.

describe('Mein Konto in the browser', () => {
  const suite = useBrowserSuite({ alsoWithoutJavaScript: true });

  async function openAccount(browser: TestBrowser, width: number, path = '/konto') {
    const world = await seedResident(suite.server);
    await suite.server.db.updateTable('users').set({ display_name: '' }).where('id', '=', world.userId).execute();
    await signInWithCookie(suite.server, browser, world.userId, 'resident');
    const page = await browser.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(suite.server.url(path));
    return { world, page };
  }

  const axe = (page: Page) => expectNoAxeViolations(page, { renderIn: suite.browser });

  it.each([
    [390, true],
    [390, false],
    [1280, true],
    [1280, false],
  ])('at %i px (JavaScript: %s): lists, settings, name and unfollowing', async (width, withScript) => {
    const browser = withScript ? suite.browser : suite.noScriptBrowser;
    const { world, page } = await openAccount(browser, width);
    const main = page.getByRole('main');

    await main.getByRole('heading', { level: 1, name: 'Mein Konto' }).waitFor();
    for (const title of ['Meine Meldungen', 'Meldungen, denen ich folge oder die ich unterstütze', 'Meine Bewertungen von Angsträumen', 'E-Mails zu Meldungen'])
      await expect(main.getByRole('heading', { level: 2, name: title }).isVisible()).resolves.toBe(true);
    await expect(main.getByRole('link', { name: 'Schlagloch: Hansastraße 3' }).first().getAttribute('href')).resolves.toBe(`/meldungen/${world.ownReport}`);
    await expect(main.getByText('Noch nicht öffentlich: Bitte bestätigen Sie die Meldung').isVisible()).resolves.toBe(true);
    await expect(main.getByText('Tagsüber 2 von 5, abends und nachts 1 von 5').isVisible()).resolves.toBe(true);
    // The table of contents jumps to the settings.
    await main.getByRole('link', { name: 'E-Mails zu Meldungen' }).click();
    await page.waitForURL(/#konto-benachrichtigungen$/);
    if (width < 400) await expectNoHorizontalScroll(page);
    await axe(page);

    // Mail settings: once a day, no questionnaire.
    await page.getByLabel('Einmal am Tag: alle Meldungen in einer E-Mail').check();
    await page.getByLabel('Die Nachfrage, ob ein als erledigt gemeldetes Problem wirklich behoben ist').uncheck();
    await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await page.waitForURL(/\/konto\?ok=saved#konto-benachrichtigungen$/);
    await page.getByRole('status').getByText('Gespeichert.').waitFor();
    await expect(page.getByLabel('Einmal am Tag: alle Meldungen in einer E-Mail').isChecked()).resolves.toBe(true);
    expect(await mailSettingsOf(suite.server.db, suite.server.org.id, world.userId)).toEqual({ statusMails: true, questionnaire: false, digest: 'daily' });
    await axe(page);

    // The name from the report goes into the account only by the button.
    const take = page.getByRole('button', { name: `Den Namen „${PERSON.name}“ aus Ihrer Meldung übernehmen` });
    await take.click();
    await page.getByText(`Der Name „${PERSON.name}“ steht jetzt in Ihrem Konto.`).waitFor();
    await expect(page.getByRole('textbox', { name: /Ihr Name/ }).inputValue()).resolves.toBe(PERSON.name);
    await expect(take.count()).resolves.toBe(0);
    await axe(page);

    // Stop following the neighbour's report; the support stays listed.
    await page.getByRole('button', { name: /^Nicht mehr folgen/ }).click();
    await page.waitForURL(/#konto-verfolgt$/);
    const followed = page.locator('#konto-verfolgt');
    await expect(followed.getByText('Sie unterstützen').isVisible()).resolves.toBe(true);
    await expect(followed.getByRole('button', { name: /^Nicht mehr folgen/ }).count()).resolves.toBe(0);
    await expect(followed.getByText('· Sie folgen').count()).resolves.toBe(0);
    if (width < 400) await expectNoHorizontalScroll(page);
    await axe(page);
  });

  it('marks the choice when none was sent, and keeps the rest of the input', async () => {
    const { page } = await openAccount(suite.browser, 1280);
    // A browser cannot send the form without a choice; a stale or hand-made one can: take the choice away.
    await page.evaluate(() => {
      for (const input of document.querySelectorAll<HTMLInputElement>('input[name="digest"]')) input.checked = false;
    });
    await page.getByLabel('Neuigkeiten, wenn sich bei einer Meldung etwas ändert').uncheck();
    await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await expectErrorSummary(page, ['digest']);
    await expect(page.getByLabel('Neuigkeiten, wenn sich bei einer Meldung etwas ändert').isChecked()).resolves.toBe(false);
    await expect(page.getByLabel('Die Nachfrage, ob ein als erledigt gemeldetes Problem wirklich behoben ist').isChecked()).resolves.toBe(true);
    await axe(page);
  });

  it('in العربية: right to left, every section in Arabic, no sideways scroll at 320 px', async () => {
    const { world, page } = await openAccount(suite.browser, 320, '/konto?lang=ar');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ar');
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'حسابي' }).waitFor();
    for (const title of ['بلاغاتي', 'بلاغات أتابعها أو أدعمها', 'رسائل البريد الإلكتروني عن البلاغات'])
      await expect(main.getByRole('heading', { level: 2, name: title }).isVisible()).resolves.toBe(true);
    await expect(main.getByRole('button', { name: /اعتماد الاسم/ }).isVisible()).resolves.toBe(true);
    await expect(main.locator(`a[href="/meldungen/${world.ownReport}"]`).isVisible()).resolves.toBe(true);
    // The radio buttons sit at the right, where Arabic lines start.
    const radio = (await page.locator('#f-digest-daily').boundingBox())!;
    const label = (await page.locator('label[for="f-digest-daily"]').boundingBox())!;
    expect(radio.x).toBeGreaterThan(label.x);
    await expectNoHorizontalScroll(page);
    await axe(page);
  });
});
