// npm run bench:generate -- [--reports N] [--database-url URL | --data-dir DIR] [--seed S] [--append] [--now ISO]
//
// Fills a database with a city's worth of reports for load benchmarks: the Dortmund demo city (created with
// the demo seed if missing) plus N generated reports with timelines, supporters, followers, residents,
// questionnaires, Angsträume ratings and a few photos. Deterministic for a given --seed and --now.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config';
import { migrateAll } from '../../src/module-list';
import { type DatabaseHandle, openPglite, openPostgres } from '../../src/platform/db/connect';
import { seedDemo } from '../../src/seed/demo';
import { tableSizes } from './city';
import { filesDirOf, fillCity } from './fill';
import { POPULATION_SOURCE } from './population';
import { createProgress } from './progress';

/** Above this many reports a database is treated as holding real data: only --append writes into it. */
export const PROTECT_ABOVE = 1000;

const USAGE = `Usage: npm run bench:generate -- [options]

  --reports N          reports to add (default 1,000,000 on PostgreSQL, 100,000 on PGlite)
  --database-url URL   PostgreSQL target (default: $DATABASE_URL; without either, PGlite in the data folder)
  --data-dir DIR       PGlite database, photo files and secret (default: $DATA_DIR, else ./data-bench for PGlite
                       and ./data-bench/postgres-DBNAME for PostgreSQL: one folder per database, see below)
  --seed S             random seed (default 1): the same seed and --now give the same data
  --now ISO            the data's "now" (default: the current hour)
  --append             write into a database that already has more than ${PROTECT_ABOVE} reports
  --batch N            reports per statement (default 5000)

Serve the result with the same DATA_DIR (it holds the photo files and the secret the demo admin's link needs).
Never serve two databases from one DATA_DIR: the app's photo cleanup removes files its database does not know.`;

export class UsageError extends Error {}

export interface CliOptions {
  reports: number;
  databaseUrl: string | null;
  dataDir: string;
  seed: number;
  now: number;
  append: boolean;
  batch: number;
}

function positiveInt(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const s = raw.replace(/[_,]/g, '');
  if (!/^\d{1,9}$/.test(s) || Number(s) < 1) throw new UsageError(`${name} must be a whole number above 0, got "${raw}"`);
  return Number(s);
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv, cwd = process.cwd(), clock = Date.now): CliOptions | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        reports: { type: 'string' },
        'database-url': { type: 'string' },
        'data-dir': { type: 'string' },
        seed: { type: 'string' },
        now: { type: 'string' },
        append: { type: 'boolean' },
        batch: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return 'help';
  const databaseUrl = (values['database-url'] as string | undefined) ?? (env.DATABASE_URL || null);
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new UsageError(`--database-url must start with postgres://, got "${databaseUrl}"`);
  const nowRaw = values.now as string | undefined;
  const now = nowRaw === undefined ? Math.floor(clock() / 3_600_000) * 3_600_000 : Date.parse(nowRaw);
  if (!Number.isFinite(now)) throw new UsageError(`--now must be a date like 2026-11-25T12:00:00Z, got "${nowRaw}"`);
  return {
    reports: positiveInt(values.reports as string | undefined, '--reports', databaseUrl ? 1_000_000 : 100_000),
    databaseUrl,
    dataDir: path.resolve(cwd, (values['data-dir'] as string | undefined) ?? (env.DATA_DIR || defaultDataDir(databaseUrl))),
    seed: positiveInt(values.seed as string | undefined, '--seed', 1),
    now,
    append: Boolean(values.append),
    batch: positiveInt(values.batch as string | undefined, '--batch', 5000),
  };
}

/**
 * PGlite lives in ./data-bench. A PostgreSQL database gets a folder of its own beneath it for its photo files:
 * the app's orphan cleanup deletes every photo file its database does not know, so two databases served from one
 * folder would delete each other's photos.
 */
function defaultDataDir(databaseUrl: string | null): string {
  if (!databaseUrl) return './data-bench';
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1)).replace(/[^A-Za-z0-9_-]/g, '_') || 'postgres';
  return `./data-bench/postgres-${name}`;
}

