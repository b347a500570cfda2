import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app';
import { type Config, loadConfig } from '../../src/config';
import type { Organization } from '../../src/db-schema';
import { migrateAll } from '../../src/module-list';
import type { DatabaseHandle, Db } from '../../src/platform/db/connect';
import { CSRF_COOKIE, csrfTokenFor } from '../../src/platform/http/csrf';
import { sessionCookieName } from '../../src/platform/http/platform-plugin';
import { createSession } from '../../src/platform/http/sessions';
import type { ModuleRegistry } from '../../src/platform/module';
import { createTestDatabase } from './database';
import { createOrganization } from './factories';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  handle: DatabaseHandle;
  config: Config;
  org: Organization;
  close(): Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'http://localhost', DEFAULT_ORGANIZATION: '', ...overrides });
}

export async function createTestApp(
  overrides: Record<string, string> = {},
  extraRoutes?: (app: FastifyInstance, db: Db) => void,
  modules?: ModuleRegistry,
): Promise<TestApp> {
  const handle = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kuemmerer-test-'));
  const config = testConfig({ DATA_DIR: dataDir, ...overrides });
  const org = await createOrganization(handle.db, { hosts: ['localhost'] });
  if (modules) await migrateAll(handle.db, modules);
  const app = await buildApp({ config, db: handle.db, ...(modules ? { modules } : {}) });
  extraRoutes?.(app, handle.db);
  await app.ready();
  return {
    app,
    db: handle.db,
    handle,
    config,
    org,
    async close() {
      await app.close();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A browser's cookie jar, enough for inject(): keeps cookies across requests and adds CSRF tokens to forms. */
export class Client {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly t: TestApp,
    readonly ip = '203.0.113.10',
  ) {
    this.cookies.set(CSRF_COOKIE, 'test-csrf-cookie');
  }

  /** The token a page would carry: bound to the CSRF cookie and, once signed in, to the session. */
  get csrf(): string {
    return csrfTokenFor(this.t.config.secret, this.cookies.get(CSRF_COOKIE) ?? '', this.cookies.get(sessionCookieName(false)));
  }

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const res = await this.t.app.inject({
      remoteAddress: this.ip,
      ...options,
      headers: { host: 'localhost', ...(options.headers ?? {}) },
      cookies: { ...Object.fromEntries(this.cookies), ...((options.cookies as Record<string, string>) ?? {}) },
    });
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires && c.expires.getTime() < Date.now());
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'GET', url, headers });
  }

  post(url: string, fields: Record<string, string | string[]> = {}, options: { csrf?: boolean; headers?: Record<string, string> } = {}) {
    const body = new URLSearchParams();
    if (options.csrf !== false) body.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    return this.request({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(options.headers ?? {}) },
    });
  }

  /** Signs in without going through the forms (for tests about something else). */
  async signInAs(userId: number, level: 'resident' | 'staff'): Promise<void> {
    const token = await createSession(this.t.db, { organizationId: this.t.org.id, userId, level, idleMinutes: 30, absoluteHours: 1 });
    this.cookies.set(sessionCookieName(false), token);
  }
}

/** Pulls the one-time link out of the newest mail to an address. */
export async function latestMailLink(db: Db, to: string, pattern: RegExp): Promise<string> {
  const mail = await db.selectFrom('outbox').select(['text_body']).where('to_address', '=', to).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const match = mail.text_body.match(pattern);
  if (!match) throw new Error(`No link matching ${pattern} in mail to ${to}:\n${mail.text_body}`);
  return match[0];
}
