import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Files on a local directory (a shared volume when several processes run). Writes go to a temporary name
 * and are renamed into place, so a crash never leaves a half-written file under a real key.
 */
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
  /** Keys under a prefix older than the given age: for cleaning up files no row points to. */
  listOlderThan(prefix: string, ageMs: number): Promise<string[]>;
  /**
   * Removes temporary files a crashed write left behind, anywhere in the storage, once they are older than
   * the given age (0: all of them — only for a process that knows it is the only writer). Returns their names.
   */
  removeTemporaryFiles(olderThanMs: number): Promise<string[]>;
}

/**
 * Several processes may share the folder (PostgreSQL installations), and a temporary file younger than this
 * may still be written by one of them. A write of a few megabytes never takes that long, even on a network volume.
 */
export const TEMP_FILE_AGE_MS = 10 * 60 * 1000;

const KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;
const TEMPORARY = /\.tmp-[0-9a-f]+$/;

/** Files below a folder with their age; a file renamed or removed by another writer meanwhile is skipped. */
async function filesBelow(root: string, dir: string): Promise<Array<{ key: string; mtimeMs: number }>> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: Array<{ key: string; mtimeMs: number }> = [];
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      out.push(...(await filesBelow(root, p)));
      continue;
    }
    try {
      out.push({ key: path.relative(root, p).split(path.sep).join('/'), mtimeMs: (await stat(p)).mtimeMs });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return out;
}

export function localStorage(root: string): FileStorage {
  const full = (key: string) => {
    if (!KEY.test(key) || key.includes('..')) throw new Error(`Invalid storage key: ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, data) {
      const target = full(key);
      await mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.tmp-${randomBytes(6).toString('hex')}`;
      try {
        await writeFile(tmp, data);
        await rename(tmp, target);
      } catch (err) {
        // A full disk or a vanished volume: the error is what matters, the half-written file must not stay.
        await rm(tmp, { force: true }).catch(() => {});
        throw err;
      }
    },
    async get(key) {
      try {
        return await readFile(full(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async remove(key) {
      await rm(full(key), { force: true });
    },
    async listOlderThan(prefix, ageMs) {
      const cutoff = Date.now() - ageMs;
      return (await filesBelow(root, full(prefix))).filter((f) => f.mtimeMs < cutoff).map((f) => f.key);
    },
    async removeTemporaryFiles(olderThanMs) {
      const cutoff = Date.now() - olderThanMs;
      const stale = (await filesBelow(root, root)).filter((f) => TEMPORARY.test(f.key) && (olderThanMs <= 0 || f.mtimeMs < cutoff));
      for (const f of stale) await rm(path.join(root, f.key), { force: true });
      return stale.map((f) => f.key);
    },
  };
}
