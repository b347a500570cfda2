import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPED_TABLES } from '../../../migrations/0009_city_scoping';
import { createTestDatabase } from '../../../test/helpers/database';
import { createCategory, createDepartment, createOrganization, createResident, createStaff, createSyntheticBoundary } from '../../../test/helpers/factories';
import { createReport } from '../../modules/reports/report.service';
import { localStorage } from '../files/storage';
import { backup, RestoreError, restore, tableChecksums } from './backup';
import type { DatabaseHandle } from './connect';

let source: DatabaseHandle;
let target: DatabaseHandle;
const dir = mkdtempSync(path.join(tmpdir(), 'kuemmerer-backup-'));
const filesA = path.join(dir, 'files-a');
const filesB = path.join(dir, 'files-b');

beforeAll(async () => {
  [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  const org = await createOrganization(source.db);
  await createSyntheticBoundary(source.db, org.id);
  const dept = await createDepartment(source.db, org.id);
  const cat = await createCategory(source.db, org.id, { departmentId: dept.id });
  await createStaff(source.db, 'x'.repeat(40), org.id, 'admin');
  const resident = await createResident(source.db, org.id);
  const deps = { db: source.db, storage: localStorage(filesA), secret: 'x'.repeat(40), publicUrl: new URL('http://localhost') };
  const where = { categoryId: cat.id, lat: 51.5, lon: 7.5, address: 'Ecke „Markt“', precise: true, districtId: null };
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#456' } })
    .jpeg()
    .toBuffer();
  const user = { id: resident.id, email: resident.email, displayName: '', role: null, level: 'resident' as const, departmentIds: [] };
  for (let i = 0; i < 3; i++) {
    const r = await createReport(
      deps,
      org,
      where,
      {
        description: `Meldung ${i} mit Umlauten äöü`,
        answers: {},
        name: '',
        email: '',
        showName: false,
        idempotencyKey: `k${i}`,
        photos: i === 0 ? [{ filename: 'a.jpg', data: photo }] : [],
      },
      user,
      'de',
    );
    expect(r.ok).toBe(true);
  }
  // A self-reference pointing forwards: restore must cope with rows that name later rows.
  await source.db.updateTable('reports').set({ duplicate_of: 3 }).where('id', '=', 1).execute();
});
afterAll(async () => {
  await source.close();
  await target.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores into an empty instance with identical rows, files and sequences', async () => {
    const manifest = await backup(source.db, filesA, path.join(dir, 'b1'));
    expect(manifest.tables.find((t) => t.name === 'reports')?.rows).toBe(3);
    expect(manifest.tables.some((t) => t.name === 'sessions')).toBe(false);
    expect(manifest.files.length).toBe(2);

    // Derived tables (the map's counts) are not saved: the restored reports rebuild them through their trigger.
    expect(manifest.tables.some((t) => t.name.startsWith('report_map_'))).toBe(false);

    await restore(target.db, filesB, path.join(dir, 'b1'));
    expect(await tableChecksums(target.db)).toEqual(await tableChecksums(source.db));
    const cells = async (h: DatabaseHandle) => (await sql`SELECT * FROM report_map_groups ORDER BY zoom, x, y`.execute(h.db)).rows;
    expect((await cells(source)).length).toBeGreaterThan(0);
    expect(await cells(target)).toEqual(await cells(source));
    for (const f of manifest.files) expect(readFileSync(path.join(filesB, f.key)).equals(readFileSync(path.join(filesA, f.key)))).toBe(true);
    // New rows continue after the restored ids instead of colliding with them.
    const org = await target.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    const extra = await createResident(target.db, org.id);
    const maxBefore = Math.max(...(await source.db.selectFrom('users').select('id').execute()).map((u) => u.id));
    expect(extra.id).toBeGreaterThan(maxBefore);
  });

  it('restores a backup from before migration 0009: child rows take their city from their parent rows', async () => {
    const folder = path.join(dir, 'b-old');
    const manifest = await backup(source.db, filesA, folder);
    // Make it look like a backup of 0008: no organization_id on the tables 0009 gave one, no 0009 in the history.
    let stripped = 0;
    for (const t of manifest.tables.filter((t) => SCOPED_TABLES.includes(t.name))) {
      const file = path.join(folder, 'tables', `${t.name}.ndjson`);
      const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
      const text = lines
        .map((line) => {
          const { organization_id: _, ...row } = JSON.parse(line) as Record<string, unknown>;
          stripped++;
          return JSON.stringify(row);
        })
        .join('\n');
      writeFileSync(file, text);
      t.sha256 = createHash('sha256').update(text).digest('hex');
    }
    expect(stripped).toBeGreaterThan(0);
    manifest.migrations = manifest.migrations.filter((m) => m !== '0009_city_scoping');
    writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(manifest));
    const fresh = await createTestDatabase();
    try {
      await restore(fresh.db, path.join(dir, 'files-old'), folder);
      expect(await tableChecksums(fresh.db)).toEqual(await tableChecksums(source.db));
    } finally {
      await fresh.close();
    }
  });

  it('refuses a damaged backup, a non-empty database and a non-empty backup folder', async () => {
    await backup(source.db, filesA, path.join(dir, 'b2'));
    const file = path.join(dir, 'b2', 'tables', 'reports.ndjson');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Meldung 1', 'Meldung X'));
    const fresh = await createTestDatabase();
    try {
      await expect(restore(fresh.db, path.join(dir, 'files-c'), path.join(dir, 'b2'))).rejects.toThrow(/Checksum mismatch in table reports/);
      await expect(restore(target.db, filesB, path.join(dir, 'b1'))).rejects.toThrow(RestoreError);
      await expect(backup(source.db, filesA, path.join(dir, 'b1'))).rejects.toThrow(/not empty/);
      await expect(restore(fresh.db, filesB, path.join(dir, 'nothing-here'))).rejects.toThrow(/no readable manifest/);
    } finally {
      await fresh.close();
    }
  });
});
