import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localStorage, TEMP_FILE_AGE_MS } from './storage';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kuemmerer-storage-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function leftover(key: string, ageMs: number) {
  const file = path.join(dir, key);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, 'half');
  const when = new Date(Date.now() - ageMs);
  utimesSync(file, when, when);
}

describe('local file storage', () => {
  it('writes through a temporary name and leaves only the file', async () => {
    const storage = localStorage(dir);
    await storage.put('reports/abc/large.jpg', Buffer.from('jpeg'));
    expect(readdirSync(path.join(dir, 'reports/abc'))).toEqual(['large.jpg']);
    expect((await storage.get('reports/abc/large.jpg'))?.toString()).toBe('jpeg');
  });

  it('removes its temporary file when a write fails', async () => {
    const storage = localStorage(dir);
    // A directory under the key: the rename into place fails after the temporary file was written.
    mkdirSync(path.join(dir, 'reports/abc/large.jpg'), { recursive: true });
    await expect(storage.put('reports/abc/large.jpg', Buffer.from('jpeg'))).rejects.toThrow();
    expect(readdirSync(path.join(dir, 'reports/abc'))).toEqual(['large.jpg']);
  });

  it('sweeps temporary files a crash left, anywhere, once they are old enough', async () => {
    const storage = localStorage(dir);
    leftover('reports/abc/large.jpg.tmp-0a1b2c3d4e5f', TEMP_FILE_AGE_MS + 60_000);
    leftover('litter/x/thumb.jpg.tmp-ffffffffffff', TEMP_FILE_AGE_MS + 60_000);
    leftover('reports/def/large.jpg.tmp-123456789abc', 5_000);
    leftover('reports/abc/thumb.jpg', TEMP_FILE_AGE_MS * 10);
    leftover('reports/tmp-abc/large.jpg', TEMP_FILE_AGE_MS * 10);

    expect((await storage.removeTemporaryFiles(TEMP_FILE_AGE_MS)).sort()).toEqual([
      'litter/x/thumb.jpg.tmp-ffffffffffff',
      'reports/abc/large.jpg.tmp-0a1b2c3d4e5f',
    ]);
    // A young one may still be written by another process sharing the folder; the only writer takes all.
    expect(await storage.removeTemporaryFiles(TEMP_FILE_AGE_MS)).toEqual([]);
    expect(await storage.removeTemporaryFiles(0)).toEqual(['reports/def/large.jpg.tmp-123456789abc']);
    expect(await storage.get('reports/abc/thumb.jpg')).not.toBeNull();
    expect(await storage.get('reports/tmp-abc/large.jpg')).not.toBeNull();
  });

  it('sweeps an empty or missing folder without complaint', async () => {
    expect(await localStorage(path.join(dir, 'missing')).removeTemporaryFiles(0)).toEqual([]);
  });
});
