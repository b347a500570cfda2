import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrganization } from '../../../test/helpers/factories';
import { loadConfig } from '../../config';
import { runCli } from '../../main';
import { migrateAll } from '../../module-list';
import { openDatabase } from '../../platform/db/connect';

const dir = mkdtempSync(path.join(tmpdir(), 'kuemmerer-apikey-cli-'));
const env: Record<string, string> = {
  NODE_ENV: 'test',
  DATA_DIR: path.join(dir, 'data'),
  PUBLIC_URL: 'http://localhost:3000',
  DATABASE_URL: '',
};
let dropDatabase: (() => Promise<void>) | null = null;

beforeAll(async () => {
  const template = inject('postgresTemplate');
  const url = process.env.DATABASE_URL;
  if (template && url) {
    const name = `kuemmerer_apikey_${process.pid}`;
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
beforeAll(async () => {
  // A bare city is enough (seeding the whole demo would take most of a minute).
  const handle = await openDatabase(loadConfig(env));
  try {
    await migrateAll(handle.db);
    await createOrganization(handle.db, { slug: 'cli-stadt', hosts: [] });
  } finally {
    await handle.close();
  }
}, 120_000);
afterAll(async () => {
  await dropDatabase?.();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--org', 'cli-stadt'], { out: (s) => out.push(s), err: (s) => err.push(s) }, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('kuemmerer api-key', () => {
  it('creates a key (printed once), lists keys without them, revokes by id', async () => {
    const created = await cli('api-key', 'create', 'Fachverfahren Tiefbau', '--rate', '120');
    expect(created.code).toBe(0);
    const key = /k311_[A-Za-z0-9_-]{32}/.exec(created.out)?.[0];
    expect(key).toBeDefined();
    expect(created.out).toContain('120 requests per minute');
    const listed = await cli('api-key', 'list');
    expect(listed.out).toContain('Fachverfahren Tiefbau');
    expect(listed.out).toContain('active');
    expect(listed.out).not.toContain(key!);
    const id = /#(\d+)/.exec(listed.out)![1]!;
    expect((await cli('api-key', 'revoke', id)).out).toContain('is revoked');
    expect((await cli('api-key', 'list')).out).toContain('revoked');
    expect((await cli('api-key', 'revoke', id)).code).toBe(2);
  }, 180_000);

  it('explains bad arguments with exit status 2', async () => {
    for (const args of [
      ['api-key'],
      ['api-key', 'create'],
      ['api-key', 'create', 'x', '--rate', 'viele'],
      ['api-key', 'revoke', 'abc'],
      ['api-key', 'delete', '1'],
    ]) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toMatch(/^Error: /);
    }
  }, 120_000);
});
