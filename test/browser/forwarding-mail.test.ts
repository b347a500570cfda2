import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReport, seedBackOffice } from '../../src/modules/reports/backoffice/backoffice.test-support';
import { localStorage } from '../../src/platform/files/storage';
import { expectNoAxeViolations, signInWithCookie, useBrowserSuite } from '../helpers/browser';

// Issue 14: passing a report on to another department tells that department, with the same mail a new report
// brings it ("Weitergeleitete Meldung"), not only the reporter. Driven as staff do it, read in the mailbox.

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kuemmerer-forwarding-'));

describe('forwarding a report in the back office', () => {
  const suite = useBrowserSuite({ devMailbox: true, env: { DATA_DIR: dataDir } });
  let s: Awaited<ReturnType<typeof seedBackOffice>>;

  beforeAll(async () => {
    const { db, config, org } = suite.server;
    s = await seedBackOffice(db, config.secret, org.id);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('the receiving department gets the report by mail', async () => {
    const { server } = suite;
    const id = await makeReport(server.db, localStorage(path.join(dataDir, 'files')), server.org.id, {
      categoryId: s.category.id,
      departmentId: s.depA.id,
      description: 'Baum auf dem Gehweg umgestürzt, gehört zu den Grünflächen',
      photos: 0,
    });
    await signInWithCookie(server, suite.browser, s.staffA.id, 'staff');
    const page = await suite.browser.newPage();
    await page.goto(server.url(`/verwaltung/meldungen/${id}`));
    await page.getByLabel('Zuständige Abteilung').selectOption({ label: 'Grünflächenamt' });
    await page.getByRole('button', { name: 'Weitergeben' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);

    const mailbox = await suite.browser.newPage();
    await mailbox.goto(server.url('/dev/postfach'));
    const mail = mailbox.locator(`[data-mail-to="${s.depB.email}"]`).filter({ hasText: `#${id}` });
    await expect(mail.count()).resolves.toBe(1);
    const text = (await mail.textContent()) ?? '';
    expect(text).toContain(`Weitergeleitete Meldung #${id}`);
    expect(text).toContain('Baum auf dem Gehweg umgestürzt');
    expect(text).toContain(`/verwaltung/meldungen/${id}`);
    // The department it left gets nothing new about it.
    await expect(
      mailbox
        .locator(`[data-mail-to="${s.depA.email}"]`)
        .filter({ hasText: `Weitergeleitete Meldung #${id}` })
        .count(),
    ).resolves.toBe(0);
  });
});
