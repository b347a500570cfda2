import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app';
import { createCategory, createDepartment } from '../../../../test/helpers/factories';
import type { Resolver } from '../../../platform/http/outbound';
import { makeReport } from '../notifications/notifications.test-support';
import { insertForward } from '../report.queries';
import { forwardDueReports, parseResponse, requestBody, requestsUrl } from './open311-forward';

// A fake Open311 (GeoReport v2) server on 127.0.0.1, reached as the city's intranet host that the setting allows
// (OUTBOUND_ALLOWED_PRIVATE_HOSTS) through a DNS answer of the test's own: it records requests and answers as the
// test says. Every other private target must never be connected to.
const INTRANET = 'fachverfahren.stadt.intern';
interface Received {
  url: string;
  contentType: string;
  body: URLSearchParams;
}
let server: Server;
let base: string;
const received: Received[] = [];
let answer: { status: number; body: string } = { status: 201, body: '[]' };

let t: TestApp;
let departmentId: number;
let categoryId: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => {
      data += chunk;
    });
    req.on('end', () => {
      received.push({ url: req.url ?? '', contentType: req.headers['content-type'] ?? '', body: new URLSearchParams(data) });
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://${INTRANET}:${(server.address() as AddressInfo).port}/open311/v2`;
  t = await createTestApp();
  const dept = await createDepartment(t.db, t.org.id, 'Tiefbau mit Open311');
  departmentId = dept.id;
  await t.db
    .updateTable('departments')
    .set({ open311_enabled: true, open311_endpoint: base, open311_api_key: 'geheimer-schluessel' })
    .where('id', '=', dept.id)
    .execute();
  categoryId = (await createCategory(t.db, t.org.id, { code: 'strassenschaden', departmentId: dept.id })).id;
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => server.close(resolve));
});

// Every name resolves to 127.0.0.1 here: only the allowed intranet host may be reached there.
const resolve: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
const logged: string[] = [];
const deps = () => ({
  db: t.db,
  publicUrl: t.config.publicUrl,
  timeoutMs: 5000,
  outbound: { allowedPrivateHosts: [INTRANET], resolve },
  log: (message: string) => logged.push(message),
});
const forwardOf = (reportId: number) => t.db.selectFrom('report_forwards').selectAll().where('report_id', '=', reportId).executeTakeFirstOrThrow();
const eventsOf = (reportId: number, kind: string) =>
  t.db.selectFrom('report_events').select(['public', 'body']).where('report_id', '=', reportId).where('kind', '=', kind).execute();

async function reportToForward(answers: Record<string, unknown> = {}) {
  const id = await makeReport(t.db, t.org.id, categoryId, { description: 'Tiefes Schlagloch vor der Einfahrt' });
  await t.db
    .updateTable('reports')
    .set({ answers: JSON.stringify(answers), address: 'Hauptstraße 1', department_id: departmentId })
    .where('id', '=', id)
    .execute();
  await insertForward(t.db, t.org.id, id, departmentId);
  return id;
}

