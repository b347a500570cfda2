import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm, writeFile } from 'node:fs/promises';
import { TileType, zxyToTileId } from 'pmtiles';

/**
 * Writes a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md) from raster tiles,
 * so a city can turn the tiles of its own Stadtplan (e.g. rendered from its WMS with gdal2tiles) into the one file
 * MAP_TILES_FILE serves. Reading is done by the pmtiles library; this writer is checked against it in the tests.
 */

export interface TileSource {
  z: number;
  x: number;
  y: number;
  read(): Promise<Buffer>;
}

export interface PackOptions {
  tileType: TileType;
  attribution?: string;
  name?: string;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_BYTES = 127;
/** The spec asks that header and root directory fit in the first 16 KiB, so a reader needs one request. */
const ROOT_BYTES = 16_384 - HEADER_BYTES;

function varint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

export function serializeDirectory(entries: Entry[]): Buffer {
  const out: number[] = [];
  varint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    varint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) varint(out, e.runLength);
  for (const e of entries) varint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    varint(out, i > 0 && prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Buffer.from(out);
}

/** Root alone if it fits, else leaves of growing size until the root that points at them fits. */
function buildDirectories(entries: Entry[]): { root: Buffer; leaves: Buffer } {
  const root = serializeDirectory(entries);
  if (root.length <= ROOT_BYTES) return { root, leaves: Buffer.alloc(0) };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const rootEntries: Entry[] = [];
    const leafBuffers: Buffer[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const chunk = entries.slice(i, i + leafSize);
      const leaf = serializeDirectory(chunk);
      rootEntries.push({ tileId: chunk[0]!.tileId, offset, length: leaf.length, runLength: 0 });
      leafBuffers.push(leaf);
      offset += leaf.length;
    }
    const candidate = serializeDirectory(rootEntries);
    if (candidate.length <= ROOT_BYTES) return { root: candidate, leaves: Buffer.concat(leafBuffers) };
  }
}

function tileLon(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180;
}

function tileLat(y: number, z: number): number {
  const n = Math.PI - (2 * Math.PI * y) / 2 ** z;
  return (180 / Math.PI) * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n)));
}

function header(fields: {
  rootLength: number;
  metadataLength: number;
  leavesLength: number;
  dataLength: number;
  addressed: number;
  entries: number;
  contents: number;
  tileType: TileType;
  minZoom: number;
  maxZoom: number;
  bounds: [number, number, number, number];
}): Buffer {
  const b = Buffer.alloc(HEADER_BYTES);
  b.write('PMTiles', 0, 'ascii');
  b.writeUInt8(3, 7);
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + fields.rootLength;
  const leavesOffset = metadataOffset + fields.metadataLength;
  const dataOffset = leavesOffset + fields.leavesLength;
  const u64 = [
    rootOffset,
    fields.rootLength,
    metadataOffset,
    fields.metadataLength,
    leavesOffset,
    fields.leavesLength,
    dataOffset,
    fields.dataLength,
    fields.addressed,
    fields.entries,
    fields.contents,
  ];
  for (const [i, value] of u64.entries()) b.writeBigUInt64LE(BigInt(value), 8 + i * 8);
  b.writeUInt8(1, 96); // clustered: tile data is in tile-id order
  b.writeUInt8(1, 97); // internal compression: none
  b.writeUInt8(1, 98); // tile compression: none (images are compressed already)
  b.writeUInt8(fields.tileType, 99);
  b.writeUInt8(fields.minZoom, 100);
  b.writeUInt8(fields.maxZoom, 101);
  const [minLon, minLat, maxLon, maxLat] = fields.bounds;
  const e7 = (v: number) => Math.round(v * 1e7);
  b.writeInt32LE(e7(minLon), 102);
  b.writeInt32LE(e7(minLat), 106);
  b.writeInt32LE(e7(maxLon), 110);
  b.writeInt32LE(e7(maxLat), 114);
  b.writeUInt8(fields.minZoom, 118);
  b.writeInt32LE(e7((minLon + maxLon) / 2), 119);
  b.writeInt32LE(e7((minLat + maxLat) / 2), 123);
  return b;
}

/** Tile data goes to a temporary file first, so a city's whole Stadtplan never sits in memory. */
export async function packTiles(tiles: TileSource[], outFile: string, options: PackOptions): Promise<{ tiles: number; contents: number }> {
  if (tiles.length === 0) throw new Error('no tiles to pack');
  const sorted = tiles.map((t) => ({ t, id: zxyToTileId(t.z, t.x, t.y) })).sort((a, b) => a.id - b.id);
  const dataFile = `${outFile}.data.tmp`;
  const data = createWriteStream(dataFile);
  const byHash = new Map<string, { offset: number; length: number }>();
  const entries: Entry[] = [];
  let dataLength = 0;
  let minZoom = 255;
  let maxZoom = 0;
  try {
    for (const { t, id } of sorted) {
      const bytes = await t.read();
      const hash = createHash('sha256').update(bytes).digest('hex');
      let stored = byHash.get(hash);
      if (!stored) {
        stored = { offset: dataLength, length: bytes.length };
        byHash.set(hash, stored);
        if (!data.write(bytes)) await once(data, 'drain');
        dataLength += bytes.length;
      }
      const last = entries[entries.length - 1];
      if (last && last.tileId + last.runLength === id && last.offset === stored.offset) last.runLength++;
      else entries.push({ tileId: id, offset: stored.offset, length: stored.length, runLength: 1 });
      minZoom = Math.min(minZoom, t.z);
      maxZoom = Math.max(maxZoom, t.z);
    }
    data.end();
    await once(data, 'finish');

    const deepest = sorted.filter(({ t }) => t.z === maxZoom).map(({ t }) => t);
    const bounds: [number, number, number, number] = [
      tileLon(Math.min(...deepest.map((t) => t.x)), maxZoom),
      tileLat(Math.max(...deepest.map((t) => t.y)) + 1, maxZoom),
      tileLon(Math.max(...deepest.map((t) => t.x)) + 1, maxZoom),
      tileLat(Math.min(...deepest.map((t) => t.y)), maxZoom),
    ];
    const { root, leaves } = buildDirectories(entries);
    const metadata = Buffer.from(
      JSON.stringify({ name: options.name ?? 'Stadtplan', attribution: options.attribution ?? '', format: TileType[options.tileType] }),
    );
    const head = header({
      rootLength: root.length,
      metadataLength: metadata.length,
      leavesLength: leaves.length,
      dataLength,
      addressed: sorted.length,
      entries: entries.length,
      contents: byHash.size,
      tileType: options.tileType,
      minZoom,
      maxZoom,
      bounds,
    });
    await writeFile(outFile, Buffer.concat([head, root, metadata, leaves]));
    const out = await open(outFile, 'a');
    try {
      const stream = out.createWriteStream();
      createReadStream(dataFile).pipe(stream);
      await once(stream, 'finish');
    } finally {
      await out.close().catch(() => {});
    }
    return { tiles: sorted.length, contents: byHash.size };
  } finally {
    await rm(dataFile, { force: true });
  }
}
