import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { clientKey } from '../../../platform/http/client-ip';
import { AppError } from '../../../platform/http/errors';
import { enforce } from '../../../platform/http/rate-limit';
import { openTileArchive, type TileArchive } from '../../../platform/map/tile-archive';
import type { MapDeps } from './map.routes';

const TILE_LIMIT = { name: 'tiles:ip', max: 600, windowSeconds: 60 };
const MAX_ZOOM = 19;
const MAX_AGE_MS = 7 * 24 * 3600_000;

/** z/x/y.png of the standard web map tiles; x and y must also be below 2^z (checked in the handler). */
const TileParams = Type.Object({
  z: Type.Integer({ minimum: 0, maximum: MAX_ZOOM }),
  x: Type.Integer({ minimum: 0, maximum: 2 ** MAX_ZOOM - 1 }),
  file: Type.String({ pattern: '^\\d{1,7}\\.png$', description: 'y.png' }),
});

export function tileUrl(template: string, z: number, x: number, y: number): string {
  return template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
}

/** The tile proxy: browsers ask us, we ask the configured tile source once and keep the tile. */
export function tileRoutes(app: FastifyInstance, deps: MapDeps): void {
  if (deps.config.mapTilesFile) archiveTileRoute(app, deps, deps.config.mapTilesFile);
  else proxyTileRoute(app, deps);
}

/** Tiles from the city's own PMTiles archive: read by offset from one file, no tile server, no outside request. */
function archiveTileRoute(app: FastifyInstance, { db }: MapDeps, file: string): void {
  let archive: Promise<TileArchive> | null = null;
  app.addHook('onClose', async () => {
    if (archive) await (await archive).close();
  });
  app.withTypeProvider<TypeBoxTypeProvider>().get('/karte/kacheln/:z/:x/:file', { schema: { params: TileParams } }, async (request, reply) => {
    const { z, x, file: name } = request.params;
    const y = Number.parseInt(name, 10);
    if (x >= 2 ** z || y >= 2 ** z) throw new AppError('not_found');
    await enforce(db, [[TILE_LIMIT, clientKey(request.ip)]]);
    archive ??= openTileArchive(file);
    const tiles = await archive;
    // The archive changes only when the operator replaces the file: browsers may keep tiles and revalidate cheaply.
    reply.header('ETag', tiles.etag).header('Cache-Control', 'public, max-age=86400');
    if (request.headers['if-none-match'] === tiles.etag) return reply.status(304).send();
    const data = await tiles.tile(z, x, y);
    if (!data) throw new AppError('not_found');
    return reply.type(tiles.contentType).send(data);
  });
}

function proxyTileRoute(app: FastifyInstance, { db, config, fetchTile: doFetch = fetch }: MapDeps): void {
  const cacheDir = path.join(config.dataDir, 'tile-cache');
  const inFlight = new Map<string, Promise<Buffer | null>>();

  async function fetchTile(z: number, x: number, y: number): Promise<Buffer | null> {
    const file = path.join(cacheDir, String(z), String(x), `${y}.png`);
    try {
      const s = await stat(file);
      if (Date.now() - s.mtimeMs < MAX_AGE_MS) return await readFile(file);
    } catch {
      // not cached yet
    }
    const res = await doFetch(tileUrl(config.mapTileUrl!, z, x, y), {
      headers: { 'user-agent': `Kuemmerer tile proxy (${config.publicUrl.host})`, accept: 'image/png,image/*' },
      signal: AbortSignal.timeout(8000),
      redirect: 'error',
    });
    if (!res.ok) return null;
    const type = res.headers.get('content-type') ?? '';
    if (!type.startsWith('image/')) return null;
    const data = Buffer.from(await res.arrayBuffer());
    if (data.length > 1024 * 1024) return null;
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, file);
    return data;
  }

  app.withTypeProvider<TypeBoxTypeProvider>().get('/karte/kacheln/:z/:x/:file', { schema: { params: TileParams } }, async (request, reply) => {
    if (!config.mapTileUrl) throw new AppError('not_found');
    const { z, x, file } = request.params;
    const y = Number.parseInt(file, 10);
    if (x >= 2 ** z || y >= 2 ** z) throw new AppError('not_found');
    await enforce(db, [[TILE_LIMIT, clientKey(request.ip)]]);
    const key = `${z}/${x}/${y}`;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = fetchTile(z, x, y)
        .catch((err) => {
          request.log.warn({ err }, 'tile source failed');
          return null;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    const data = await pending;
    if (!data) {
      reply.header('Cache-Control', 'no-store');
      return reply.status(502).type('text/plain; charset=utf-8').send('tile source unavailable');
    }
    return reply.type('image/png').header('Cache-Control', 'public, max-age=86400').send(data);
  });
}
