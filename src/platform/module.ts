import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely/migration';
import type { Config } from '../config';
import type { StaffRole } from '../db-schema';
import type { Db } from './db/connect';
import type { FileStorage } from './files/storage';
import { type Catalogue, type Locale, translator } from './i18n';
import type { JobData, JobHandler, JobQueue, JobType, WorkOptions } from './jobs/queue';
import type { Job } from './jobs/scheduler';

// The module contract. A module is one folder under src/modules with an index.ts that exports one
// `defineModule({...})`; src/module-list.ts lists them. Everything the platform shows or runs for a module
// (routes, menus, jobs, migrations, sitemap, messages) is read from that definition, so adding a module touches
// its own folder and one line of the list, and nothing central.

/** What a module's routes and jobs are given: the platform's services and the other modules' contributions. */
export interface ModuleServices {
  db: Db;
  config: Config;
  storage: FileStorage;
  modules: ModuleRegistry;
  /** One-off delayed jobs (reminders, digests, photo work): send them here, work them in `workers`. */
  jobs: JobQueue;
}

/** A handler for one job kind, registered on the queue before it starts. */
export interface JobWorker {
  // biome-ignore lint/suspicious/noExplicitAny: a list of workers of different kinds; `worker()` keeps each one typed.
  job: JobType<any>;
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  handler: JobHandler<any>;
  options?: WorkOptions;
}

export function worker<Data extends JobData>(job: JobType<Data>, handler: JobHandler<Data>, options?: WorkOptions): JobWorker {
  return { job, handler, ...(options ? { options } : {}) };
}

/** A link in the main menu (header navigation). */
export interface MenuLink {
  href: string;
  label(locale: Locale): string;
  /** Lower comes first; the home link is 0, modules use 10, 20, … */
  order: number;
}

/**
 * A link in the back-office menu. `roles` lists who sees it ('any' = every staff member); `section` 'admin'
 * groups the city's settings after the daily work.
 */
export interface BackOfficeLink {
  href: string;
  label(locale: Locale): string;
  roles: readonly StaffRole[] | 'any';
  section: 'work' | 'admin';
  order: number;
}

/** One entry of the city's news feed (/feeds/neuigkeiten.atom), which every module may add to. */
export interface FeedItem {
  /** Path of the public page the entry is about, e.g. /meldungen/42; also the entry's id. */
  path: string;
  title: string;
  summary: string;
  published: Date;
  updated: Date;
  categories: string[];
}

export interface SitemapEntry {
  /** Path on the city's host, e.g. /meldungen/42. */
  path: string;
  lastModified?: Date;
}

/** A typed place where one module lets others change its behaviour, e.g. "who shows a report of this kind". */
export interface ExtensionPoint<T> {
  readonly key: symbol;
  /** Phantom field: carries T for the compiler only. */
  readonly type?: T;
}

export interface Contribution<T = unknown> {
  point: ExtensionPoint<T>;
  value: T;
}

export function extensionPoint<T>(description: string): ExtensionPoint<T> {
  return { key: Symbol(description) };
}

export function contribute<T>(point: ExtensionPoint<T>, value: T): Contribution<T> {
  return { point, value };
}

export interface ModuleDefinition {
  /** The folder name under src/modules; unique. */
  name: string;
  /** Routes, registered as an encapsulated Fastify plugin in the order of the module list. */
  routes?(app: FastifyInstance, services: ModuleServices): Promise<void>;
  /** Periodic work, run by the scheduler in every app process (each job must be safe to run concurrently). */
  jobs?(services: ModuleServices): Job[];
  /** Handlers of the module's one-off jobs (see docs/jobs.md); the queue runs each job once across processes. */
  workers?(services: ModuleServices): JobWorker[];
  /** Schema changes named `NNNN_what` with numbers unique across all modules (one ordered history). */
  migrations?: Record<string, Migration>;
  menu?: MenuLink[];
  backOffice?: BackOfficeLink[];
  /** Public pages to list in /sitemap.xml for one city. */
  sitemap?(db: Db, organizationId: number): Promise<SitemapEntry[]>;
  /** The module's newest public news for the city's feed, newest first, at most `limit`. */
  feed?(db: Db, organizationId: number, locale: Locale, limit: number): Promise<FeedItem[]>;
  /** Extensions this module makes to other modules' extension points. */
  contributes?: Contribution[];
  /** The module's message catalogues, for the completeness checks over every language. */
  messages?: Array<Catalogue<string>>;
}

/** A menu label from a module's catalogue, translated when the menu is drawn. */
export function label<K extends string>(catalogue: Catalogue<K>, key: K): (locale: Locale) => string {
  return (locale) => translator(catalogue, locale)(key);
}

export function defineModule(definition: ModuleDefinition): ModuleDefinition {
  return definition;
}

/** Read-only view over the registered modules, handed to every module and to the platform's views. */
export interface ModuleRegistry {
  readonly modules: readonly ModuleDefinition[];
  menu(locale: Locale): Array<{ href: string; label: string }>;
  backOfficeLinks(role: StaffRole | null | undefined, locale: Locale): Array<{ href: string; label: string }>;
  contributions<T>(point: ExtensionPoint<T>): T[];
  migrations(): Record<string, Migration>;
}

const MIGRATION_NAME = /^\d{4}_[a-z0-9_]+$/;

export function createRegistry(modules: readonly ModuleDefinition[], platformMigrations: Record<string, Migration> = {}): ModuleRegistry {
  const names = new Set<string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`Two modules are named "${m.name}"`);
    names.add(m.name);
  }
  const migrations: Record<string, Migration> = { ...platformMigrations };
  for (const m of modules) {
    for (const [name, migration] of Object.entries(m.migrations ?? {})) {
      if (!MIGRATION_NAME.test(name)) throw new Error(`Migration "${name}" of module ${m.name} must be named NNNN_what`);
      const number = name.slice(0, 4);
      const clash = Object.keys(migrations).find((other) => other.slice(0, 4) === number);
      if (clash) throw new Error(`Migration "${name}" of module ${m.name} reuses number ${number} of "${clash}"`);
      migrations[name] = migration;
    }
  }
  const menu = modules.flatMap((m) => m.menu ?? []).sort((a, b) => a.order - b.order);
  const backOffice = modules.flatMap((m) => m.backOffice ?? []).sort((a, b) => (a.section === b.section ? a.order - b.order : a.section === 'work' ? -1 : 1));
  const contributions = modules.flatMap((m) => m.contributes ?? []);
  return {
    modules,
    menu: (locale) => menu.map((l) => ({ href: l.href, label: l.label(locale) })),
    backOfficeLinks(role, locale) {
      if (!role) return [];
      return backOffice.filter((l) => l.roles === 'any' || l.roles.includes(role)).map((l) => ({ href: l.href, label: l.label(locale) }));
    },
    contributions: <T>(point: ExtensionPoint<T>) => contributions.filter((c) => c.point.key === point.key).map((c) => c.value as T),
    migrations: () => Object.fromEntries(Object.entries(migrations).sort(([a], [b]) => a.localeCompare(b))),
  };
}
