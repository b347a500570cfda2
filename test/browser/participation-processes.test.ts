import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBody, createProcess, createStadtbezirk } from '../../src/modules/participation/processes/process.test-support';
import { expectErrorSummary, expectNoAxeViolations, signInWithCookie, type TestBrowser, useBrowserSuite } from '../helpers/browser';
import { createDepartment, createStaff } from '../helpers/factories';

// Participation processes in Chromium, with and without JavaScript: the list with its tabs and filters, a process
// page with its timeline, and the staff form (an error first, then a process created). axe on every page.

const suite = useBrowserSuite({ alsoWithoutJavaScript: true });
let adminId: number;
let processId: number;

beforeAll(async () => {
  const { db, org } = suite.server;
  const west = await createStadtbezirk(db, org.id, 'Innenstadt-West');
  await createStadtbezirk(db, org.id, 'Hörde');
  const dept = await createDepartment(db, org.id, 'Tiefbauamt');
  const body = await createBody(db, org.id, 'Jugendparlament Dortmund');
  processId = await createProcess(db, org.id, {
    title: 'Jugendbudget: Abstimmung',
    topic: 'jugend',
    bodyId: body,
    rules: { vote: { who: 'verified', districtIds: [west], ageMin: 14, ageMax: 21, referenceDate: null } },
    phases: [
      { title: 'Vorschläge sammeln', from: -30, to: -10, kinds: ['proposals'] },
      { title: 'Abstimmung', from: -2, to: 10, kinds: ['vote', 'information'] },
    ],
  });
  await createProcess(db, org.id, { title: 'Radwall in West', departmentId: dept.id, districtIds: [west], phases: [{ title: 'Hinweise', from: 5, to: 30 }] });
  adminId = (await createStaff(db, suite.server.config.secret, org.id, 'admin')).id;
});

describe('participation processes in the browser', () => {
  it.each([
    ['with JavaScript', 'js'],
    ['without JavaScript', 'noJs'],
  ] as const)('list, process page and the staff form %s', async (_label, which) => {
    const browser: TestBrowser = which === 'js' ? suite.browser : suite.noScriptBrowser;
    const axe = (page: Page) => expectNoAxeViolations(page, { renderIn: suite.browser });
    const page = await browser.newPage();

    await page.goto(suite.server.url('/beteiligung'));
    await page.getByRole('heading', { level: 1, name: 'Beteiligungsverfahren' }).waitFor();
    await expect(page.getByRole('link', { name: 'Läuft' }).getAttribute('aria-current')).resolves.toBe('page');
    await axe(page);
    // The filter is a plain GET form: upcoming processes of a topic.
    await page.getByRole('link', { name: 'Demnächst' }).click();
    await page.getByLabel('Thema').selectOption('verkehr');
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.waitForURL(/stand=demnaechst.*thema=verkehr/);
    await expect(page.getByRole('heading', { level: 2, name: 'Radwall in West' }).count()).resolves.toBe(1);

    await page.goto(suite.server.url(`/beteiligung/${processId}`));
    await page.getByRole('heading', { level: 2, name: 'Was Sie jetzt tun können' }).waitFor();
    await expect(page.locator('[aria-current="step"]').textContent()).resolves.toContain('Aktuelle Phase');
    await expect(page.getByText('Wer darf: verifizierte Einwohner*innen des Stadtbezirks Innenstadt-West, 14 bis 21 Jahre').count()).resolves.toBe(1);
    await axe(page);

    await signInWithCookie(suite.server, browser, adminId, 'staff');
    await page.goto(suite.server.url('/verwaltung/beteiligung'));
    await axe(page);
    await page.getByRole('link', { name: 'Neues Verfahren', exact: true }).click();
    await page.getByLabel('Titel', { exact: true }).fill(`Spielplatz ${which}`);
    await page.getByRole('button', { name: 'Verfahren anlegen' }).click();
    await expectErrorSummary(page, ['summary', 'topic', 'responsible']);
    await expect(page.getByLabel('Titel', { exact: true }).inputValue()).resolves.toBe(`Spielplatz ${which}`);
    await axe(page);
    await page.getByLabel('Kurzbeschreibung').fill('Worum es geht.');
    await page.getByLabel('Thema').selectOption('umwelt');
    await page.getByLabel('Verantwortlich').selectOption({ label: 'Abteilung: Tiefbauamt' });
    await page.getByRole('button', { name: 'Verfahren anlegen' }).click();
    await page.getByText('Gespeichert.').waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Verfahren bearbeiten: Spielplatz ${which}`);
    await axe(page);
  });
});
