import type { Db } from '../../../platform/db/connect';
import { type FileStorage, TEMP_FILE_AGE_MS } from '../../../platform/files/storage';
import { storedPhotoKeys } from '../report.queries';

// Files under reports/ that no report_photos row points to. A report is written files-first, row-second: an
// interrupted upload (crash, failed transaction) leaves files behind, which this removes once they are an hour
// old — long enough that a report still being saved is never touched. The same run sweeps temporary files a
// crash left anywhere in the storage (the start-up sweep leaves young ones alone when processes share it).

export const PREFIX = 'reports/';
export const ORPHAN_AGE_MS = 60 * 60 * 1000;

/** `reports/abc/large.jpg` → `reports/abc` (the storage_key base); null for anything not shaped like a photo. */
export function baseOf(key: string): string | null {
  const m = /^(reports\/[a-z0-9][a-z0-9_-]*)\/[a-z0-9_.-]+$/.exec(key);
  return m ? m[1]! : null;
}

export async function removeOrphanPhotos(db: Db, storage: FileStorage, ageMs = ORPHAN_AGE_MS): Promise<string[]> {
  const removed = await storage.removeTemporaryFiles(Math.min(ageMs, TEMP_FILE_AGE_MS));
  const keys = await storage.listOlderThan(PREFIX, ageMs);
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    const bases = [...new Set(chunk.map(baseOf).filter((b): b is string => b !== null))];
    const known = await storedPhotoKeys(db, bases);
    for (const key of chunk) {
      const base = baseOf(key);
      // Half-written temporary files (".tmp-…") never belong to a row; everything else goes if its base is unknown.
      if (base && known.has(base) && !key.includes('.tmp-')) continue;
      await storage.remove(key);
      removed.push(key);
    }
  }
  return removed;
}
