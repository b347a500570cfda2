import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createCategory, createResident, createSyntheticBoundary } from '../../../test/helpers/factories';
import { appBehindProxy, counter, expectLimited, spend } from '../../../test/helpers/rate-limits';
import { hashToken } from '../../platform/security/tokens';
import { RATE_LIMITS } from './report.service';

// Report creation and photo uploads: per IP (IPv6 per /64) and per account, 429 with Retry-After and the form
// kept, never blocking a repeat of a form that was already sent, and never fooled by a made-up X-Forwarded-For.

let t: TestApp;
let categoryId: number;
beforeAll(async () => {
  t = await createTestApp();
  await createSyntheticBoundary(t.db, t.org.id);
  categoryId = (await createCategory(t.db, t.org.id, { name: 'Laterne' })).id;
});
afterAll(() => t.close());

const { reportIp, reportAccount, photoIp, photoAccount } = RATE_LIMITS;
let seq = 0;
const freshEmail = () => `limit-${++seq}@example.de`;
const emailSubject = (email: string) => `email:${hashToken(email)}`;

function multipart(fields: Record<string, string>, photos: Buffer[] = []) {
  const boundary = '----kuemmerer-limits';
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const [i, data] of photos.entries()) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${i}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function report(c: Client, fields: Record<string, string> = {}, options: { photos?: Buffer[]; headers?: Record<string, string> } = {}) {
  const body = multipart(
    {
      _csrf: c.csrf,
      categoryId: String(categoryId),
      lat: '51.5',
      lon: '7.5',
      address: '',
      description: 'Laterne aus',
      email: freshEmail(),
      idempotencyKey: `k${++seq}`,
      ...fields,
    },
    options.photos,
  );
  return c.request({ method: 'POST', url: '/melden', payload: body.payload, headers: { ...body.headers, ...(options.headers ?? {}) } });
}

