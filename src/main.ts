import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp, startModuleWork } from './app';
import { type Config, ConfigError, loadConfig } from './config';
import type { StaffRole } from './db-schema';
import { migrateAll, moduleRegistry } from './module-list';
import { createStaffAccount } from './modules/accounts';
import { findDepartmentByName, findOrganizationBySlug, importDistricts } from './modules/organizations';
import { backup, RestoreError, restore } from './platform/db/backup';
import { type DatabaseHandle, DatabaseLockedError, openDatabase } from './platform/db/connect';
import { localStorage, TEMP_FILE_AGE_MS } from './platform/files/storage';
import { normaliseEmail } from './platform/http/form';
import { openJobQueue } from './platform/jobs/open';
import type { JobLogger } from './platform/jobs/queue';
import { seedDemo } from './seed/demo';

const HELP = `Kümmerer – civic platform

Usage: kuemmerer <command> [options]

Commands:
  demo                         migrate, add the Dortmund demo data if missing, and serve (npm start)
  serve                        migrate and serve
  migrate                      apply database migrations
  seed-demo                    add the Dortmund demo data (does nothing if it exists)
  create-staff EMAIL --role admin|moderator|department_staff [--department NAME]... [--name NAME]
                               create a staff account and print its one-time setup link
  import-districts FILE.geojson --kind KIND [--name-property PROP]
                               import district polygons (replaces districts of the same kind and name)
  backup FOLDER                write database and photos to a new folder (with checksums)
  restore FOLDER               restore a backup into a fresh, empty instance
  api-key create NAME [--rate N]
                               create an Open311/API key (N requests per minute, default 60); prints it once
  api-key list                 list the keys (never the keys themselves)
  api-key revoke ID            revoke a key at once
  pb count FILE.pb [...]       count a participatory-budget election (see: kuemmerer pb help)
  help                         show this text

Options for every command: --org SLUG (default: DEFAULT_ORGANIZATION). Settings come from environment
variables; see the README.`;

export class UsageError extends Error {}

interface Io {
  out(s: string): void;
  err(s: string): void;
}

