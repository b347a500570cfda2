import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database';
import { createCategory, createOrganization } from '../../../test/helpers/factories';
import type { DatabaseHandle, Db } from '../../platform/db/connect';
import { localStorage } from '../../platform/files/storage';
import { createReport, photoKey } from './report.service';

// The COMMIT reached the database but its answer was lost (the connection dropped right after): the report
// exists, so its photo files must too. Deleting them would leave a saved report with broken photos.

let handle: DatabaseHandle;
let dir: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'kuemmerer-commit-lost-'));
});
afterAll(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The real database, except that every transaction fails after it committed. */
function answerLostAfterCommit(db: Db): Db {
  return new Proxy(db, {
    get(target, prop) {
      if (prop !== 'transaction') {
        // Kysely keeps its state in private fields: methods must run on the real instance, not the proxy.
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return () => ({
        execute: async (fn: Parameters<ReturnType<Db['transaction']>['execute']>[0]) => {
          await target.transaction().execute(fn);
          throw new Error('Connection terminated unexpectedly');
        },
      });
    },
  });
}

it('keeps the photo files of a report whose commit answer was lost', async () => {
  const org = await createOrganization(handle.db, { slug: 'commit-lost', hosts: ['commit-lost.example'] });
  const category = await createCategory(handle.db, org.id);
  const storage = localStorage(dir);
  const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#4a7' } })
    .jpeg()
    .toBuffer();
  const deps = { db: answerLostAfterCommit(handle.db), storage, secret: 'x'.repeat(40), publicUrl: new URL('http://localhost') };
  const where = { categoryId: category.id, lat: 51.5, lon: 7.5, address: '', precise: true, districtId: null };
  const input = {
    description: 'Schlagloch',
    answers: {},
    name: '',
    email: 'a@example.de',
    showName: false,
    idempotencyKey: 'commit-lost-1',
    photos: [{ filename: 'f', data: photo }],
  };
  await expect(createReport(deps, org, where, input, null, 'de')).rejects.toThrow('Connection terminated');
  const rows = await handle.db
    .selectFrom('report_photos')
    .innerJoin('reports', 'reports.id', 'report_photos.report_id')
    .select(['storage_key'])
    .where('reports.organization_id', '=', org.id)
    .execute();
  expect(rows).toHaveLength(1);
  for (const size of ['large', 'thumb'] as const) expect(existsSync(path.join(dir, photoKey(rows[0]!.storage_key, size)))).toBe(true);
});
