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
}

const KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;

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
      await writeFile(tmp, data);
      await rename(tmp, target);
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
      const base = full(prefix);
      const out: string[] = [];
      const cutoff = Date.now() - ageMs;
      const walk = async (dir: string): Promise<void> => {
        let entries: import('node:fs').Dirent[];
        try {
          entries = await readdir(dir, { withFileTypes: true });
        } catch {
          return;
        }
        for (const e of entries) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) await walk(p);
          else if ((await stat(p)).mtimeMs < cutoff) out.push(path.relative(root, p).split(path.sep).join('/'));
        }
      };
      await walk(base);
      return out;
    },
  };
}
