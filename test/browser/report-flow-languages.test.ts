import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/modules/reports/messages';
import { type Locale, translator } from '../../src/platform/i18n';
import { expectErrorSummary, expectNoAxeViolations, expectNoHorizontalScroll, useBrowserSuite } from '../helpers/browser';
import { createCategory, createSyntheticBoundary } from '../helpers/factories';

// Issue 15: the whole report flow in Turkish and in Arabic on a 320 px phone: both steps with their errors and the
// thanks page, every page in the visitor's language (texts from the catalogue, not German), right to left in
// Arabic with the error summary first and the error marks on the right, no sideways scrolling, and 0 axe violations.

describe('the report flow in Türkçe and العربية', () => {
  const suite = useBrowserSuite({ devMailbox: true });
  let categoryId = 0;

  beforeAll(async () => {
    const { db, org } = suite.server;
    await createSyntheticBoundary(db, org.id);
    categoryId = (await createCategory(db, org.id, { name: 'Schlagloch' })).id;
  });

  /** The error marks sit on the side where lines start: right in Arabic, left otherwise. */
  async function expectErrorMarkAtLineStart(page: Page, rtl: boolean) {
    const borders = await page
      .locator('.k-field--error')
      .first()
      .evaluate((el) => ({ right: getComputedStyle(el).borderRightWidth, left: getComputedStyle(el).borderLeftWidth }));
    expect(rtl ? borders.right : borders.left).not.toBe('0px');
    expect(rtl ? borders.left : borders.right).toBe('0px');
  }

  /** The summary comes before the first marked field, and it is where the focus goes. */
  async function expectSummaryFirst(page: Page) {
    const summary = (await page.locator('.k-error-summary').boundingBox())!;
    const field = (await page.locator('.k-field--error').first().boundingBox())!;
    expect(summary.y).toBeLessThan(field.y);
  }

  it.each([
    ['tr', false],
    ['ar', true],
  ] as Array<[Locale, boolean]>)('%s: both steps, their errors and the thanks page', async (locale, rtl) => {
    const t = translator(messages, locale);
    expect(t('step2')).not.toBe(translator(messages, 'de')('step2'));
    const page = await suite.page();
    await page.setViewportSize({ width: 320, height: 720 });
    const ready = async () => {
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale);
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe(rtl ? 'rtl' : 'ltr');
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);
    };

    await page.goto(suite.server.url(`/melden?lang=${locale}`));
    await page.getByRole('heading', { level: 2, name: t('step1') }).waitFor();
    await ready();

    // Step 1 sent empty: what is missing is named first, in the visitor's language, and marked at the line start.
    await page.getByRole('button', { name: t('continue') }).click();
    await expectErrorSummary(page, ['categoryId', 'location']);
    await expectSummaryFirst(page);
    await expectErrorMarkAtLineStart(page, rtl);
    await ready();

    // The category and a point by its coordinates (typed left to right whatever the page's direction).
    await page.locator(`input[name="categoryId"][value="${categoryId}"]`).check();
    if (!(await page.locator('#f-lat').isVisible())) await page.getByText(t('coordsLegend')).click();
    await page.locator('#f-lat').fill('51.5');
    await page.locator('#f-lon').fill('7.5');
    await expect(page.locator('#f-lat').evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('ltr');
    await page.getByRole('button', { name: t('continue') }).click();
    await page.getByRole('heading', { level: 2, name: t('step2') }).waitFor();
    await ready();

    // Step 2 sent empty: description and email are missing.
    await page.getByRole('button', { name: t('send') }).click();
    await expectErrorSummary(page, ['description', 'email']);
    await expectSummaryFirst(page);
    await expectErrorMarkAtLineStart(page, rtl);
    await ready();

    await page.locator('#f-description').fill(locale === 'ar' ? 'حفرة كبيرة في الشارع أمام المدرسة' : 'Okulun önünde yolda büyük bir çukur var');
    await page.locator('#f-email').fill(`melden-${locale}@example.de`);
    await page.getByRole('button', { name: t('send') }).click();
    await page.getByRole('heading', { level: 1, name: t('thanksTitle') }).waitFor();
    await ready();
  });
});
