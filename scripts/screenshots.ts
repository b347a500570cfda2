/**
 * Screenshots of a few pages for the docs: node --import tsx scripts/screenshots.ts [outDir]
 * Starts the app on a fresh in-memory database with synthetic data, drives Debian's Chromium (1280 px wide),
 * and fails if a page makes a third-party request or logs an error.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { migrateAll } from '../src/module-list';
import { openPglite } from '../src/platform/db/connect';
import { launchBrowser, signInWithCookie, startServer, type TestBrowser, type TestServer } from '../test/helpers/browser';
import { createDepartment, createStaff } from '../test/helpers/factories';

const outDir = path.resolve(process.argv[2] ?? 'docs/screenshots');

const SHOTS: Array<{ file: string; path: string; as: 'anonymous' | 'admin' }> = [
  { file: 'home.png', path: '/', as: 'anonymous' },
  { file: 'staff-login.png', path: '/verwaltung/anmelden', as: 'anonymous' },
  { file: 'departments.png', path: '/verwaltung/abteilungen', as: 'admin' },
];

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  let server: TestServer | null = null;
  let browser: TestBrowser | null = null;
  try {
    server = await startServer({
      async openDatabase() {
        const handle = await openPglite({});
        await migrateAll(handle.db);
        return handle;
      },
    });
    const { db, config, org } = server;
    const admin = await createStaff(db, config.secret, org.id, 'admin', { email: 'admin@teststadt.example' });
    for (const name of ['Tiefbauamt', 'Grünflächenamt', 'Ordnungsamt', 'Umweltamt']) await createDepartment(db, org.id, name);

    browser = await launchBrowser(server);
    for (const shot of SHOTS) {
      await browser.context.clearCookies();
      if (shot.as === 'admin') await signInWithCookie(server, browser, admin.id, 'staff');
      const page = await browser.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(server.url(shot.path));
      const file = path.join(outDir, shot.file);
      await page.screenshot({ path: file, fullPage: true });
      await page.close();
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
    browser.assertClean();
  } finally {
    await browser?.close();
    await server?.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
