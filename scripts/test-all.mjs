#!/usr/bin/env node
// The one test command (npm test): typecheck, lint, the suite on PGlite, its database tests again on PostgreSQL,
// and the browser journeys. Ends with one summary line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, 'tmp', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const onlyFast = process.argv.includes('--fast');
const pgUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [];

function run(label, cmd, args, env = {}) {
  process.stdout.write(`\n=== ${label}\n`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  process.stdout.write(`=== ${label}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  if (r.status !== 0) problems.push(label);
  return r.status === 0;
}

function vitest(label, project, reportName, env = {}, files = []) {
  const file = path.join(reports, `${reportName}.json`);
  run(label, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`, ...files], env);
  if (!existsSync(file)) {
    failed++;
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  // A suite that fails to load counts no test but is still a failure.
  if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) failed++;
}

/**
 * The files to run again on PostgreSQL: those that opened a test database in the PGlite run (test/helpers/database.ts
 * notes them) and those that read DATABASE_URL themselves (crash tests, the CLI, the job queues). The rest test no SQL.
 */
function databaseTestFiles() {
  const noted = existsSync(databaseTests) ? readFileSync(databaseTests, 'utf8').split('\n').filter(Boolean) : [];
  const listed = spawnSync('git', ['grep', '-l', 'DATABASE_URL', '--', '*.test.ts', '*.test.tsx'], { cwd: root, encoding: 'utf8' });
  const reading = listed.stdout
    .split('\n')
    .filter(Boolean)
    .map((f) => path.join(root, f));
  return [...new Set([...noted, ...reading])].map((f) => path.relative(root, f)).sort();
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query('SHOW server_version_num');
    await client.end();
    return Number(rows[0].server_version_num) >= 150000;
  } catch {
    return false;
  }
}

run('typecheck (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('format and lint (biome ci)', 'npx', ['biome', 'ci', '.']);
const databaseTests = path.join(reports, 'database-tests.txt');
vitest('unit, service and route tests on PGlite', 'unit', 'pglite', { DATABASE_URL: '', KUEMMERER_DB_TEST_LOG: databaseTests });
if (await postgresReachable()) {
  const files = databaseTestFiles();
  vitest(
    `the ${files.length} test files that use a database, again on PostgreSQL (${new URL(pgUrl).host})`,
    'unit',
    'postgres',
    { DATABASE_URL: pgUrl },
    files,
  );
} else if (process.env.CI) {
  problems.push('PostgreSQL suite: no PostgreSQL 15+ reachable');
  process.stdout.write(`\n=== PostgreSQL 15+ not reachable at ${pgUrl}: required on CI\n`);
} else {
  process.stdout.write(`\n=== PostgreSQL suite skipped: no PostgreSQL 15+ at ${pgUrl} (set TEST_DATABASE_URL)\n`);
}
if (onlyFast) {
  process.stdout.write('\n=== browser tests left out (--fast)\n');
} else if (existsSync('/usr/bin/chromium')) {
  vitest('browser journeys (Chromium + axe-core)', 'browser', 'browser', { DATABASE_URL: '' });
} else if (process.env.CI) {
  problems.push('browser tests: /usr/bin/chromium missing');
} else {
  process.stdout.write("\n=== browser tests skipped: install Debian's chromium (apt-get install chromium)\n");
}

process.stdout.write(`\n${problems.length ? `Failed steps: ${problems.join('; ')}\n` : ''}`);
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(problems.length > 0 || failed > 0 ? 1 : 0);
