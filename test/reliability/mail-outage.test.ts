import net from 'node:net';
import { sql } from 'kysely';
import sharp from 'sharp';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reportJobs } from '../../src/modules/reports/notifications/jobs';
import { platformJobs } from '../../src/platform/jobs/scheduler';
import { enqueueMail } from '../../src/platform/mail/outbox';
import { Client, createTestApp, latestMailLink, type TestApp } from '../helpers/app';
import { createCategory, createDepartment, createStaff, createSyntheticBoundary } from '../helpers/factories';

// Requirement "Mail outage": with the SMTP server down, reports are still accepted and mail is retried until
// sent. Everything goes through the real app: the report form, the back office, and the jobs exactly as the
// scheduler builds them from SMTP_URL, against a real SMTP server (npm smtp-server) on a local port.

let t: TestApp;
let port: number;
let categoryId: number;
let departmentEmail: string;
let sendMailJob: () => Promise<unknown>;
let statusMailJob: () => Promise<unknown>;

/** A port that nothing listens on: the SMTP server is "down" until a test starts one there. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

beforeAll(async () => {
  port = await freePort();
  t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Stadt Teststadt <noreply@teststadt.example>' });
  await createSyntheticBoundary(t.db, t.org.id);
  const department = await createDepartment(t.db, t.org.id, 'Tiefbauamt');
  departmentEmail = department.email;
  categoryId = (await createCategory(t.db, t.org.id, { name: 'Schlagloch', departmentId: department.id })).id;
  const jobs = [...platformJobs(t.db, t.config), ...reportJobs({ db: t.db, config: t.config })];
  const job = (name: string) => {
    const found = jobs.find((j) => j.name === name);
    if (!found) throw new Error(`no job ${name} (is SMTP_URL set?)`);
    return () => found.run();
  };
  sendMailJob = job('send-mail');
  statusMailJob = job('report-status-mails');
});
afterAll(() => t.close());

// ---------------------------------------------------------------------------------------------------------
// A real SMTP server, and just enough of RFC 5322/2047 to read what it received.

interface Received {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

interface Smtp {
  received: Received[];
  /** Decides per recipient: null accepts, otherwise the SMTP reply code and text to refuse with. */
  rcpt: (address: string) => { code: number; message: string } | null;
  close(): Promise<void>;
}

let running: Smtp | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

function startSmtp(): Promise<Smtp> {
  const smtp: Smtp = { received: [], rcpt: () => null, close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = smtp.rcpt(address.address);
      if (!refusal) return callback();
      const err = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        smtp.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parseMessage(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      smtp.close = () => new Promise<void>((r) => server.close(() => r()));
      running = smtp;
      resolve(smtp);
    });
  });
}

function qpBytes(s: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(out);
}

/** Encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=); adjacent ones are joined before decoding UTF-8. */
function decodeWords(value: string): string {
  return value.replace(/(?:=\?[^?]+\?[QqBb]\?[^?]*\?=\s*)+/g, (run) => {
    const parts = [...run.matchAll(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g)].map(([, enc, text]) =>
      enc!.toUpperCase() === 'B' ? Buffer.from(text!, 'base64') : qpBytes(text!.replace(/_/g, ' ')),
    );
    return Buffer.concat(parts).toString('utf8') + (/\s+$/.test(run) ? ' ' : '');
  });
}

function parseMessage(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? qpBytes(body.replace(/=\r\n/g, '')).toString('utf8')
      : encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : body;
  return { subject: decodeWords(header('Subject')), text: text.replace(/\r\n/g, '\n') };
}

// ---------------------------------------------------------------------------------------------------------
// Helpers around the app.

