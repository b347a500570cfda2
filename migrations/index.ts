import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_platform';
import * as m0008 from './0008_read_performance';
import * as m0009 from './0009_city_scoping';
import * as m0010 from './0010_jobs';
import * as m0011 from './0011_personal_data';
import * as m0021 from './0021_languages';

// The platform's migrations and those that change several modules' tables at once; each module lists its own in
// its definition (src/modules/*/migrations). One history: numbers are unique across all of them (the registry
// checks). An explicit list instead of a folder scan: works the same under tsx, in tests and in a bundle.
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0008_read_performance': m0008,
  '0009_city_scoping': m0009,
  '0010_jobs': m0010,
  '0011_personal_data': m0011,
  '0021_languages': m0021,
};
