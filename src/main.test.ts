import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from './main';
import { openPglite } from './platform/db/connect';

const dir = mkdtempSync(path.join(tmpdir(), 'kuemmerer-cli-'));
const env: Record<string, string> = { NODE_ENV: 'test', DATA_DIR: path.join(dir, 'data'), PUBLIC_URL: 'http://localhost:3000', DATABASE_URL: '' };
let dropDatabase: (() => Promise<void>) | null = null;

beforeAll(async () => {
  const template = inject('postgresTemplate');
  const url = process.env.DATABASE_URL;
  if (template && url) {
    const name = `kuemmerer_cli_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    env.DATABASE_URL = target.href;
    dropDatabase = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
});
afterAll(async () => {
  await dropDatabase?.();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) }, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('kuemmerer CLI', () => {
  it('prints help, and refuses unknown commands and bad arguments with a message and non-zero exit', async () => {
    expect((await cli('help')).code).toBe(0);
    expect((await cli('help')).out).toContain('create-staff EMAIL');
    expect((await cli()).code).toBe(2);
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Unknown command "frobnicate"');
    expect((await cli('migrate', '--force')).err).toMatch(/Unknown option '--force'/);
    expect((await cli('create-staff', 'keine-adresse', '--role', 'admin')).err).toContain('valid email');
    expect((await cli('create-staff', 'a@b.de', '--role', 'kaiser')).err).toContain('--role must be one of');
    expect((await cli('create-staff', 'a@b.de', '--role', 'department_staff')).err).toContain('--department');
    expect((await cli('import-districts', '--kind', 'x')).code).toBe(2);
    const pb = await cli('pb', 'help');
    expect(pb.code).toBe(0);
    expect(pb.out).toContain('pb count');
  });

  it('seeds the demo city, creates staff with a setup link, and imports districts', async () => {
    const seeded = await cli('seed-demo');
    expect(seeded.code).toBe(0);
    expect(seeded.out).toContain('Stadt Dortmund');
    expect((await cli('seed-demo')).out).toContain('nothing changed');

    const staff = await cli('create-staff', 'Sachbearbeitung@Dortmund.example', '--role', 'department_staff', '--department', 'Tiefbauamt');
    expect(staff.code).toBe(0);
    expect(staff.out).toMatch(/http:\/\/localhost:3000\/verwaltung\/einrichten\/[A-Za-z0-9_-]{40,}/);
    const missing = await cli('create-staff', 'x@dortmund.example', '--role', 'department_staff', '--department', 'Gibt es nicht');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('No department named "Gibt es nicht"');

    const file = path.join(dir, 'bezirke.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { NAME: 'Synthetischer Testbezirk' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [7.4, 51.5],
                  [7.5, 51.5],
                  [7.5, 51.55],
                  [7.4, 51.5],
                ],
              ],
            },
          },
        ],
      }),
    );
    const imported = await cli('import-districts', file, '--kind', 'stadtbezirk');
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('Imported 1 district(s) of kind "stadtbezirk": Synthetischer Testbezirk');

    writeFileSync(file, '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null}]}');
    const broken = await cli('import-districts', file, '--kind', 'stadtbezirk');
    expect(broken.code).not.toBe(0);
    expect(broken.err).toContain('no name found');
    expect((await cli('import-districts', path.join(dir, 'fehlt.geojson'), '--kind', 'x')).err).toContain('Cannot read');
  }, 240_000);

  it.skipIf(Boolean(process.env.DATABASE_URL))('says clearly when the embedded database is in use by another process', async () => {
    const held = await openPglite({ dataDir: env.DATA_DIR! });
    try {
      const res = await cli('migrate');
      expect(res.code).toBe(2);
      expect(res.err).toContain(`is in use by process ${process.pid}`);
    } finally {
      await held.close();
    }
  });
});
