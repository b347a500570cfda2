import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import sharp from 'sharp';
import type { Database } from '../../src/db-schema';
import { migrateAll } from '../../src/module-list';
import { photoKey } from '../../src/modules/reports/report.service';
import type { Db } from '../../src/platform/db/connect';
import { PHOTO_SIZES, type PhotoSize } from '../../src/platform/files/photos';
import { CSRF_COOKIE, csrfTokenFor } from '../../src/platform/http/csrf';
import { createCategory, createDepartment, createOrganization, createSyntheticBoundary } from '../helpers/factories';

// Helpers for the crash tests: the real server as a child process, real HTTP, real files.

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The servers run with NODE_ENV=production, which refuses secrets published in the source: a new one per run. */
export const SECRET = randomBytes(32).toString('base64url');
export const HOST = '127.0.0.1';
const CSRF_VALUE = 'crash-test-csrf-cookie';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A city the server answers for on 127.0.0.1: a boundary, a district inside it, a routed category. */
export async function setUpCity(db: Db): Promise<{ organizationId: number; categoryId: number }> {
  const org = await createOrganization(db, { hosts: [HOST], name: 'Crashstadt' });
  await createSyntheticBoundary(db, org.id);
  await db
    .insertInto('districts')
    .values({
      organization_id: org.id,
      kind: 'stadtbezirk',
      name: 'Mitte',
      geometry: JSON.stringify({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [7.45, 51.48],
              [7.55, 51.48],
              [7.55, 51.52],
              [7.45, 51.52],
              [7.45, 51.48],
            ],
          ],
        ],
      }),
      min_lon: 7.45,
      min_lat: 51.48,
      max_lon: 7.55,
      max_lat: 51.52,
    })
    .execute();
  const department = await createDepartment(db, org.id);
  const category = await createCategory(db, org.id, { departmentId: department.id });
  return { organizationId: org.id, categoryId: category.id };
}

/**
 * A PGlite data folder for a server process: the global setup's migrated snapshot unpacked into `dataDir/pglite`
 * (seconds instead of a fresh initdb), with the city of setUpCity.
 */
export async function pgliteDataDirWithCity(dataDir: string, snapshotPath: string): Promise<{ organizationId: number; categoryId: number }> {
  const pglite = await PGlite.create(path.join(dataDir, 'pglite'), { loadDataDir: new Blob([readFileSync(snapshotPath)], { type: 'application/x-gzip' }) });
  const setupDb = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  await migrateAll(setupDb);
  const city = await setUpCity(setupDb);
  await setupDb.destroy();
  return city;
}

/** A noisy photo (noise does not compress, so the file is a few hundred KB like a phone picture). */
export async function makeJpeg(): Promise<Buffer> {
  const width = 800;
  const height = 540;
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 42;
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    pixels[i] = (seed >> 16) & 0xff;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

export interface Server {
  child: ChildProcess;
  baseUrl: string;
  /** Everything the process printed, for failure messages. */
  output(): string;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<string>;
}

/** `kuemmerer serve` in a child process; resolves once it listens. */
export async function startServer(env: Record<string, string>, timeoutMs = 45_000): Promise<Server> {
  const port = await freePort();
  const baseUrl = `http://${HOST}:${port}`;
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/kuemmerer.js'), 'serve'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      SECRET,
      PORT: String(port),
      HOST,
      PUBLIC_URL: baseUrl,
      LOG_LEVEL: 'warn',
      // Residents come through a proxy, each from their own address: the per-IP limits count them apart.
      TRUST_PROXY: HOST,
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)));
  const server: Server = { child, baseUrl, output: () => out, exited };
  const started = Date.now();
  while (!out.includes('is running at')) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The server exited during start-up:\n${out}`);
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`The server did not start within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return server;
}

/** Stops the server the friendly way (SIGTERM: close, stop jobs, close the database). */
export async function stopServer(server: Server, timeoutMs = 20_000): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), timeoutMs);
  const how = await server.exited;
  clearTimeout(timer);
  if (how !== 'exit 0') throw new Error(`The server did not stop cleanly (${how}):\n${server.output()}`);
}