/** The URL without its password, for printing. */
export function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.href;
}

const fmt = (n: number) => n.toLocaleString('en-US');

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let options: CliOptions | 'help';
  try {
    options = parseOptions(argv, env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  const o = options;
  // The app's own settings: the secret (for the demo admin's setup link) lives in the data folder, as for the app.
  const config = loadConfig({ ...env, DATA_DIR: o.dataDir, DATABASE_URL: o.databaseUrl ?? '' });
  const target = o.databaseUrl ? `PostgreSQL ${redact(o.databaseUrl)}` : `PGlite in ${path.join(o.dataDir, 'pglite')}`;
  console.log(`Target:   ${target}`);
  console.log(`Plan:     migrate; create the Dortmund demo city if missing (demo seed); add ${fmt(o.reports)} reports over 3 years`);
  console.log(`          with timelines, supporters, followers, ${fmt(Math.round(o.reports / 10))} residents, ~1 % photos (files in ${filesDirOf(o.dataDir)})`);
  console.log(`Seed:     ${o.seed}, now ${new Date(o.now).toISOString()}   Density: ${POPULATION_SOURCE}`);

  let handle: DatabaseHandle;
  try {
    handle = o.databaseUrl ? await openPostgres(o.databaseUrl, 2) : await openPglite({ dataDir: o.dataDir });
  } catch (err) {
    console.error(`Cannot open the database: ${(err as Error).message}`);
    return 1;
  }
  try {
    const started = Date.now();
    await migrateAll(handle.db);
    const existing = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM reports`.execute(handle.db)).rows[0]!.n);
    if (existing > PROTECT_ABOVE && !o.append) {
      console.error(
        `The database already holds ${fmt(existing)} reports. Refusing to add benchmark data to what may be real data; pass --append to add anyway.`,
      );
      return 2;
    }
    console.log(`Existing: ${fmt(existing)} reports${existing > 0 ? ' (the new ones are added)' : ''}`);
    const seeded = await seedDemo(handle.db, config.publicUrl, config.secret, { dataDir: o.dataDir, now: o.now });
    if (seeded.created) console.log(`Demo city created. Admin setup link: ${seeded.adminSetupUrl}`);
    const org = await handle.db.selectFrom('organizations').select('id').where('slug', '=', 'dortmund').executeTakeFirstOrThrow();
    const result = await fillCity(handle.db, {
      organizationId: org.id,
      reports: o.reports,
      seed: o.seed,
      now: o.now,
      batchSize: o.batch,
      filesDir: filesDirOf(o.dataDir),
      progress: createProgress('reports', o.reports),
      log: (line) => console.log(line),
    });
    const total = Date.now() - started;
    console.log(
      `\nAdded ${fmt(result.reports)} reports (ids ${result.firstReportId}–${result.lastReportId}), ${fmt(result.events)} events, ${fmt(result.residents)} residents, ${fmt(result.photos)} photos.`,
    );
    console.log(`Time: ${(result.ms / 1000).toFixed(1)} s generating and writing, ${(total / 1000).toFixed(1)} s in all (with migrations and demo seed).\n`);
    console.log('| table | rows | size (with indexes) |\n|---|---:|---:|');
    for (const s of await tableSizes(handle.db)) console.log(`| ${s.table} | ${fmt(s.rows)} | ${s.size} |`);
    if (handle.kind === 'postgres') {
      const size = await sql<{ size: string }>`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`.execute(handle.db);
      console.log(`\nDatabase size: ${size.rows[0]!.size}`);
    }
    const envs = o.databaseUrl ? `DATABASE_URL=${redact(o.databaseUrl)} DATA_DIR=${o.dataDir}` : `DATA_DIR=${o.dataDir}`;
    console.log(`\nServe it: ${envs} npx kuemmerer serve   (DATA_DIR holds the photo files and the secret)`);
    return 0;
  } finally {
    await handle.close();
  }
}

const invoked = process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : '';
if (import.meta.url === invoked) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
