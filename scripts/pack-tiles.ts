// Packs a folder of raster map tiles (z/x/y.png, as gdal2tiles and most renderers write them) into one PMTiles
// archive for MAP_TILES_FILE. Usage: npm run tiles:pack -- <tile folder> <out.pmtiles> [--tms] [--attribution "…"]
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { TileType } from 'pmtiles';
import { packTiles, type TileSource } from '../src/platform/map/pmtiles-writer';

const TYPES: Record<string, TileType> = { png: TileType.Png, jpg: TileType.Jpeg, jpeg: TileType.Jpeg, webp: TileType.Webp };

async function numbered(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => /^\d+$/.test(name));
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { tms: { type: 'boolean', default: false }, attribution: { type: 'string', default: '' }, name: { type: 'string', default: 'Stadtplan' } },
  });
  const [folder, out] = positionals;
  if (!folder || !out) throw new Error('usage: npm run tiles:pack -- <tile folder with z/x/y.png> <out.pmtiles> [--tms] [--attribution "…"]');
  if (!(await stat(folder)).isDirectory()) throw new Error(`${folder} is not a folder`);

  const tiles: TileSource[] = [];
  let type: TileType | null = null;
  for (const zName of await numbered(folder)) {
    const z = Number(zName);
    for (const xName of await numbered(path.join(folder, zName))) {
      for (const file of await readdir(path.join(folder, zName, xName))) {
        const match = /^(\d+)\.(png|jpe?g|webp)$/i.exec(file);
        if (!match) continue;
        const fileType = TYPES[match[2]!.toLowerCase()]!;
        if (type !== null && fileType !== type) throw new Error(`all tiles must have one format; found ${file} among ${TileType[type]} tiles`);
        type = fileType;
        const y = Number(match[1]);
        const full = path.join(folder, zName, xName, file);
        // gdal2tiles writes TMS rows (y counted from the south) unless given --xyz
        tiles.push({ z, x: Number(xName), y: values.tms ? 2 ** z - 1 - y : y, read: () => readFile(full) });
      }
    }
  }
  if (type === null) throw new Error(`no tiles (z/x/y.png, .jpg or .webp) found under ${folder}`);
  const result = await packTiles(tiles, out, { tileType: type, attribution: values.attribution, name: values.name });
  console.log(`${out}: ${result.tiles} tiles (${result.contents} distinct), ${TileType[type]}`);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
