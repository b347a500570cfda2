import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app';
import { createCategory } from '../../../../test/helpers/factories';
import { localStorage } from '../../../platform/files/storage';
import { makeReport } from './notifications.test-support';
import { baseOf, removeOrphanPhotos } from './photo-cleanup';

let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await createTestApp();
  dir = mkdtempSync(path.join(tmpdir(), 'kuemmerer-cleanup-'));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('orphan photo cleanup', () => {
  it('removes files under reports/ that no row points to once they are an hour old', async () => {
    const storage = localStorage(dir);
    const category = await createCategory(t.db, t.org.id);
    const reportId = await makeReport(t.db, t.org.id, category.id);
    await t.db
      .insertInto('report_photos')
      .values({ organization_id: t.org.id, report_id: reportId, storage_key: 'reports/kept1', width: 1, height: 1 })
      .execute();
    const files = [
      'reports/kept1/large.jpg',
      'reports/kept1/thumb.jpg',
      'reports/orphan1/large.jpg',
      'reports/orphan1/thumb.jpg',
      'reports/young1/large.jpg',
      'other/keep.jpg',
    ];
    for (const key of files) await storage.put(key, Buffer.from('x'));
    await storage.put('reports/kept1/large.jpg.tmp-abc123', Buffer.from('half'));
    const old = new Date(Date.now() - 2 * 3600_000);
    for (const key of [...files.filter((k) => !k.includes('young')), 'reports/kept1/large.jpg.tmp-abc123']) utimesSync(path.join(dir, key), old, old);

    const removed = await removeOrphanPhotos(t.db, storage);
    expect(removed.sort()).toEqual(['reports/kept1/large.jpg.tmp-abc123', 'reports/orphan1/large.jpg', 'reports/orphan1/thumb.jpg']);
    for (const key of ['reports/kept1/large.jpg', 'reports/kept1/thumb.jpg', 'reports/young1/large.jpg', 'other/keep.jpg'])
      expect(await storage.get(key), key).not.toBeNull();
    expect(await storage.get('reports/orphan1/large.jpg')).toBeNull();
    expect(await removeOrphanPhotos(t.db, storage)).toEqual([]);
  });

  it('also sweeps temporary files a crash left outside reports/, after minutes rather than an hour', async () => {
    const storage = localStorage(dir);
    const aged = (key: string, minutes: number) => {
      const when = new Date(Date.now() - minutes * 60_000);
      utimesSync(path.join(dir, key), when, when);
    };
    await storage.put('litter/a/large.jpg', Buffer.from('x'));
    await storage.put('litter/a/large.jpg.tmp-0a0a0a0a0a0a', Buffer.from('half'));
    await storage.put('litter/a/thumb.jpg.tmp-0b0b0b0b0b0b', Buffer.from('half'));
    aged('litter/a/large.jpg.tmp-0a0a0a0a0a0a', 20);
    aged('litter/a/thumb.jpg.tmp-0b0b0b0b0b0b', 1);

    expect(await removeOrphanPhotos(t.db, storage)).toEqual(['litter/a/large.jpg.tmp-0a0a0a0a0a0a']);
    expect(await storage.get('litter/a/thumb.jpg.tmp-0b0b0b0b0b0b'), 'may still be in the making').not.toBeNull();
    expect(await storage.get('litter/a/large.jpg')).not.toBeNull();
  });

  it('derives the storage base from a variant key', () => {
    expect(baseOf('reports/abc/large.jpg')).toBe('reports/abc');
    expect(baseOf('reports/abc/thumb.jpg')).toBe('reports/abc');
    expect(baseOf('reports/x.jpg')).toBeNull();
  });
});
