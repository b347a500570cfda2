import { sql } from 'kysely';
import type { Transporter } from 'nodemailer';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database';
import { createOrganization } from '../../../test/helpers/factories';
import type { DatabaseHandle } from '../db/connect';
import { CLAIM_SECONDS, enqueueMail, retryDelaySeconds, sendDueMail } from './outbox';

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

function startSmtp(received: string[]): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => {
        data += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received.push(data);
        callback();
      });
    },
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ port, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

describe('outbox', () => {
  it('keeps mail while SMTP is down and delivers it once SMTP is back', async () => {
    const org = await createOrganization(h.db);
    await enqueueMail(h.db, {
      organization_id: org.id,
      to_address: 'a@example.de',
      subject: 'Ihre Meldung – Status „in Bearbeitung“',
      text_body: 'Grüße aus Dortmund',
      html_body: null,
    });

    const down = nodemailer.createTransport({ host: '127.0.0.1', port: 1, ignoreTLS: true, connectionTimeout: 1000 });
    expect(await sendDueMail(h.db, down, 'noreply@test.example')).toEqual({ sent: 0, failed: 1 });
    const waiting = await h.db.selectFrom('outbox').selectAll().where('to_address', '=', 'a@example.de').executeTakeFirstOrThrow();
    expect(waiting.sent_at).toBeNull();
    expect(waiting.attempts).toBe(1);
    expect(waiting.last_error).toBeTruthy();
    // Not due yet: the retry waits.
    expect(await sendDueMail(h.db, down, 'noreply@test.example')).toEqual({ sent: 0, failed: 0 });

    await h.db.updateTable('outbox').set({ next_attempt_at: sql`now()` }).execute();
    const received: string[] = [];
    const smtp = await startSmtp(received);
    try {
      const up = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, ignoreTLS: true });
      expect(await sendDueMail(h.db, up, 'noreply@test.example')).toEqual({ sent: 1, failed: 0 });
      expect(received).toHaveLength(1);
      expect(received[0]).toContain('a@example.de');
      const sent = await h.db.selectFrom('outbox').selectAll().where('to_address', '=', 'a@example.de').executeTakeFirstOrThrow();
      expect(sent.sent_at).not.toBeNull();
      expect(await sendDueMail(h.db, up, 'noreply@test.example')).toEqual({ sent: 0, failed: 0 });
    } finally {
      await smtp.close();
    }
  });

  it('holds no transaction while SMTP is slow, and a second sender passes over the mail in flight', async () => {
    const org = await createOrganization(h.db);
    await h.db.deleteFrom('outbox').where('sent_at', 'is', null).execute();
    await enqueueMail(h.db, { organization_id: org.id, to_address: 'langsam@example.de', subject: 's', text_body: 't', html_body: null });
    let release = () => {};
    let started = () => {};
    const inFlight = new Promise<void>((r) => {
      started = r;
    });
    const sends: string[] = [];
    // Stands in for an SMTP server that takes its time; only sendMail is used by the outbox.
    const slow = {
      sendMail: async (m: { to: string }) => {
        sends.push(m.to);
        started();
        await new Promise<void>((r) => {
          release = r;
        });
        return {};
      },
    } as unknown as Transporter;
    const first = sendDueMail(h.db, slow, 'noreply@test.example');
    await inFlight;
    // The embedded database has one connection: a transaction held over the send would make these wait.
    const timeout = new Promise((r) => setTimeout(() => r('blocked'), 3000));
    const row = await Promise.race([
      h.db
        .selectFrom('outbox')
        .select(['sent_at', sql<boolean>`next_attempt_at > now() + make_interval(secs => ${CLAIM_SECONDS - 60})`.as('claimed')])
        .where('to_address', '=', 'langsam@example.de')
        .executeTakeFirstOrThrow(),
      timeout,
    ]);
    expect(row).toEqual({ sent_at: null, claimed: true });
    expect(await Promise.race([sendDueMail(h.db, slow, 'noreply@test.example'), timeout])).toEqual({ sent: 0, failed: 0 });
    release();
    expect(await first).toEqual({ sent: 1, failed: 0 });
    expect(sends).toEqual(['langsam@example.de']);
    const sent = await h.db.selectFrom('outbox').selectAll().where('to_address', '=', 'langsam@example.de').executeTakeFirstOrThrow();
    expect(sent.sent_at).not.toBeNull();
    expect(sent.attempts).toBe(1);
  });

  it('backs off from a minute to at most six hours', () => {
    expect(retryDelaySeconds(1)).toBe(60);
    expect(retryDelaySeconds(2)).toBe(120);
    expect(retryDelaySeconds(30)).toBe(6 * 3600);
  });
});
