import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_platform';
import * as m0002 from './0002_reports';
import * as m0005 from './0005_open_data';
import * as m0006 from './0006_angstraeume';
import * as m0007 from './0007_idempotency_fingerprint';
import * as m0008 from './0008_read_performance';
import * as m0009 from './0009_city_scoping';

// An explicit list instead of a folder scan: works the same under tsx, in tests and in a bundle.
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_reports': m0002,
  '0005_open_data': m0005,
  '0006_angstraeume': m0006,
  '0007_idempotency_fingerprint': m0007,
  '0008_read_performance': m0008,
  '0009_city_scoping': m0009,
};