function multipart(fields: Record<string, string>, files: Array<{ name: string; data: Buffer }>) {
  const boundary = '----kuemmerer-outage';
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${f.name}"\r\nContent-Type: image/jpeg\r\n\r\n`),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const photo = () =>
  sharp({ create: { width: 1200, height: 900, channels: 3, background: '#6a6' } })
    .jpeg()
    .toBuffer();

/** An anonymous report with a photo, sent through the real form post. */
async function submitReport(c: Client, email: string, description: string) {
  return c.request({
    method: 'POST',
    url: '/melden',
    ...multipart(
      {
        _csrf: c.csrf,
        categoryId: String(categoryId),
        lat: '51.5',
        lon: '7.5',
        address: 'vor Nr. 7',
        description,
        email,
        idempotencyKey: `outage-${email}-${description}`.slice(0, 64),
      },
      [{ name: 'loch.jpg', data: await photo() }],
    ),
  });
}

const mailsTo = (to: string) => t.db.selectFrom('outbox').selectAll().where('to_address', '=', to).orderBy('id').execute();

/** Is the row's next attempt later than now + seconds, by the database's clock (the one the sender uses)? */
async function waitsAtLeast(id: number, seconds: number): Promise<boolean> {
  const row = await t.db
    .selectFrom('outbox')
    .select(sql<boolean>`next_attempt_at >= now() + make_interval(secs => ${seconds})`.as('later'))
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.later;
}

/** The outbox has no clock of its own: time "passes" by making waiting mail due now. */
const timePasses = () => t.db.updateTable('outbox').set({ next_attempt_at: sql`now()` }).where('sent_at', 'is', null).execute();

const reportByEmail = (email: string) => t.db.selectFrom('reports').selectAll().where('reporter_email', '=', email).executeTakeFirstOrThrow();

describe('mail outage', () => {
  it('accepts a report while SMTP is down, retries with back-off, and delivers the confirmation once SMTP is back', async () => {
    const email = 'melderin-ausfall@example.de';
    const c = new Client(t);
    const res = await submitReport(c, email, 'Tiefes Loch, Mailserver ist gerade aus');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Danke für Ihre Meldung');
    expect(res.body).toContain(email);
    const report = await reportByEmail(email);
    expect(report.status).toBe('unconfirmed');
    expect(await t.db.selectFrom('report_photos').select('id').where('report_id', '=', report.id).execute()).toHaveLength(1);
    const [queued, ...others] = await mailsTo(email);
    expect(others).toHaveLength(0);
    expect(queued).toMatchObject({ sent_at: null, attempts: 0 });

    // The scheduler's first run: connection refused. The mail stays, counted and pushed back.
    expect(await sendMailJob()).toEqual({ sent: 0, failed: 1 });
    let row = (await mailsTo(email))[0]!;
    expect(row).toMatchObject({ id: queued!.id, sent_at: null, attempts: 1, subject: queued!.subject, text_body: queued!.text_body });
    expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(await waitsAtLeast(row.id, 50)).toBe(true);
    expect((await reportByEmail(email)).status).toBe('unconfirmed');

    // Before the back-off has passed, nothing is tried (the scheduler runs every 10 seconds).
    expect(await sendMailJob()).toEqual({ sent: 0, failed: 0 });
    expect((await mailsTo(email))[0]!.attempts).toBe(1);

    // Still down at the next due time: the wait grows.
    await timePasses();
    expect(await sendMailJob()).toEqual({ sent: 0, failed: 1 });
    row = (await mailsTo(email))[0]!;
    expect(row.attempts).toBe(2);
    expect(await waitsAtLeast(row.id, 110)).toBe(true);

    // SMTP is back; once the mail is due it goes out exactly once.
    const smtp = await startSmtp();
    expect(await sendMailJob()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
    await timePasses();
    expect(await sendMailJob()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual([email]);
    expect(mail.from).toBe('noreply@teststadt.example');
    expect(mail.subject).toBe('Bitte bestätigen Sie Ihre Meldung – Teststadt');
    const link = mail.text.match(/http:\/\/localhost\/meldungen\/bestaetigen\/[A-Za-z0-9_-]+/)?.[0];
    expect(link, mail.text).toBeDefined();
    row = (await mailsTo(email))[0]!;
    expect(row.sent_at).not.toBeNull();
    expect(row).toMatchObject({ attempts: 3, last_error: null });
    expect(await sendMailJob()).toEqual({ sent: 0, failed: 0 });
    await timePasses();
    expect(await sendMailJob()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);

    // The delivered link still works: the report goes public and the department's mail follows.
    const path = new URL(link!).pathname;
    expect((await c.get(path)).statusCode).toBe(200);
    const confirmed = await c.post(path);
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(`/meldungen/${report.id}?ok=confirmed`);
    expect((await new Client(t).get(`/meldungen/${report.id}`)).body).toContain('Mailserver ist gerade aus');
    expect(await sendMailJob()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([[email], [departmentEmail]]);
    expect(smtp.received[1]!.text).toContain(`/verwaltung/meldungen/${report.id}`);
  });

  it('retries a temporary refusal (4xx) and delivers once the server accepts', async () => {
    const smtp = await startSmtp();
    smtp.rcpt = () => ({ code: 451, message: '4.3.0 Mailbox temporarily unavailable, try again later' });
    const email = 'melder-4xx@example.de';
    expect((await submitReport(new Client(t), email, 'Loch bei vorübergehender Störung')).statusCode).toBe(200);

    expect(await sendMailJob()).toEqual({ sent: 0, failed: 1 });
    let row = (await mailsTo(email))[0]!;
    expect(row).toMatchObject({ sent_at: null, attempts: 1 });
    expect(row.last_error).toContain('451');
    expect(await waitsAtLeast(row.id, 50)).toBe(true);
    expect(await sendMailJob()).toEqual({ sent: 0, failed: 0 });

    smtp.rcpt = () => null;
    await timePasses();
    expect(await sendMailJob()).toEqual({ sent: 1, failed: 0 });
    expect(await sendMailJob()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([[email]]);
    row = (await mailsTo(email))[0]!;
    expect(row.sent_at).not.toBeNull();
    expect(row.attempts).toBe(2);
  });

  it('keeps a permanently refused address (5xx) aside with its error, and it never holds back other mail', async () => {
    // What the product does: every failure, permanent or not, is retried with a growing wait (at most six
    // hours) and stays visible with its last error; it is never dropped and never blocks the queue.
    const smtp = await startSmtp();
    const bad = 'gibt-es-nicht@example.de';
    smtp.rcpt = (address) => (address === bad ? { code: 550, message: '5.1.1 No such user here' } : null);
    await t.db.deleteFrom('outbox').where('sent_at', 'is', null).execute();
    await enqueueMail(t.db, { organization_id: t.org.id, to_address: bad, subject: 'An eine falsche Adresse', text_body: 'x', html_body: null });
    expect((await submitReport(new Client(t), 'melder-gut-1@example.de', 'Loch eins')).statusCode).toBe(200);
    expect((await submitReport(new Client(t), 'melder-gut-2@example.de', 'Loch zwei')).statusCode).toBe(200);

    expect(await sendMailJob()).toEqual({ sent: 2, failed: 1 });
    expect(smtp.received.map((m) => m.to)).toEqual([['melder-gut-1@example.de'], ['melder-gut-2@example.de']]);
    let row = (await mailsTo(bad))[0]!;
    expect(row).toMatchObject({ sent_at: null, attempts: 1 });
    expect(row.last_error).toContain('550');

    // Long after: the bad address is still tried first (lowest id) at most once per run, the rest goes out.
    await t.db.updateTable('outbox').set({ attempts: 40 }).where('id', '=', row.id).execute();
    await timePasses();
    expect((await submitReport(new Client(t), 'melder-gut-3@example.de', 'Loch drei')).statusCode).toBe(200);
    expect(await sendMailJob()).toEqual({ sent: 1, failed: 1 });
    expect(smtp.received.at(-1)!.to).toEqual(['melder-gut-3@example.de']);
    row = (await mailsTo(bad))[0]!;
    expect(row).toMatchObject({ sent_at: null, attempts: 41 });
    expect(await waitsAtLeast(row.id, 6 * 3600 - 60)).toBe(true);
    expect(await waitsAtLeast(row.id, 6 * 3600 + 60)).toBe(false);
  });

  it('keeps accepting reports while the SMTP server hangs without answering', async () => {
    // A server that takes the connection and never greets (an overloaded relay, a half-open firewall) is
    // worse than one that is off: the sender waits. The form must not wait with it.
    const sockets = new Set<net.Socket>();
    const hung = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((r) => hung.listen(port, '127.0.0.1', () => r()));
    try {
      await t.db.deleteFrom('outbox').where('sent_at', 'is', null).execute();
      await enqueueMail(t.db, { organization_id: t.org.id, to_address: 'wartet@example.de', subject: 'Wartet', text_body: 'x', html_body: null });
      const job = sendMailJob();
      for (let i = 0; i < 100 && sockets.size === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(sockets.size).toBe(1);
      // Another process's sender meanwhile passes over the mail in flight.
      const other = await Promise.race([sendMailJob(), new Promise((r) => setTimeout(() => r('still waiting after 5 s'), 5000))]);
      expect(sockets.size).toBe(1);

      const posting = submitReport(new Client(t), 'melder-haengt@example.de', 'Loch, Mailserver hängt');
      const outcome = await Promise.race([posting.then((r) => r.statusCode), new Promise((r) => setTimeout(() => r('still waiting after 5 s'), 5000))]);
      // The server goes away: the send fails like any other, and so does the new report's mail after it.
      const closed = new Promise((r) => hung.close(() => r(undefined)));
      for (const s of sockets) s.destroy();
      const [result] = await Promise.all([job, posting, closed]);
      expect(outcome).toBe(200);
      expect(other).toEqual({ sent: 0, failed: 0 });
      expect(result).toEqual({ sent: 0, failed: 2 });
      for (const to of ['wartet@example.de', 'melder-haengt@example.de']) {
        const [waiting, ...more] = await mailsTo(to);
        expect(more).toHaveLength(0);
        expect(waiting).toMatchObject({ sent_at: null, attempts: 1 });
        expect(await waitsAtLeast(waiting!.id, 50)).toBe(true);
      }
    } finally {
      for (const s of sockets) s.destroy();
      if (hung.listening) await new Promise((r) => hung.close(() => r(undefined)));
    }
  });

  it('queues a status mail from the back office while SMTP is down and sends it when it is back', async () => {
    const email = 'folgt-status@example.de';
    expect((await submitReport(new Client(t), email, 'Loch für Statusmail')).statusCode).toBe(200);
    const report = await reportByEmail(email);
    // Confirmed through the mailed link (read from the outbox): the reporter now follows the report.
    const reporter = new Client(t);
    expect(
      (await reporter.post(new URL(await latestMailLink(t.db, email, /http:\/\/localhost\/meldungen\/bestaetigen\/[A-Za-z0-9_-]+/)).pathname)).statusCode,
    ).toBe(303);
    // The confirmation and department mails are not the subject here.
    await t.db.deleteFrom('outbox').where('sent_at', 'is', null).execute();

    const staff = await createStaff(t.db, t.config.secret, t.org.id, 'moderator');
    const office = new Client(t);
    await office.signInAs(staff.id, 'staff');
    const changed = await office.post(`/verwaltung/meldungen/${report.id}/status`, { status: 'in_progress', statusNote: 'Die Kolonne ist bestellt.' });
    expect(changed.statusCode).toBe(303);
    expect((await reportByEmail(email)).status).toBe('in_progress');

    // The status job batches for 10 minutes; let them pass, then it writes one mail into the outbox.
    await t.db.updateTable('report_events').set({ created_at: sql`now() - interval '11 minutes'` }).where('report_id', '=', report.id).execute();
    expect(await statusMailJob()).toBe(1);
    const [queued] = await mailsTo(email);
    expect(queued!.subject).toContain(`Neuigkeiten zu Meldung #${report.id}`);

    expect(await sendMailJob()).toEqual({ sent: 0, failed: 1 });
    expect(await statusMailJob()).toBe(0);
    expect(await mailsTo(email)).toHaveLength(1);

    const smtp = await startSmtp();
    await timePasses();
    expect(await sendMailJob()).toEqual({ sent: 1, failed: 0 });
    expect(await sendMailJob()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual([email]);
    expect(smtp.received[0]!.subject).toContain(`Neuigkeiten zu Meldung #${report.id}`);
    expect(smtp.received[0]!.text).toContain('Die Kolonne ist bestellt.');
    expect(smtp.received[0]!.text).toContain(`http://localhost/meldungen/${report.id}`);
  });
});