describe('Open311 forwarding', () => {
  it('posts a GeoReport v2 request and stores the service_request_id', async () => {
    const id = await reportToForward({ groesse: 'gross', art: ['a', 'b'] });
    await t.db
      .insertInto('report_photos')
      .values({ organization_id: t.org.id, report_id: id, storage_key: 'reports/fwdphoto', width: 10, height: 10, status: 'approved' })
      .execute();
    const photo = await t.db.selectFrom('report_photos').select('id').where('report_id', '=', id).executeTakeFirstOrThrow();
    answer = { status: 201, body: JSON.stringify([{ service_request_id: 'DO-4711', service_notice: 'Danke' }]) };
    received.length = 0;
    expect(await forwardDueReports(deps())).toEqual({ forwarded: 1, failed: 0 });
    const [req] = received;
    expect(req!.url).toBe('/open311/v2/requests.json');
    expect(req!.contentType).toBe('application/x-www-form-urlencoded');
    expect(req!.body.get('api_key')).toBe('geheimer-schluessel');
    expect(req!.body.get('service_code')).toBe('strassenschaden');
    expect(req!.body.get('lat')).toBe('51.5');
    expect(req!.body.get('long')).toBe('7.5');
    expect(req!.body.get('description')).toBe('Tiefes Schlagloch vor der Einfahrt');
    expect(req!.body.get('address_string')).toBe('Hauptstraße 1');
    expect(req!.body.get('attribute[groesse]')).toBe('gross');
    expect(req!.body.getAll('attribute[art][]')).toEqual(['a', 'b']);
    expect(req!.body.get('media_url')).toBe(`http://localhost/fotos/${photo.id}/large.jpg`);
    // Personal data of the reporter never leaves the platform.
    expect([...req!.body.values()].join(' ')).not.toContain('melder@example.de');
    const row = await forwardOf(id);
    expect(row.external_id).toBe('DO-4711');
    expect(row.done_at).not.toBeNull();
    expect(row.attempts).toBe(1);
    const [event] = await eventsOf(id, 'forwarded');
    expect(event).toEqual({ public: false, body: 'Open311: Tiefbau mit Open311, Vorgang DO-4711' });
    // Done rows are not sent again.
    expect(await forwardDueReports(deps())).toEqual({ forwarded: 0, failed: 0 });
  });

  it('retries with back-off after a failure and succeeds later', async () => {
    const id = await reportToForward();
    answer = { status: 500, body: JSON.stringify([{ code: 500, description: 'Datenbank nicht erreichbar' }]) };
    expect(await forwardDueReports(deps())).toEqual({ forwarded: 0, failed: 1 });
    let row = await forwardOf(id);
    expect(row.attempts).toBe(1);
    expect(row.done_at).toBeNull();
    expect(row.last_error).toBe('HTTP 500: Datenbank nicht erreichbar');
    const wait = new Date(row.next_attempt_at).getTime() - Date.now();
    expect(wait).toBeGreaterThan(30_000);
    expect(wait).toBeLessThan(120_000);
    expect(await eventsOf(id, 'forward_failed')).toEqual([{ public: false, body: 'Open311: Tiefbau mit Open311: HTTP 500: Datenbank nicht erreichbar' }]);

    // Not due yet: nothing happens.
    expect(await forwardDueReports(deps())).toEqual({ forwarded: 0, failed: 0 });

    // A second failure waits longer.
    await t.db.updateTable('report_forwards').set({ next_attempt_at: sql`now() - interval '1 second'` }).where('id', '=', row.id).execute();
    answer = { status: 200, body: 'kein JSON' };
    expect(await forwardDueReports(deps())).toEqual({ forwarded: 0, failed: 1 });
    row = await forwardOf(id);
    expect(row.attempts).toBe(2);
    expect(row.last_error).toBe('Unexpected answer (HTTP 200)');
    // The body itself goes to the server log only.
    expect(logged.at(-1)).toContain('kein JSON');
    expect(new Date(row.next_attempt_at).getTime() - Date.now()).toBeGreaterThan(90_000);

    await t.db.updateTable('report_forwards').set({ next_attempt_at: sql`now() - interval '1 second'` }).where('id', '=', row.id).execute();
    answer = { status: 201, body: JSON.stringify([{ service_request_id: 4712 }]) };
    expect(await forwardDueReports(deps())).toEqual({ forwarded: 1, failed: 0 });
    row = await forwardOf(id);
    expect(row).toMatchObject({ attempts: 3, external_id: '4712', last_error: null });
    expect(row.done_at).not.toBeNull();
  });

  it('counts an unreachable endpoint as a failure, and tells staff no more than that', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const dept = await createDepartment(t.db, t.org.id, 'Amt ohne Server');
    await t.db
      .updateTable('departments')
      .set({ open311_enabled: true, open311_endpoint: `http://${INTRANET}:${port}` })
      .where('id', '=', dept.id)
      .execute();
    const id = await makeReport(t.db, t.org.id, categoryId);
    await insertForward(t.db, t.org.id, id, dept.id);
    expect(await forwardDueReports(deps())).toEqual({ forwarded: 0, failed: 1 });
    const row = await forwardOf(id);
    expect(row.last_error).toBe('Verbindung fehlgeschlagen');
    expect(await eventsOf(id, 'forward_failed')).toEqual([{ public: false, body: 'Open311: Amt ohne Server: Verbindung fehlgeschlagen' }]);
    expect(logged.at(-1)).toMatch(/ECONNREFUSED/);
  });

  // The audit's port probe: endpoints saved before the form refused them (or written to the database directly).
  it.each([
    ['an address in the internal network', (port: number) => `https://127.0.0.1:${port}/`],
    ['IPv6 loopback', (port: number) => `https://[::1]:${port}/`],
    ['IPv4-mapped loopback', (port: number) => `https://[::ffff:127.0.0.1]:${port}/`],
    ['a name that resolves into it', (port: number) => `https://open311.nachbar.example:${port}/`],
    ['the metadata service', () => 'http://169.254.169.254/latest/meta-data/'],
  ])('never connects to %s, and the timeline says only "Ziel nicht erlaubt"', async (_what, endpoint) => {
    let connections = 0;
    const listener = createTcpServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const port = (listener.address() as AddressInfo).port;
    try {
      const dept = await createDepartment(t.db, t.org.id, `Amt mit Sonde ${port}`);
      await t.db
        .updateTable('departments')
        .set({ open311_enabled: true, open311_endpoint: endpoint(port) })
        .where('id', '=', dept.id)
        .execute();
      const id = await makeReport(t.db, t.org.id, categoryId);
      await insertForward(t.db, t.org.id, id, dept.id);
      expect(await forwardDueReports(deps())).toEqual({ forwarded: 0, failed: 1 });
      expect(connections).toBe(0);
      expect((await forwardOf(id)).last_error).toBe('Ziel nicht erlaubt');
      const [event] = await eventsOf(id, 'forward_failed');
      expect(event!.body).toBe(`Open311: Amt mit Sonde ${port}: Ziel nicht erlaubt`);
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  });

  it('shows no TLS or port detail when something else answers on the allowed host', async () => {
    // An SSH server where TLS was expected: the kind of detail a port scan would read off the timeline.
    const listener = createTcpServer((socket) => {
      socket.write('SSH-2.0-OpenSSH_9.6\r\n');
      setTimeout(() => socket.destroy(), 100);
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const port = (listener.address() as AddressInfo).port;
    try {
      const dept = await createDepartment(t.db, t.org.id, 'Amt mit falschem Port');
      await t.db
        .updateTable('departments')
        .set({ open311_enabled: true, open311_endpoint: `https://${INTRANET}:${port}/` })
        .where('id', '=', dept.id)
        .execute();
      const id = await makeReport(t.db, t.org.id, categoryId);
      await insertForward(t.db, t.org.id, id, dept.id);
      expect(await forwardDueReports(deps())).toEqual({ forwarded: 0, failed: 1 });
      const [event] = await eventsOf(id, 'forward_failed');
      expect(event!.body).toBe('Open311: Amt mit falschem Port: Verbindung fehlgeschlagen');
      expect(logged.at(-1)).toContain(`report ${id}`);
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  });

  it('builds URLs, bodies and reads answers as GeoReport v2 says', () => {
    expect(requestsUrl('https://x.example/open311/v2/')).toBe('https://x.example/open311/v2/requests.json');
    expect(requestsUrl('https://x.example/v2/requests.json')).toBe('https://x.example/v2/requests.json');
    const body = requestBody({ apiKey: null, serviceCode: 'c', lat: 1, lon: 2, description: 'd', address: '', answers: { n: 3 }, mediaUrl: null });
    expect(body.toString()).toBe('service_code=c&lat=1&long=2&description=d&attribute%5Bn%5D=3');
    expect(parseResponse(201, '[{"token":"abc"}]')).toEqual({ externalId: null, token: 'abc' });
    expect(() => parseResponse(400, '[{"code":400,"description":"service_code unknown"}]')).toThrow('HTTP 400: service_code unknown');
  });
});
