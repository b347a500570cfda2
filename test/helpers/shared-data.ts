import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');

/**
 * The project's shared/ folder (reference data for tests only; the app never reads it). It lies beside the
 * repository, on CI beside the fresh clone; a scratch clone elsewhere finds it beside the repository it was
 * cloned from. KUEMMERER_SHARED_DIR overrides both.
 */
function findSharedDir(): string {
  const candidates = [process.env.KUEMMERER_SHARED_DIR, path.resolve(repo, '../shared')];
  try {
    const origin = execFileSync('git', ['config', '--get', 'remote.origin.url'], { cwd: repo, encoding: 'utf8' }).trim();
    if (origin && !origin.includes('://') && !origin.includes('@')) candidates.push(path.resolve(repo, origin, '../shared'));
  } catch {
    // Not a git checkout, or no origin: only the other places count.
  }
  const found = candidates.find((c): c is string => Boolean(c) && existsSync(path.join(c!, 'data')));
  if (!found) throw new Error(`Reference data not found: looked for shared/data in ${candidates.filter(Boolean).join(', ')}. Set KUEMMERER_SHARED_DIR.`);
  return found;
}

let cached: string | null = null;

export function sharedPath(...parts: string[]): string {
  cached ??= findSharedDir();
  return path.join(cached, ...parts);
}
