import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database';
import { createOrganization } from '../../../test/helpers/factories';
import type { DatabaseHandle } from '../db/connect';
import { enqueueMail, retryDelaySeconds, sendDueMail } from './outbox';

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
    await enqueueMail(h.db, { organization_id: org.id, to_address: 'a@example.de', subject: 'Ihre Meldung – Status „in Bearbeitung“', text_body: 'Grüße aus Dortmund', html_body: null });

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

  it('backs off from a minute to at most six hours', () => {
    expect(retryDelaySeconds(1)).toBe(60);
    expect(retryDelaySeconds(2)).toBe(120);
    expect(retryDelaySeconds(30)).toBe(6 * 3600);
  });
});
