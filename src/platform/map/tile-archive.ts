import { type FileHandle, open } from 'node:fs/promises';
import { gunzip } from 'node:zlib';
import { Compression, type DecompressFunc, PMTiles, type RangeResponse, type Source, TileType } from 'pmtiles';

/** Raster types a browser shows as an <img>; vector archives need a client-side renderer, which we do not ship. */
const RASTER_TYPES: Partial<Record<TileType, string>> = {
  [TileType.Png]: 'image/png',
  [TileType.Jpeg]: 'image/jpeg',
  [TileType.Webp]: 'image/webp',
  [TileType.Avif]: 'image/avif',
};

export class TileArchiveError extends Error {}

export interface TileArchive {
  contentType: string;
  minZoom: number;
  maxZoom: number;
  /** From the archive's metadata ("attribution"), for when MAP_TILE_ATTRIBUTION is not set. */
  attribution: string;
  /** A stable tag for the archive's content: tiles change only when the file is replaced. */
  etag: string;
  tile(z: number, x: number, y: number): Promise<Buffer | null>;
  close(): Promise<void>;
}

/** pmtiles reads through a Source; in Node the file is read by offset, never loaded whole. */
class NodeFileSource implements Source {
  constructor(
    private readonly handle: FileHandle,
    private readonly key: string,
  ) {}

  getKey(): string {
    return this.key;
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await this.handle.read(buffer, 0, length, offset);
    const data = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + bytesRead) as ArrayBuffer;
    return { data };
  }
}

const decompress: DecompressFunc = async (buf, compression) => {
  if (compression === Compression.None || compression === Compression.Unknown) return buf;
  if (compression !== Compression.Gzip) throw new TileArchiveError(`compression ${Compression[compression]} is not supported`);
  const out = await new Promise<Buffer>((resolve, reject) => gunzip(Buffer.from(buf), (err, res) => (err ? reject(err) : resolve(res))));
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
};

/** Opens a PMTiles v3 archive of raster tiles; refuses anything else with a message an operator can act on. */
export async function openTileArchive(file: string): Promise<TileArchive> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    throw new TileArchiveError(`MAP_TILES_FILE cannot be read: ${(err as Error).message}`);
  }
  try {
    const stats = await handle.stat();
    const archive = new PMTiles(new NodeFileSource(handle, file), undefined, decompress);
    const header = await archive.getHeader().catch((err: Error) => {
      throw new TileArchiveError(`MAP_TILES_FILE is not a PMTiles v3 archive (${err.message})`);
    });
    const contentType = RASTER_TYPES[header.tileType];
    if (!contentType) {
      throw new TileArchiveError(
        `MAP_TILES_FILE holds ${TileType[header.tileType] ?? 'unknown'} tiles; only raster tiles (PNG, JPEG, WebP, AVIF) can be served`,
      );
    }
    const metadata = (await archive.getMetadata().catch(() => ({}))) as { attribution?: unknown };
    return {
      contentType,
      minZoom: header.minZoom,
      maxZoom: header.maxZoom,
      attribution: typeof metadata?.attribution === 'string' ? metadata.attribution : '',
      etag: `"pm-${stats.size.toString(36)}-${Math.trunc(stats.mtimeMs).toString(36)}"`,
      async tile(z, x, y) {
        if (z < header.minZoom || z > header.maxZoom) return null;
        const found = await archive.getZxy(z, x, y);
        if (!found) return null;
        const data = Buffer.from(found.data);
        return header.tileCompression === Compression.Gzip ? Buffer.from(await decompress(found.data, Compression.Gzip)) : data;
      },
      close: () => handle.close(),
    };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
