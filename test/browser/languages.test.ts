import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectErrorSummary, expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, signInWithCookie, useBrowserSuite } from '../helpers/browser';
import { createStaff } from '../helpers/factories';

// Languages in a real browser: the switch without JavaScript, Arabic right to left (mirrored form and error
// summary, nothing wider than a 320 px phone), and the pages in Leichte Sprache and Gebärdensprache checked by axe.

describe('languages in Chromium', () => {
  const suite = useBrowserSuite({ alsoWithoutJavaScript: true });

  it('the language switch works without JavaScript, and the choice stays on the next pages', async () => {
    const page = await suite.noScriptBrowser.newPage();
    await page.goto(suite.server.url('/impressum'));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de');
    await page.getByRole('button', { name: 'Türkçe' }).click();
    await page.waitForURL(suite.server.url('/impressum'));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('tr');
    await expect(page.getByRole('button', { name: 'Türkçe' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Alman İşaret Dili' }).click();
    await page.waitForURL(suite.server.url('/gebaerdensprache'));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('tr');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Alman İşaret Dili');
    await expectNoAxeViolations(page, { renderIn: suite.browser });

    await page.getByRole('button', { name: 'العربية' }).click();
    await page.waitForURL(suite.server.url('/gebaerdensprache'));
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expectNoAxeViolations(page, { renderIn: suite.browser });
  });

  it('the first visit follows the browser’s language', async () => {
    const ukrainian = await launchBrowser(suite.server, { locale: 'uk-UA' });
    try {
      const page = await ukrainian.newPage();
      await page.goto(suite.server.url('/'));
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('uk');
      ukrainian.assertClean();
    } finally {
      await ukrainian.close();
    }
  });

  const arabic = async (path: string): Promise<Page> => {
    const page = await suite.browser.newPage();
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(suite.server.url(`${path}${path.includes('?') ? '&' : '?'}lang=ar`));
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ar');
    return page;
  };

  it.each(['/', '/leichte-sprache', '/gebaerdensprache', '/barrierefreiheit', '/anmelden', '/meldungen'])(
    'Arabic %s is right to left and fits a 320 px phone without sideways scrolling',
    async (path) => {
      const page = await arabic(path);
      await expectNoHorizontalScroll(page);
      // The text starts at the right: the heading's words end near the right edge (their box, not the block's).
      const gap = await page.evaluate(() => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('h1')!);
        return document.documentElement.clientWidth - range.getBoundingClientRect().right;
      });
      expect(gap).toBeLessThan(40);
      await expectNoAxeViolations(page);
    },
  );

  it('an Arabic form mirrors: labels and the error marks on the right, the error summary first', async () => {
    const page = await arabic('/anmelden');
    await page.locator('main button[type="submit"]').first().click();
    await expectErrorSummary(page, ['email']);
    const field = page.locator('.k-field--error').first();
    const borders = await field.evaluate((el) => {
      const style = getComputedStyle(el);
      return { right: style.borderRightWidth, left: style.borderLeftWidth };
    });
    expect(borders).toEqual({ right: '5px', left: '0px' });
    const summary = await page.locator('.k-error-summary').boundingBox();
    const input = await page.locator('#f-email').boundingBox();
    expect(summary!.y).toBeLessThan(input!.y);
    // What is typed as an address stays left to right.
    await expect(page.locator('#f-email').evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('ltr');
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });

  it('the Leichte Sprache page stays German (lang="de") inside an Arabic page', async () => {
    const page = await arabic('/leichte-sprache');
    await expect(page.locator('.k-easy').getAttribute('lang')).resolves.toBe('de');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Kümmerer in Leichter Sprache');
  });

  it('the back-office page for sign-language videos passes axe, empty and with a video', async () => {
    const admin = await createStaff(suite.server.db, suite.server.config.secret, suite.server.org.id, 'admin');
    await signInWithCookie(suite.server, suite.browser, admin.id, 'staff');
    const page = await suite.browser.newPage();
    await page.goto(suite.server.url('/verwaltung/gebaerdensprache'));
    await expectNoAxeViolations(page);
    await page.getByLabel('Titel', { exact: true }).fill('Was ist Kümmerer?');
    await page.getByLabel('Adresse der Videodatei').fill('/static/dgs/nicht-da.mp4');
    await page.getByRole('button', { name: 'Video hinzufügen' }).click();
    await page.waitForURL(/ok=added/);
    await expectNoAxeViolations(page);
    expect(await page.getByRole('row').count()).toBe(2);
  });
});