export interface Submission {
  index: number;
  idempotencyKey: string;
  email: string;
  description: string;
  photos: number;
}

export type Outcome =
  | { kind: 'success'; ms: number }
  | { kind: 'error'; status: number; body: string; ms: number }
  | { kind: 'failed'; error: string; ms: number };

export function submissions(count: number, runId: string): Submission[] {
  return Array.from({ length: count }, (_, index) => ({
    index,
    idempotencyKey: `${runId}-${String(index).padStart(3, '0')}`,
    email: `melder-${runId}-${index}@example.de`,
    description: `Absturztest ${runId} Nr. ${index}: Schlagloch vor Hausnummer ${index + 1}`,
    // One or two photos, so "exactly its photos" is checked for more than one count.
    photos: 1 + (index % 2),
  }));
}

/** POST /melden as the form sends it: multipart with the CSRF cookie and token, photos as files. */
export async function submit(baseUrl: string, categoryId: number, s: Submission, photo: Buffer, timeoutMs = 60_000): Promise<Outcome> {
  const started = Date.now();
  const form = new FormData();
  form.append('_csrf', csrfTokenFor(SECRET, CSRF_VALUE));
  form.append('categoryId', String(categoryId));
  // Spread over the district so the nearby check and routing see real geometry.
  form.append('lat', (51.49 + (s.index % 10) * 0.002).toFixed(5));
  form.append('lon', (7.46 + Math.floor(s.index / 10) * 0.008).toFixed(5));
  form.append('address', '');
  form.append('description', s.description);
  form.append('name', '');
  form.append('email', s.email);
  form.append('idempotencyKey', s.idempotencyKey);
  for (let i = 0; i < s.photos; i++) form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), `foto-${i}.jpg`);
  try {
    const res = await fetch(`${baseUrl}/melden`, {
      method: 'POST',
      body: form,
      headers: { cookie: `${CSRF_COOKIE}=${CSRF_VALUE}`, 'accept-language': 'de', 'x-forwarded-for': `198.51.100.${s.index % 250}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await res.text();
    const ms = Date.now() - started;
    if (res.status === 200 && body.includes('Danke für Ihre Meldung') && body.includes(s.email)) return { kind: 'success', ms };
    return { kind: 'error', status: res.status, body, ms };
  } catch (err) {
    return { kind: 'failed', error: String((err as Error).cause ?? err), ms: Date.now() - started };
  }
}

/** An outcome short enough for a failure message: an error page by its headings. */
export function summary(o: Outcome): string {
  if (o.kind === 'success') return `success in ${o.ms} ms`;
  if (o.kind === 'failed') return `no answer after ${o.ms} ms: ${o.error}`;
  const headings = [...o.body.matchAll(/<h[12][^>]*>(.*?)<\/h[12]>/g)].map((m) => m[1]).slice(0, 3);
  return `${o.status} after ${o.ms} ms: ${headings.length > 0 ? headings.join(' | ') : o.body.slice(0, 300)}`;
}

/** Files whose names end like storage's temporary names (`<key>.tmp-<hex>`). */
export function temporaryFiles(dir: string): string[] {
  return walk(dir).filter((f) => /\.tmp-[0-9a-f]+$/.test(f));
}

/** Every file under a folder, as storage keys (relative, with forward slashes). */
export function walk(root: string, dir = root): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(root, p));
    else out.push(path.relative(root, p).split(path.sep).join('/'));
  }
  return out;
}

/**
 * The crash invariants, checked in the database and the files folder:
 * - every report is whole: its 'created' event, its confirmation token and mail, and every photo row's files;
 * - every submission that was answered with success has exactly one report, with exactly its photos;
 * Returns what a reader of a failure needs, and the photo files no row points to (left for the cleanup job).
 */
export async function checkInvariants(
  db: Db,
  filesDir: string,
  organizationId: number,
  all: Submission[],
  succeeded: Set<string>,
): Promise<{ problems: string[]; reports: number; orphanFiles: string[] }> {
  const problems: string[] = [];
  const reports = await db
    .selectFrom('reports')
    .select(['id', 'status', 'idempotency_key', 'reporter_email', 'description'])
    .where('organization_id', '=', organizationId)
    .execute();
  const photos = await db
    .selectFrom('report_photos')
    .innerJoin('reports', 'reports.id', 'report_photos.report_id')
    .select(['report_photos.report_id', 'report_photos.storage_key'])
    .where('reports.organization_id', '=', organizationId)
    .execute();
  const events = await db.selectFrom('report_events').select(['report_id', 'kind', 'to_status']).where('organization_id', '=', organizationId).execute();
  const tokens = await db
    .selectFrom('login_tokens')
    .select(['email', 'data'])
    .where('organization_id', '=', organizationId)
    .where('purpose', '=', 'report_confirm')
    .execute();
  const mails = await db.selectFrom('outbox').select(['to_address', 'text_body']).where('organization_id', '=', organizationId).execute();
  const byKey = new Map(all.map((s) => [s.idempotencyKey, s]));

  for (const r of reports) {
    const label = `report ${r.id} (${r.idempotency_key})`;
    const s = r.idempotency_key ? byKey.get(r.idempotency_key) : undefined;
    if (!s) {
      problems.push(`${label}: no submission has this idempotency key`);
      continue;
    }
    if (r.status !== 'unconfirmed') problems.push(`${label}: status ${r.status}, expected unconfirmed`);
    if (r.reporter_email !== s.email || r.description !== s.description) problems.push(`${label}: holds another submission's data`);
    const created = events.filter((e) => e.report_id === r.id && e.kind === 'created');
    if (created.length !== 1 || created[0]!.to_status !== 'unconfirmed') problems.push(`${label}: ${created.length} 'created' events`);
    const own = photos.filter((p) => p.report_id === r.id);
    if (own.length !== s.photos) problems.push(`${label}: ${own.length} photo rows, submitted ${s.photos}`);
    for (const p of own) {
      for (const size of Object.keys(PHOTO_SIZES) as PhotoSize[]) {
        const file = path.join(filesDir, photoKey(p.storage_key, size));
        if (!existsSync(file) || statSync(file).size === 0) problems.push(`${label}: photo file ${photoKey(p.storage_key, size)} missing or empty`);
      }
    }
    const token = tokens.filter((t) => t.email === s.email && (t.data as { reportId?: number }).reportId === r.id);
    if (token.length !== 1) problems.push(`${label}: ${token.length} confirmation tokens`);
    const mail = mails.filter((m) => m.to_address === s.email);
    if (mail.length !== 1 || !mail[0]!.text_body.includes('/meldungen/bestaetigen/')) problems.push(`${label}: ${mail.length} confirmation mails`);
  }

  const reportKeys = reports.map((r) => r.idempotency_key);
  for (const key of succeeded) {
    const n = reportKeys.filter((k) => k === key).length;
    if (n !== 1) problems.push(`submission ${key} was answered with success but has ${n} reports`);
  }
  // Rows of other tables that point at reports which do not exist would be half-written too.
  const ids = new Set(reports.map((r) => r.id));
  for (const e of events) if (!ids.has(e.report_id)) problems.push(`event for missing report ${e.report_id}`);
  for (const t of tokens)
    if (!ids.has((t.data as { reportId: number }).reportId)) problems.push(`confirmation token for missing report ${JSON.stringify(t.data)}`);
  const expectedMails = new Set(reports.map((r) => r.reporter_email));
  for (const m of mails) if (!expectedMails.has(m.to_address)) problems.push(`mail to ${m.to_address} whose report does not exist`);

  const referenced = new Set(photos.flatMap((p) => (Object.keys(PHOTO_SIZES) as PhotoSize[]).map((size) => photoKey(p.storage_key, size))));
  const orphanFiles = walk(filesDir).filter((f) => f.startsWith('reports/') && !referenced.has(f));
  return { problems, reports: reports.length, orphanFiles };
}
