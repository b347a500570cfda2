import { copyFile, link, mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { LIMITS } from '../../src/modules/reports/report';
import { photoKey } from '../../src/modules/reports/report.service';
import { PHOTO_SIZES, type PhotoSize, processPhoto } from '../../src/platform/files/photos';
import { localStorage } from '../../src/platform/files/storage';
import { renderScene, SCENE_FOR_CATEGORY, type Scene } from '../../src/seed/demo-photos';
import type { Rng } from '../../src/seed/prng';

// Photos for a small share of reports, cheaply: a handful of the demo's drawn scenes are rendered and processed
// once (the app's own pipeline) into DATA_DIR/files/bench-photos/. Every photo row still needs files of its own
// — storage_key is UNIQUE, and the app's orphan cleanup deletes anything under reports/ that is not
// `reports/<key>/<file>` with a known key — so each row gets a folder of HARD LINKS to the shared files: two
// directory entries per photo, no copied bytes. (A backup copies each link as a file: about 50 KB per photo.)

/** Rendered variants per scene: enough that neighbouring reports do not all show the same picture. */
const VARIANTS = 2;
const SHARED_PREFIX = 'bench-photos';

export interface SharedPhoto {
  base: string;
  width: number;
  height: number;
}

export type SharedPhotos = Map<string, SharedPhoto[]>;

/** Renders the shared files once per data folder (again only if missing); keyed by category code. */
export async function prepareSharedPhotos(filesDir: string, rng: Rng): Promise<SharedPhotos> {
  const storage = localStorage(filesDir);
  const byScene = new Map<Scene, SharedPhoto[]>();
  for (const scene of new Set(Object.values(SCENE_FOR_CATEGORY))) {
    const variants: SharedPhoto[] = [];
    for (let v = 0; v < VARIANTS; v++) {
      const processed = await processPhoto(await renderScene(scene, rng), LIMITS.photoBytesMax);
      if ('problem' in processed) throw new Error(`bench photo ${scene}: ${processed.problem}`);
      const base = `${SHARED_PREFIX}/${scene}-${v}`;
      for (const size of Object.keys(PHOTO_SIZES) as PhotoSize[]) await storage.put(photoKey(base, size), processed.variants[size]);
      variants.push({ base, width: processed.width, height: processed.height });
    }
    byScene.set(scene, variants);
  }
  const byCategory: SharedPhotos = new Map();
  for (const [code, scene] of Object.entries(SCENE_FOR_CATEGORY)) byCategory.set(code, byScene.get(scene)!);
  return byCategory;
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      // Left over from an earlier run into a database that has since been dropped.
      await unlink(to);
      await link(from, to);
    } else if (code === 'EXDEV' || code === 'EPERM' || code === 'ENOTSUP') {
      await copyFile(from, to);
    } else {
      throw err;
    }
  }
}

/** Gives each photo row its folder of links; a few at a time, so a slow disk is not flooded. */
export async function linkPhotos(filesDir: string, photos: ReadonlyArray<{ key: string; source: string }>): Promise<void> {
  const queue = [...photos];
  const worker = async () => {
    for (let p = queue.pop(); p; p = queue.pop()) {
      await mkdir(path.join(filesDir, p.key), { recursive: true });
      for (const size of Object.keys(PHOTO_SIZES) as PhotoSize[]) {
        await linkOrCopy(path.join(filesDir, photoKey(p.source, size)), path.join(filesDir, photoKey(p.key, size)));
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}
