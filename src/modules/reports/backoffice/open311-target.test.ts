import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../../test/helpers/app';
import { createDepartment, createStaff } from '../../../../test/helpers/factories';

// An Open311 address that leads into the server's own network is refused on the form, with the input kept;
// the city's own intranet system passes when operations named its host (OUTBOUND_ALLOWED_PRIVATE_HOSTS).

let t: TestApp;
let admin: Client;
let departmentId: number;

beforeAll(async () => {
  t = await createTestApp({ OUTBOUND_ALLOWED_PRIVATE_HOSTS: 'fachverfahren.stadt.intern' });
  departmentId = (await createDepartment(t.db, t.org.id, 'Tiefbauamt')).id;
  admin = new Client(t);
  await admin.signInAs((await createStaff(t.db, t.config.secret, t.org.id, 'admin')).id, 'staff');
});
afterAll(() => t.close());

const stored = async () =>
  (await t.db.selectFrom('departments').select(['open311_endpoint', 'open311_enabled']).where('id', '=', departmentId).executeTakeFirstOrThrow())
    .open311_endpoint;

describe('Open311 forwarding address', () => {
  it.each([
    'https://169.254.169.254/latest/meta-data/',
    'https://[::1]:5432/',
    'https://10.0.0.1/',
    'https://2130706433/',
    'https://0177.0.0.1/open311/',
    'https://[::ffff:127.0.0.1]/',
    'https://postgres:5432/',
    'https://localhost/',
    'https://drucker.local/',
    'https://metadata.google.internal/',
  ])('refuses %s on the form, field marked and input kept', async (endpoint) => {
    const res = await admin.post(`/verwaltung/abteilungen/${departmentId}/open311`, { endpoint, apiKey: 'schluessel', enabled: '1' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#f-endpoint"');
    expect(res.body).toContain('ins interne Netz');
    expect(res.body).toContain(`value="${endpoint.replaceAll('&', '&amp;')}"`);
    expect(await stored()).toBeNull();
  });

  it("accepts a public address, and the city's intranet host that operations named", async () => {
    for (const endpoint of ['https://open311.stadt.example/v2/', 'https://fachverfahren.stadt.intern/open311/v2/']) {
      const res = await admin.post(`/verwaltung/abteilungen/${departmentId}/open311`, { endpoint, apiKey: 'schluessel', enabled: '1' });
      expect(res.statusCode, endpoint).toBe(303);
      expect(await stored()).toBe(endpoint);
    }
  });
});
