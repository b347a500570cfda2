#!/usr/bin/env node
// Bundles the browser islands (client/*.ts) and Leaflet's CSS and images into public/js/ with esbuild.
// Run by `npm run build:client`, the prestart/pretest hooks, and by the server when the bundle is missing.
// Writes into a fresh folder and swaps files in by rename, so parallel runs (test workers) never see half a file.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'public', 'js');

export async function buildClient({ quiet = false } = {}) {
  let build;
  try {
    ({ build } = await import('esbuild'));
  } catch {
    // esbuild is a dev dependency: an install without it keeps whatever bundle it has (pages work without one).
    process.stderr.write('build-client: esbuild is not installed; the client bundle was not rebuilt\n');
    return;
  }
  mkdirSync(out, { recursive: true });
  const tmp = mkdtempSync(path.join(out, '.build-'));
  try {
    await build({
      entryPoints: { map: path.join(root, 'client', 'map.ts'), 'map-style': path.join(root, 'client', 'map.css') },
      outdir: tmp,
      bundle: true,
      minify: true,
      sourcemap: true,
      format: 'iife',
      target: ['es2020'],
      loader: { '.png': 'file', '.svg': 'file' },
      assetNames: 'img/[name]-[hash]',
      legalComments: 'linked',
      logLevel: quiet ? 'error' : 'warning',
    });
    // Compressed copies beside the bundle (served by @fastify/static's preCompressed): the map script is the
    // heaviest part of a map page, and old phones on slow networks fetch 46 kB instead of 156 kB.
    for (const entry of readdirSync(tmp, { withFileTypes: true })) {
      if (!entry.isFile() || !/\.(js|css)$/.test(entry.name)) continue;
      const file = path.join(tmp, entry.name);
      const data = readFileSync(file);
      writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
    for (const entry of readdirSync(tmp, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const rel = path.relative(tmp, path.join(entry.parentPath, entry.name));
      mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
      renameSync(path.join(tmp, rel), path.join(out, rel));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (!quiet) process.stdout.write(`client bundle written to ${path.relative(root, out)}/\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildClient({ quiet: process.argv.includes('--quiet') }).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
