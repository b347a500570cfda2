import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Organization } from '../../src/db-schema';
import type { RequestContext } from '../../src/platform/http/context';
import { createRegistry } from '../../src/platform/module';
import { exampleStates } from '../../src/platform/views/components/examples';
import { renderHtml } from '../../src/platform/views/render';
import { expectNoAxeViolations, expectNoHorizontalScroll, useBrowserSuite } from '../helpers/browser';

// Each example state of the shared components is rendered to a whole page and served at an address of the test
// server (so the real stylesheet loads), then checked by axe: what a module builds from them starts accessible.

const org: Organization = { id: 1, slug: 'teststadt', name: 'Teststadt', hosts: ['localhost'], contact_email: 'rathaus@example.de', created_at: new Date() };

const ctx: RequestContext = {
  org,
  locale: 'de',
  user: { id: 1, email: 'admin@example.de', displayName: 'Admin', role: 'admin', level: 'staff', departmentIds: [] },
  csrfToken: 'beispiel-token',
  path: '/verwaltung/beispiele',
  demo: false,
  requestId: 'beispiel',
  modules: createRegistry([
    {
      name: 'beispiele',
      backOffice: [{ href: '/verwaltung/beispiele', label: () => 'Beispiele', roles: 'any', section: 'work', order: 10 }],
    },
  ]),
};

const states = exampleStates(ctx);

