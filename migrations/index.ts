import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_platform';

// An explicit list instead of a folder scan: works the same under tsx, in tests and in a bundle.
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
};