async function reportCount(): Promise<number> {
  const row = await t.db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

let jpeg: Buffer;
beforeAll(async () => {
  jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#876' } })
    .jpeg()
    .toBuffer();
});

describe('report creation is limited per IP', () => {
  it('answers the report over the limit with 429, Retry-After and the same form, input and key kept', async () => {
    const c = new Client(t, '198.51.100.20');
    await spend(t.db, reportIp, '198.51.100.20', reportIp.max - 1);
    expect((await report(c)).statusCode).toBe(200);
    const before = await reportCount();
    const refused = await report(c, { description: 'Laterne <flackert>', name: 'Ada', idempotencyKey: 'kept-key-1' });
    const seconds = expectLimited(refused, reportIp.windowSeconds);
    expect(refused.body).toContain('Gerade sehr viele Meldungen');
    expect(refused.body).toContain(`etwa ${Math.ceil(seconds / 60)} Minute`);
    expect(refused.body).toContain('Laterne &lt;flackert>');
    expect(refused.body).toContain('value="Ada"');
    expect(refused.body).toContain('name="idempotencyKey" value="kept-key-1"');
    expect(await reportCount()).toBe(before);
    // Another address is not affected.
    expect((await report(new Client(t, '198.51.100.21'))).statusCode).toBe(200);
  });

  it('does not spend the budget on a form with mistakes', async () => {
    const c = new Client(t, '198.51.100.22');
    await spend(t.db, reportIp, '198.51.100.22', reportIp.max - 1);
    for (let i = 0; i < 3; i++) expect((await report(c, { description: '' })).statusCode).toBe(400);
    expect(await counter(t.db, reportIp, '198.51.100.22')).toBe(reportIp.max - 1);
    expect((await report(c)).statusCode).toBe(200);
    expectLimited(await report(c), reportIp.windowSeconds);
  });

  it('still answers a form that was already sent, with the same report', async () => {
    const c = new Client(t, '198.51.100.23');
    const email = freshEmail();
    const first = await report(c, { idempotencyKey: 'sent-before-limit', email });
    expect(first.statusCode).toBe(200);
    await spend(t.db, reportIp, '198.51.100.23');
    await spend(t.db, reportAccount, emailSubject(email));
    const before = await reportCount();
    const again = await report(c, { idempotencyKey: 'sent-before-limit', email });
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(first.body);
    expect(await reportCount()).toBe(before);
    expectLimited(await report(c, { email }), reportIp.windowSeconds);
  });

  it('a made-up X-Forwarded-For is ignored without TRUST_PROXY: the socket address is counted', async () => {
    const c = new Client(t, '198.51.100.24');
    await spend(t.db, reportIp, '198.51.100.24', reportIp.max - 1);
    expect((await report(c, {}, { headers: { 'x-forwarded-for': '192.0.2.1' } })).statusCode).toBe(200);
    expectLimited(await report(c, {}, { headers: { 'x-forwarded-for': '192.0.2.2' } }), reportIp.windowSeconds);
    expectLimited(await report(c, {}, { headers: { 'x-forwarded-for': '192.0.2.3, 192.0.2.4' } }), reportIp.windowSeconds);
    expect(await counter(t.db, reportIp, '192.0.2.1')).toBeUndefined();
  });

  it('behind a trusted proxy the forwarded client address is counted, and a forged one from elsewhere is not', async () => {
    const proxied = await appBehindProxy(t, '10.0.0.1');
    try {
      const via = (ip: string) => new Client({ ...t, app: proxied }, ip);
      await spend(t.db, reportIp, '198.51.100.77');
      const viaProxy = via('10.0.0.1');
      expectLimited(await report(viaProxy, {}, { headers: { 'x-forwarded-for': '198.51.100.77' } }), reportIp.windowSeconds);
      // The proxy appends what it saw; a client-written entry before it does not help.
      expectLimited(await report(viaProxy, {}, { headers: { 'x-forwarded-for': '203.0.113.99, 198.51.100.77' } }), reportIp.windowSeconds);
      expect((await report(viaProxy, {}, { headers: { 'x-forwarded-for': '198.51.100.78' } })).statusCode).toBe(200);
      expect(await counter(t.db, reportIp, '198.51.100.78')).toBe(1);
      expect(await counter(t.db, reportIp, '10.0.0.1')).toBeUndefined();
      // Not from the proxy: the header is not believed.
      expect((await report(via('198.51.100.90'), {}, { headers: { 'x-forwarded-for': '198.51.100.77' } })).statusCode).toBe(200);
      expect(await counter(t.db, reportIp, '198.51.100.90')).toBe(1);
    } finally {
      await proxied.close();
    }
  });

  it('counts IPv6 clients per /64', async () => {
    await spend(t.db, reportIp, '2001:db8:aa:1::/64');
    expectLimited(await report(new Client(t, '2001:db8:aa:1::5')), reportIp.windowSeconds);
    expectLimited(await report(new Client(t, '2001:db8:aa:1:ffff:1:2:3')), reportIp.windowSeconds);
    expect((await report(new Client(t, '2001:db8:aa:2::5'))).statusCode).toBe(200);
  });
});

describe('report creation is limited per account', () => {
  it('an anonymous reporter’s address gets 10 an hour, from whichever IP', async () => {
    const email = freshEmail();
    const codes: number[] = [];
    for (let i = 0; i <= reportAccount.max; i++) codes.push((await report(new Client(t, `192.0.2.${10 + i}`), { email: email.toUpperCase() })).statusCode);
    expect(codes.slice(0, reportAccount.max).every((s) => s === 200)).toBe(true);
    expectLimited(await report(new Client(t, '192.0.2.99'), { email }), reportAccount.windowSeconds);
    expect(codes[reportAccount.max]).toBe(429);
  });

  it('a signed-in resident is counted by account, whatever address they type', async () => {
    const resident = await createResident(t.db, t.org.id);
    const c = new Client(t, '192.0.2.120');
    await c.signInAs(resident.id, 'resident');
    await spend(t.db, reportAccount, `user:${resident.id}`, reportAccount.max - 1);
    expect((await report(c, { email: '' })).statusCode).toBe(200);
    expectLimited(await report(c, { email: '' }), reportAccount.windowSeconds);
    const other = await createResident(t.db, t.org.id);
    const d = new Client(t, '192.0.2.120');
    await d.signInAs(other.id, 'resident');
    expect((await report(d, { email: '' })).statusCode).toBe(200);
  });
});

describe('photo uploads are limited per photo', () => {
  it('per IP: the photos over the limit refuse the form with 429, before any photo is decoded', async () => {
    const c = new Client(t, '198.51.100.30');
    await spend(t.db, photoIp, '198.51.100.30', photoIp.max - 1);
    const before = await reportCount();
    const refused = await report(c, { description: 'Zwei Fotos' }, { photos: [jpeg, jpeg] });
    expectLimited(refused, photoIp.windowSeconds);
    expect(refused.body).toContain('Zwei Fotos');
    expect(refused.body).toContain('bitte wählen Sie sie noch einmal aus');
    expect(await reportCount()).toBe(before);
    // Even a file that is no image counts: decoding is what the limit protects.
    expectLimited(await report(c, {}, { photos: [Buffer.from('not an image')] }), photoIp.windowSeconds);
    // Without photos the same address may still report.
    expect((await report(c)).statusCode).toBe(200);
    expect((await report(new Client(t, '198.51.100.31'), {}, { photos: [jpeg, jpeg] })).statusCode).toBe(200);
    expect(await counter(t.db, photoIp, '198.51.100.31')).toBe(2);
  });

  it('per account, across addresses', async () => {
    const email = freshEmail();
    await spend(t.db, photoAccount, emailSubject(email), photoAccount.max - 1);
    expect((await report(new Client(t, '198.51.100.32'), { email }, { photos: [jpeg] })).statusCode).toBe(200);
    expectLimited(await report(new Client(t, '198.51.100.33'), { email }, { photos: [jpeg] }), photoAccount.windowSeconds);
  });

  it('ignores a forged X-Forwarded-For and counts IPv6 per /64', async () => {
    await spend(t.db, photoIp, '198.51.100.34');
    expectLimited(await report(new Client(t, '198.51.100.34'), {}, { photos: [jpeg], headers: { 'x-forwarded-for': '192.0.2.200' } }), photoIp.windowSeconds);
    await spend(t.db, photoIp, '2001:db8:bb:1::/64');
    expectLimited(await report(new Client(t, '2001:db8:bb:1::99'), {}, { photos: [jpeg] }), photoIp.windowSeconds);
    expect((await report(new Client(t, '2001:db8:bb:2::99'), {}, { photos: [jpeg] })).statusCode).toBe(200);
  });
});
