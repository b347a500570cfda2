import type { Kysely } from 'kysely';
import { migrations as platformMigrations } from '../migrations';
import { accountsModule } from './modules/accounts';
import { angstraeumeModule } from './modules/angstraeume';
import { budgetsModule } from './modules/budgets';
import { homeModule } from './modules/home';
import { ideasModule } from './modules/ideas';
import { languagesModule } from './modules/languages';
import { litterModule } from './modules/litter';
import { open311Module } from './modules/open311';
import { opendataModule } from './modules/opendata';
import { organizationsModule } from './modules/organizations';
import { participationModule } from './modules/participation';
import { reportsModule } from './modules/reports';
import { migrateToLatest } from './platform/db/migrate';
import { createRegistry, type ModuleDefinition, type ModuleRegistry } from './platform/module';

/**
 * The module list: the one place a new module is added. Order matters only for the order of routes in the
 * docs and of jobs at start; menus are ordered by each link's `order`.
 */
export const MODULES: readonly ModuleDefinition[] = [
  open311Module,
  opendataModule,
  homeModule,
  accountsModule,
  organizationsModule,
  reportsModule,
  angstraeumeModule,
  litterModule,
  participationModule,
  ideasModule,
  budgetsModule,
  languagesModule,
];

export function moduleRegistry(modules: readonly ModuleDefinition[] = MODULES): ModuleRegistry {
  return createRegistry(modules, platformMigrations);
}

/** Brings a database to the schema every registered module needs. */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema.
export function migrateAll(db: Kysely<any>, registry: ModuleRegistry = moduleRegistry()): Promise<string[]> {
  return migrateToLatest(db, registry.migrations());
}
