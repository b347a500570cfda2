/**
 * Screenshots of the Melden pages for the docs: node --import tsx scripts/screenshots-melden.ts [outDir]
 * Starts the app on a temporary PGlite database with the Dortmund demo seed (about 300 reports, drawn photos),
 * drives Debian's Chromium at 1280 px and writes docs/screenshots/melden-*.png. Pages that do not exist yet
 * (404) are skipped with a note. Fails if a page makes a third-party request or logs an error.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { migrateAll } from '../src/module-list';
import { openPglite } from '../src/platform/db/connect';
import { createSession } from '../src/platform/http/sessions';
import { hashToken, randomToken } from '../src/platform/security/tokens';
import { DEMO_ADMIN, seedDemo } from '../src/seed/demo';
import { launchBrowser, type TestBrowser } from '../test/helpers/browser';

const outDir = path.resolve(process.argv[2] ?? 'docs/screenshots');

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kuemmerer-shots-'));
  const handle = await openPglite({});
  let app: FastifyInstance | null = null;
  let browser: TestBrowser | null = null;
  const skipped: string[] = [];
  try {
    await migrateAll(handle.db);
    const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'http://localhost', DATA_DIR: dataDir, DEFAULT_ORGANIZATION: 'dortmund' });
    const started = performance.now();
    await seedDemo(handle.db, config.publicUrl, config.secret, { dataDir });
    console.log(`demo seed: ${Math.round(performance.now() - started)} ms`);
    const db = handle.db;
    const org = await db.selectFrom('organizations').selectAll().where('slug', '=', 'dortmund').executeTakeFirstOrThrow();
    app = await buildApp({ config, db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    config.publicUrl.port = String(address.port);
    const base = `http://localhost:${address.port}`;

    // The report with a photo and the longest public timeline; a fixed report for the questionnaire.
    const report = await db
      .selectFrom('reports as r')
      .innerJoin('report_photos as p', 'p.report_id', 'r.id')
      .select(['r.id', sql<number>`(SELECT count(*) FROM report_events e WHERE e.report_id = r.id AND e.public)::int`.as('n')])
      .where('r.organization_id', '=', org.id)
      .where('p.status', '=', 'approved')
      .where('r.hidden', '=', false)
      .orderBy('n', 'desc')
      .orderBy('r.id')
      .executeTakeFirstOrThrow();
    const fixed = await db
      .selectFrom('reports')
      .select(['id', 'reporter_email'])
      .where('organization_id', '=', org.id)
      .where('status', '=', 'fixed')
      .where('reporter_email', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const token = randomToken();
    await db
      .insertInto('report_questionnaires')
      .values({
        organization_id: org.id,
        report_id: fixed.id,
        email: `${fixed.reporter_email}.screenshot`,
        token_hash: hashToken(token),
        due_at: new Date(),
        sent_at: new Date(),
      })
      .execute();
    const admin = await db.selectFrom('users').select('id').where('organization_id', '=', org.id).where('email', '=', DEMO_ADMIN).executeTakeFirstOrThrow();

    // Long lists are shown as the first screenful; single pages in full.
    const shots: Array<{ file: string; path: string; as: 'anonymous' | 'admin'; full?: boolean }> = [
      { file: 'melden-form.png', path: '/melden', as: 'anonymous', full: true },
      { file: 'melden-report.png', path: `/meldungen/${report.id}`, as: 'anonymous', full: true },
      { file: 'melden-list.png', path: '/meldungen', as: 'anonymous' },
      { file: 'melden-questionnaire.png', path: `/meldungen/fragebogen/${token}`, as: 'anonymous', full: true },
      { file: 'melden-backoffice-inbox.png', path: '/verwaltung/meldungen', as: 'admin' },
      { file: 'melden-questionnaire-stats.png', path: '/verwaltung/meldungen/fragebogen', as: 'admin' },
    ];
    browser = await launchBrowser({ port: address.port });
    for (const shot of shots) {
      await browser.context.clearCookies();
      if (shot.as === 'admin') {
        const value = await createSession(db, { organizationId: org.id, userId: admin.id, level: 'staff', idleMinutes: 30, absoluteHours: 1 });
        await browser.context.addCookies([{ name: 'k_session', value, url: base }]);
      }
      const page = await browser.newPage();
      await page.setViewportSize({ width: 1280, height: shot.full ? 800 : 1200 });
      const res = await page.goto(`${base}${shot.path}`);
      if (res?.status() === 404) {
        skipped.push(`${shot.file}: ${shot.path} answered 404 (not built yet)`);
        await page.close();
        continue;
      }
      if (!res?.ok()) throw new Error(`${shot.path} answered ${res?.status()}`);
      await page.waitForLoadState('networkidle');
      const file = path.join(outDir, shot.file);
      await page.screenshot({ path: file, fullPage: shot.full === true });
      await page.close();
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
    // A 404 page logs "Failed to load resource" for its document; that is not a fault of any page.
    browser
      .takeProblems()
      .filter((p) => !/404/.test(p))
      .forEach((p) => {
        throw new Error(`The browser saw something a page must not do: ${p}`);
      });
    for (const s of skipped) console.log(`skipped ${s}`);
  } finally {
    await browser?.close();
    await app?.close();
    await handle.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
