import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { CSRF_COOKIE, csrfTokenFor } from '../../src/platform/http/csrf';
import { type MultipartPart, postMultipart, type RawAnswer, uploadFolders, waitFor } from '../helpers/multipart';
import { pgliteDataDirWithCity, SECRET, type Server, startServer, stopServer } from './crash-helpers';

// Finding 1 of issue 12: every multipart body used to be read into memory before the CSRF check, on every route
// (ten 24 MB parts raised the server from 268 to 512 MB). Here the real server, in its own process, takes 20
// parallel oversized uploads to a route without files (/anmelden) and 20 to one with files (/melden, each photo over
// its size limit, so the whole body is read and thrown away), and its resident memory must stay flat: it may grow by
// at most a small part of what one round of uploads weighs (20 × 24 MB = 480 MB; the old code held all of it).
//
// Memory does not depend on the database, so this runs on the PGlite pass only; /proc gives the child's memory.

const onPostgresPass = Boolean(process.env.DATABASE_URL);
const PARALLEL = 20;
const BODY_MB = 24;
/** Growth allowed over the idle server: a sixth of one round's 480 MB (buffers, parser state, garbage not yet collected). */
const MAX_GROWTH_MB = 80;

const CSRF_VALUE = 'upload-memory-csrf-cookie';
const headers = { cookie: `${CSRF_COOKIE}=${CSRF_VALUE}`, 'accept-language': 'de' };
const token = csrfTokenFor(SECRET, CSRF_VALUE);

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/^VmRSS:\s+(\d+) kB/m)?.[1] ?? Number.NaN) / 1024;
}

/** Runs the uploads while sampling the server's memory; gives the answers and the highest resident size seen. */
async function storm(pid: number, send: () => Promise<RawAnswer>): Promise<{ answers: RawAnswer[]; peakMb: number }> {
  let peakMb = rssMb(pid);
  const sampler = setInterval(() => {
    peakMb = Math.max(peakMb, rssMb(pid));
  }, 10);
  try {
    const answers = await Promise.all(Array.from({ length: PARALLEL }, send));
    // What is held after the answers counts too: wait a moment and sample again.
    await new Promise((r) => setTimeout(r, 300));
    peakMb = Math.max(peakMb, rssMb(pid));
    return { answers, peakMb };
  } finally {
    clearInterval(sampler);
  }
}

describe.skipIf(onPostgresPass || !existsSync('/proc/self/status'))('20 parallel oversized uploads', () => {
  let dataDir = '';
  let server: Server | null = null;
  afterAll(() => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('keep the server’s memory flat, on a route without files and on one with files', { timeout: 180_000 }, async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'kuemmerer-upload-memory-'));
    const serverTmp = path.join(dataDir, 'tmp');
    const city = await pgliteDataDirWithCity(dataDir, inject('pgliteSnapshot'));

    // Its own temporary folder, to see that no upload folder is left (tsx then compiles afresh: a slower start).
    mkdirSync(serverTmp);
    server = await startServer({ DATA_DIR: dataDir, TMPDIR: serverTmp }, 150_000);
    const pid = server.child.pid!;
    const base = server.baseUrl;
    const reportFields: MultipartPart[] = [
      { name: '_csrf', value: token },
      { name: 'idempotencyKey', value: 'speicher' },
      { name: 'categoryId', value: String(city.categoryId) },
      { name: 'lat', value: '51.5' },
      { name: 'lon', value: '7.5' },
      { name: 'address', value: '' },
      { name: 'description', value: 'Schlagloch' },
    ];
    const bigPhoto: MultipartPart = { name: 'photos', filename: 'riesig.jpg', data: BODY_MB * 1024 * 1024 };
    const toMelden = () => postMultipart(`${base}/melden`, [...reportFields, bigPhoto, { name: 'email', value: 'a@example.de' }], { headers });
    const toAnmelden = () =>
      postMultipart(`${base}/anmelden`, [{ name: '_csrf', value: token }, { name: 'email', value: 'a@example.de' }, bigPhoto], { headers });

    // Warm up both paths (code compiled on first use, pools, caches), then let the heap settle.
    await toMelden();
    await toAnmelden();
    await new Promise((r) => setTimeout(r, 1000));
    const idleMb = rssMb(pid);

    const refused = await storm(pid, toAnmelden);
    const streamed = await storm(pid, toMelden);
    const growth = { refused: refused.peakMb - idleMb, streamed: streamed.peakMb - idleMb };
    console.log(
      `[upload-memory] idle ${idleMb.toFixed(0)} MB; peak growth ${growth.refused.toFixed(0)} MB (/anmelden), ${growth.streamed.toFixed(0)} MB (/melden); payload ${PARALLEL * BODY_MB} MB per round`,
    );
    expect(growth.refused, 'growth under 20 refused uploads (MB)').toBeLessThan(MAX_GROWTH_MB);
    expect(growth.streamed, 'growth under 20 streamed uploads (MB)').toBeLessThan(MAX_GROWTH_MB);

    // Refused at once: the 415, or (a client still writing may miss it) the connection closed long before the end.
    expect(refused.answers.filter((a) => a.status !== 415 && !(a.status === 0 && a.sent < (BODY_MB * 1024 * 1024) / 2))).toEqual([]);
    expect(streamed.answers.map((a) => a.status)).toEqual(Array(PARALLEL).fill(413));
    expect(streamed.answers[0]!.body).toContain('„riesig.jpg“ ist größer als 15 MB');
    // The route with files did read every byte (and threw it away): what a flat memory has to prove.
    expect(streamed.answers.every((a) => a.sent > BODY_MB * 1024 * 1024)).toBe(true);
    expect(await waitFor(() => uploadFolders(serverTmp).length === 0), 'no upload folder left behind').toBe(true);

    await stopServer(server);
  });
});
