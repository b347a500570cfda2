import nodemailer from 'nodemailer';
import type { Config } from '../../config';
import type { Db } from '../db/connect';
import { purgeExpiredRateLimits } from '../http/rate-limit';
import { purgeExpiredSessions } from '../http/sessions';
import { purgeSentMail } from '../mail/mail.queries';
import { sendDueMail } from '../mail/outbox';

export interface Job {
  name: string;
  everySeconds: number;
  run(): Promise<unknown>;
}

/**
 * Periodic work in the server process. Every job is safe to run in several processes at once (SKIP LOCKED,
 * idempotent deletes), so scaling out needs no leader election.
 */
export function startScheduler(jobs: Job[], log: (msg: string, err?: unknown) => void): () => Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  for (const job of jobs) {
    let busy = false;
    const tick = () => {
      if (busy) return;
      busy = true;
      const p = job
        .run()
        .catch((err) => log(`job ${job.name} failed`, err))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
    timers.push(setInterval(tick, job.everySeconds * 1000));
    setImmediate(tick);
  }
  return async () => {
    for (const t of timers) clearInterval(t);
    await Promise.allSettled([...running]);
  };
}

export function platformJobs(db: Db, config: Config, extra: Job[] = []): Job[] {
  const jobs: Job[] = [
    { name: 'purge-sessions', everySeconds: 3600, run: () => purgeExpiredSessions(db) },
    { name: 'purge-rate-limits', everySeconds: 3600, run: () => purgeExpiredRateLimits(db, config.retention.rateLimitHours) },
    { name: 'purge-sent-mail', everySeconds: 3600, run: () => purgeSentMail(db, config.retention.mailDays) },
    ...extra,
  ];
  if (config.smtpUrl) {
    // nodemailer waits up to 2 minutes to connect and 10 minutes on a silent socket; shorter waits keep a
    // send well inside the outbox's claim (CLAIM_SECONDS). Settings in SMTP_URL's query still win.
    const transport = nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
    jobs.push({ name: 'send-mail', everySeconds: 10, run: () => sendDueMail(db, transport, config.mailFrom) });
  }
  return jobs;
}