describe('shared view components: every example state passes axe', () => {
  const suite = useBrowserSuite();

  async function show(name: string, width = 1280): Promise<Page> {
    const page = await suite.page();
    await page.setViewportSize({ width, height: 800 });
    const url = suite.server.url(`/__beispiele/${name}`);
    const html = renderHtml(states[name]!);
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(url);
    // The real stylesheet applies (not a page without styles that would hide contrast problems).
    await expect(page.locator('.k-header').evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe('rgb(0, 79, 159)');
    return page;
  }

  it.each(Object.keys(states))('%s', async (name) => {
    const page = await show(name);
    await expectNoAxeViolations(page);
  });

  it('a table names itself, its columns and rows, and says how it is sorted', async () => {
    const page = await show('table-many-sorted');
    const table = page.getByRole('table', { name: 'Beispiele' });
    await expect(table.locator('th[scope="col"]').count()).resolves.toBe(5);
    await expect(table.getByRole('rowheader').count()).resolves.toBe(25);
    await expect(table.locator('th[aria-sort]').allTextContents()).resolves.toEqual(['Name▲']);
    // The sort links keep the filter and start again at page 1.
    await expect(table.getByRole('link', { name: /^Name/ }).getAttribute('href')).resolves.toBe('/verwaltung/beispiele?q=Eintrag&sortierung=name-ab');
    await expect(table.getByRole('link', { name: /^Angelegt/ }).getAttribute('href')).resolves.toBe('/verwaltung/beispiele?q=Eintrag&sortierung=alt');
    const nav = page.getByRole('navigation', { name: 'Seiten' });
    await expect(nav.locator('[aria-current="page"]').textContent()).resolves.toBe('2');
    await expect(nav.getByRole('link', { name: 'Nächste Seite' }).getAttribute('href')).resolves.toBe(
      '/verwaltung/beispiele?q=Eintrag&sortierung=name&seite=3',
    );
    await expect(nav.getByRole('link', { name: 'Vorherige Seite' }).getAttribute('href')).resolves.toBe('/verwaltung/beispiele?q=Eintrag&sortierung=name');
  });

  it('an empty list says so and keeps its filter form', async () => {
    const page = await show('table-empty');
    await expect(page.getByRole('table').count()).resolves.toBe(0);
    await expect(page.getByRole('main').textContent()).resolves.toContain('Keine Beispiele für diese Auswahl.');
    await expect(page.getByLabel('Suche').inputValue()).resolves.toBe('nichts');
    await expect(page.getByRole('link', { name: 'Filter zurücksetzen' }).count()).resolves.toBe(1);
  });

  it('bulk actions: each row box is labelled, "select all" works without JavaScript', async () => {
    const page = await show('table-bulk');
    await page.getByLabel('Eintrag 3 auswählen').check();
    await expect(page.getByRole('checkbox', { checked: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Alle auswählen' }).getAttribute('href')).resolves.toBe('/verwaltung/beispiele?auswahl=alle');

    const all = await show('table-bulk-all-selected');
    await expect(all.locator('input[name="ids"]:checked').count()).resolves.toBe(5);
    await expect(all.getByRole('link', { name: 'Auswahl aufheben' }).getAttribute('href')).resolves.toBe('/verwaltung/beispiele');
    // Rows keep their own delete forms; the boxes belong to the bulk form, which carries the CSRF token.
    await expect(all.locator('input[name="ids"][form="bulk-ids"]').count()).resolves.toBe(5);
    await expect(all.locator('form#bulk-ids[action="/verwaltung/beispiele/sammelaktion"] input[name="_csrf"]').count()).resolves.toBe(1);
    await expect(all.locator('form form').count()).resolves.toBe(0);
  });

  it('first, middle and last page: previous and next only where they lead somewhere', async () => {
    const first = await show('pagination-first');
    const nav = (p: Page) => p.getByRole('navigation', { name: 'Seiten' });
    await expect(nav(first).getByRole('link', { name: 'Vorherige Seite' }).count()).resolves.toBe(0);
    await expect(nav(first).getByRole('link', { name: 'Seite 1', exact: true }).getAttribute('aria-current')).resolves.toBe('page');
    await expect(nav(first).getByRole('link', { name: 'Seite 2' }).getAttribute('href')).resolves.toBe('/verwaltung/beispiele?bezirk=Eving&seite=2');

    const middle = await show('pagination-middle');
    await expect(nav(middle).getByRole('link').allTextContents()).resolves.toEqual(['Vorherige Seite', '1', '4', '5', '6', '7', '8', '12', 'Nächste Seite']);

    const last = await show('pagination-last');
    await expect(nav(last).getByRole('link', { name: 'Nächste Seite' }).count()).resolves.toBe(0);
    await expect(nav(last).getByRole('link', { name: 'Vorherige Seite' }).getAttribute('href')).resolves.toBe('/verwaltung/beispiele?bezirk=Eving&seite=11');

    const uncounted = await show('pagination-uncounted');
    await expect(nav(uncounted).locator('[aria-current="page"]').textContent()).resolves.toBe('Seite 3');
    await expect(nav(uncounted).getByRole('link', { name: 'Nächste Seite' }).count()).resolves.toBe(1);
  });

  it('a form with errors: summary first, linked to each field, input kept, one primary button', async () => {
    const page = await show('form-errors');
    const summary = page.locator('.k-error-summary');
    await expect(summary.getByRole('link').count()).resolves.toBe(3);
    await summary.getByRole('link', { name: 'Bitte geben Sie einen Namen ein.' }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-name');
    await expect(page.locator('#f-name').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('Notiz').inputValue()).resolves.toBe('Schon getippt, bleibt stehen.');
    await expect(page.locator('main .k-button--primary').count()).resolves.toBe(1);
    await expect(page.locator('form[action="/verwaltung/beispiele/1"] input[name="_csrf"]').getAttribute('value')).resolves.toBe('beispiel-token');
    await expect(page.getByRole('group', { name: 'Einordnung' }).count()).resolves.toBe(1);
  });

  it('a timeline dates each event with a machine-readable time', async () => {
    const page = await show('timeline-cards');
    await expect(page.locator('.k-timeline time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')))).resolves.toEqual([
      '2026-03-01T08:00:00.000Z',
      '2026-03-02T10:15:00.000Z',
      '2026-03-03T16:45:00.000Z',
    ]);
    await expect(page.locator('.k-timeline__item').nth(1).textContent()).resolves.toContain('Intern · von Erika Mustermann');
  });

  it('status badges carry their words, not only a colour', async () => {
    const page = await show('status-badges');
    await expect(page.locator('.k-status').allTextContents()).resolves.toEqual(['● Entwurf', '◐ In Arbeit', '✔ Erledigt', '■ Archiviert']);
  });

  it('a wide table can be scrolled by keyboard: its box is a named region in the tab order', async () => {
    const page = await show('table-scroll-region', 320);
    const region = page.getByRole('region', { name: 'Alle Beispiele' });
    await expect(region.getAttribute('tabindex')).resolves.toBe('0');
    await expect(region.getByRole('table').count()).resolves.toBe(1);
    await expectNoHorizontalScroll(page);
  });

  it.each(['table-long-words', 'form-long-words', 'timeline-cards'])('long German words do not widen the page on a phone: %s', async (name) => {
    const page = await show(name, 320);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });
});
