import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/helpers/app';
import { createTestDatabase } from '../../../test/helpers/database';
import { createOrganization } from '../../../test/helpers/factories';
import { buildApp, PUBLIC_DIR } from '../../app';
import { type Config, loadConfig } from '../../config';
import type { DatabaseHandle } from '../db/connect';

// The audit, in production mode: /static/js/map.js.map was served (the client's sources and the layout of
// node_modules), and directory addresses (/static/js/) answered 400 instead of 404.

describe('static files', () => {
  let handle: DatabaseHandle;
  let dataDir: string;
  const apps: Record<string, FastifyInstance> = {};

  async function appWith(name: string, config: Config) {
    apps[name] = await buildApp({ config, db: handle.db });
    await apps[name].ready();
  }

  beforeAll(async () => {
    handle = await createTestDatabase();
    dataDir = mkdtempSync(path.join(tmpdir(), 'kuemmerer-static-'));
    await createOrganization(handle.db, { hosts: ['localhost'] });
    await appWith('test', testConfig({ DATA_DIR: dataDir }));
    await appWith(
      'production',
      loadConfig({ NODE_ENV: 'production', SECRET: 'q5pX2VdLr0wQm8HkYt3ZsNa7JcBf9GeU1oRi6yTw4Kv', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    );
  });
  afterAll(async () => {
    for (const app of Object.values(apps)) await app.close();
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = (app: string, url: string, headers: Record<string, string> = {}) => apps[app]!.inject({ url, headers: { host: 'localhost', ...headers } });

  it('serves no source map in production, and serves them for development', async () => {
    // Built by `npm test`/`npm start` (scripts/build-client.mjs) before any test runs.
    expect(existsSync(path.join(PUBLIC_DIR, 'js/map.js.map'))).toBe(true);
    for (const url of ['/static/js/map.js.map', '/static/js/map-style.css.map']) {
      for (const encoding of ['', 'gzip, br']) {
        const res = await get('production', url, encoding ? { 'accept-encoding': encoding } : {});
        expect(res.statusCode, `${url} ${encoding}`).toBe(404);
        expect(res.body).not.toContain('"sources"');
      }
    }
    expect((await get('production', '/static/js/map.js')).statusCode).toBe(200);
    expect((await get('test', '/static/js/map.js.map')).statusCode).toBe(200);
  });

  it.each(['/static/', '/static/js/', '/static/css/', '/static/icons/', '/static/js', '/static/nicht-da.js'])('answers %s with our 404 page', async (url) => {
    for (const app of ['production', 'test']) {
      const res = await get(app, url);
      expect(res.statusCode, `${app} ${url}`).toBe(404);
      expect(res.body).toContain('<!DOCTYPE html>');
    }
  });
});
