import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../platform/db/connect';
import { formatDateTime, translator } from '../../platform/i18n';
import { recentMail } from '../../platform/mail/outbox';
import { Layout } from '../../platform/views/layout';
import { sendHtml } from '../../platform/views/render';
import { messages } from './messages';

export async function homeRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }): Promise<void> {
  app.get('/', async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    return sendHtml(
      reply,
      <Layout ctx={ctx} title={ctx.org.name}>
        <h1>{t('title')}</h1>
        <p class="k-lead">{t('intro', { city: ctx.org.name })}</p>
        {!ctx.user && (
          <ul class="k-list">
            <li>
              <a href="/anmelden">{t('signInCta')}</a>
            </li>
            <li>
              <a href="/verwaltung/anmelden">{t('staffCta')}</a>
            </li>
          </ul>
        )}
      </Layout>,
    );
  });

  // Only under the `demo` command (config.devMailbox): it shows every sign-in and set-up link to anyone, so under
  // `serve` the route does not even exist.
  if (config.devMailbox) {
    app.get('/dev/postfach', async (request, reply) => {
      const { ctx } = request;
      const t = translator(messages, ctx.locale);
      const mails = await recentMail(db, ctx.org.id);
      return sendHtml(
        reply,
        <Layout ctx={ctx} title={t('mailboxTitle')}>
          <h1>{t('mailboxTitle')}</h1>
          <p>{t('mailboxIntro')}</p>
          {mails.length === 0 ? (
            <p>{t('mailboxEmpty')}</p>
          ) : (
            <ol class="k-cards">
              {mails.map((m) => (
                <li class="k-card" data-mail-to={m.to_address}>
                  <h2 class="k-card__title">{m.subject}</h2>
                  <p class="k-hint">
                    {t('to')}: {m.to_address} · {formatDateTime(new Date(m.created_at), ctx.locale)} · {m.sent_at ? t('sent') : t('queued')}
                  </p>
                  <pre class="k-pre">{m.text_body}</pre>
                </li>
              ))}
            </ol>
          )}
        </Layout>,
      );
    });
  }
}