async function withDb<T>(config: Config, fn: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(config);
  try {
    await migrateAll(handle.db);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

async function organization(handle: DatabaseHandle, config: Config, slug: string | undefined) {
  const wanted = slug ?? config.defaultOrganization;
  if (!wanted) throw new UsageError('Name the city with --org SLUG (or set DEFAULT_ORGANIZATION).');
  const org = await findOrganizationBySlug(handle.db, wanted);
  if (!org) throw new UsageError(`No city with the slug "${wanted}". Run "kuemmerer seed-demo" for the demo city.`);
  return org;
}

async function serve(config: Config, io: Io, seed: boolean): Promise<void> {
  const handle = await openDatabase(config);
  await migrateAll(handle.db);
  // Writes a crash cut off. With PGlite the lock makes this the only writer, so every temporary file is a
  // leftover; processes sharing the folder with PostgreSQL leave the young ones to their writers.
  const storage = localStorage(path.join(config.dataDir, 'files'));
  await storage.removeTemporaryFiles(handle.kind === 'pglite' ? 0 : TEMP_FILE_AGE_MS);
  if (seed) {
    const result = await seedDemo(handle.db, config.publicUrl, config.secret, { dataDir: config.dataDir });
    if (result.created) io.out(`Demo data created. Admin setup link (also in the dev mailbox): ${result.adminSetupUrl}`);
  }
  const registry = moduleRegistry();
  // The queue logs through the app's logger, which exists once the app is built.
  const jobLog: JobLogger = { info: (o, m) => app.log.info(o, m), warn: (o, m) => app.log.warn(o, m), error: (o, m) => app.log.error(o, m) };
  const jobQueue = openJobQueue(handle, jobLog);
  const app = await buildApp({ config, db: handle.db, modules: registry, jobs: jobQueue });
  const work = await startModuleWork({ handle, config, storage, registry, jobQueue, log: app.log });
  const shutdown = async () => {
    await app.close();
    await work.stop();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  io.out(`Kümmerer is running at ${config.publicUrl.href} (${handle.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`);
  if (config.devMailbox) io.out(`Dev mailbox: ${new URL('/dev/postfach', config.publicUrl).href}`);
}

/**
 * The settings a serving command runs with. The dev mailbox shows every sign-in and set-up link to anyone, so only
 * `demo` has it, and never with NODE_ENV=production; `serve` never has it, whatever NODE_ENV says.
 */
export function servingConfig(command: 'demo' | 'serve', config: Config): Config {
  return { ...config, devMailbox: command === 'demo' && config.mode !== 'production' };
}

export async function runCli(argv: string[], io: Io, env = process.env): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      io.out(HELP);
      return command ? 0 : 2;
    }
    if (command === 'pb') {
      const { runPbCli } = await import('./modules/budgets');
      return runPbCli(rest, { out: io.out, err: io.err, readFile: (p) => readFile(p, 'utf8') });
    }
    const config = loadConfig(env);
    switch (command) {
      case 'demo':
      case 'serve':
        parseArgs({ args: rest, options: {}, allowPositionals: false });
        await serve(servingConfig(command, config), io, command === 'demo');
        return -1;
      case 'migrate': {
        parseArgs({ args: rest, options: {}, allowPositionals: false });
        const applied = await withDb(config, async () => []);
        io.out(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
        return 0;
      }
      case 'seed-demo': {
        parseArgs({ args: rest, options: {}, allowPositionals: false });
        const result = await withDb(config, (h) => seedDemo(h.db, config.publicUrl, config.secret, { dataDir: config.dataDir }));
        io.out(
          result.created ? `Demo city "Stadt Dortmund" created.\nAdmin setup link: ${result.adminSetupUrl}` : 'Demo data already present; nothing changed.',
        );
        return 0;
      }
      case 'create-staff': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { role: { type: 'string' }, department: { type: 'string', multiple: true }, name: { type: 'string' }, org: { type: 'string' } },
          allowPositionals: true,
        });
        const email = positionals.length === 1 ? normaliseEmail(positionals[0]!) : null;
        if (!email) throw new UsageError('Give exactly one valid email address: kuemmerer create-staff EMAIL --role ROLE');
        const roles: StaffRole[] = ['admin', 'moderator', 'department_staff'];
        if (!values.role || !roles.includes(values.role as StaffRole)) throw new UsageError(`--role must be one of ${roles.join(', ')}`);
        const role = values.role as StaffRole;
        if (role === 'department_staff' && !values.department?.length) throw new UsageError('department_staff needs at least one --department NAME');
        const url = await withDb(config, async (h) => {
          const org = await organization(h, config, values.org);
          const departmentIds: number[] = [];
          for (const name of values.department ?? []) {
            const dept = await findDepartmentByName(h.db, org.id, name);
            if (!dept) throw new UsageError(`No department named "${name}" in ${org.name}`);
            departmentIds.push(dept.id);
          }
          const created = await createStaffAccount(
            { db: h.db, secret: config.secret, publicUrl: config.publicUrl },
            org,
            { email, displayName: values.name ?? '', role, departmentIds },
            { sendMail: false, locale: 'de' },
          );
          return created.setupUrl;
        });
        io.out(`Staff account ${email} (${role}) is ready. Send this one-time setup link to the person (valid 72 hours):\n${url}`);
        return 0;
      }
      case 'api-key': {
        const { values, positionals } = parseArgs({ args: rest, options: { rate: { type: 'string' }, org: { type: 'string' } }, allowPositionals: true });
        const { apiKeyCli } = await import('./modules/open311');
        const [sub, ...args] = positionals;
        return await withDb(config, async (h) =>
          apiKeyCli(h.db, (await organization(h, config, values.org)).id, sub, args, values.rate, io, (m) => new UsageError(m)),
        );
      }
      case 'backup':
      case 'restore': {
        const { positionals } = parseArgs({ args: rest, options: {}, allowPositionals: true });
        if (positionals.length !== 1) throw new UsageError(`Give exactly one folder: kuemmerer ${command} FOLDER`);
        const folder = path.resolve(positionals[0]!);
        const filesDir = path.join(config.dataDir, 'files');
        const manifest = await withDb(config, async (h) => {
          try {
            return command === 'backup' ? await backup(h.db, filesDir, folder) : await restore(h.db, filesDir, folder);
          } catch (err) {
            if (err instanceof RestoreError || (err instanceof Error && /not empty/.test(err.message))) throw new UsageError(err.message);
            throw err;
          }
        });
        const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
        io.out(
          `${command === 'backup' ? 'Backed up' : 'Restored'} ${manifest.tables.length} tables (${rows} rows) and ${manifest.files.length} files ${command === 'backup' ? 'to' : 'from'} ${folder}`,
        );
        return 0;
      }
      case 'import-districts': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { kind: { type: 'string' }, 'name-property': { type: 'string' }, org: { type: 'string' } },
          allowPositionals: true,
        });
        if (positionals.length !== 1) throw new UsageError('Give exactly one file: kuemmerer import-districts FILE.geojson --kind KIND');
        if (!values.kind) throw new UsageError('--kind is required, e.g. --kind stadtbezirk');
        const file = positionals[0]!;
        let json: unknown;
        try {
          json = JSON.parse(await readFile(file, 'utf8'));
        } catch (err) {
          throw new UsageError(`Cannot read ${file} as JSON: ${(err as Error).message}`);
        }
        const result = await withDb(config, async (h) => {
          const org = await organization(h, config, values.org);
          return importDistricts(h.db, org.id, json, {
            kind: values.kind!,
            ...(values['name-property'] ? { nameProperty: values['name-property'] } : {}),
            source: file,
          });
        });
        io.out(`Imported ${result.imported} district(s) of kind "${values.kind}": ${result.names.join(', ')}`);
        return 0;
      }
      default:
        throw new UsageError(`Unknown command "${command}". Run "kuemmerer help" for the list.`);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof DatabaseLockedError) {
      io.err(`Error: ${err.message}`);
      return 2;
    }
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`Error: ${err.message}. Run "kuemmerer help".`);
      return 2;
    }
    if (err instanceof Error && /kind|name|feature|geometry|polygon|ring/i.test(err.message) && command === 'import-districts') {
      io.err(`Error: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
