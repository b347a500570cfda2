import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config';
import type { Db } from '../../platform/db/connect';
import { Id } from '../../platform/http/schemas';
import { formatDateTime, translator } from '../../platform/i18n';
import { languageMessages } from '../../platform/i18n/language-messages';
import { recentMail } from '../../platform/mail/outbox';
import { Layout } from '../../platform/views/layout';
import { sendHtml } from '../../platform/views/render';
import type { HomeContribution } from './extension-points';
import { messages } from './messages';

const HomeUrlQuery = Type.Object({ bezirk: Type.Optional(Id) });

export async function homeRoutes(app: FastifyInstance, { db, config, parts }: { db: Db; config: Config; parts: HomeContribution[] }): Promise<void> {
  const byOrder = [...parts].sort((a, b) => a.order - b.order);
  const actions = byOrder.filter((p) => p.slot === 'action');
  const sections = byOrder.filter((p) => p.slot === 'section');

  app.withTypeProvider<TypeBoxTypeProvider>().get('/', { schema: { querystring: HomeUrlQuery } }, async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const tl = translator(languageMessages, ctx.locale);
    const query = { districtId: request.query.bezirk ?? null };
    const [actionItems, sectionItems] = await Promise.all([
      Promise.all(actions.map((a) => a.render(db, ctx, query))),
      Promise.all(sections.map((s) => s.render(db, ctx, query))),
    ]);
    return sendHtml(
      reply,
      // The city's name is the title; the layout adds it once (not "Stadt Dortmund – Stadt Dortmund").
      <Layout ctx={ctx} title={t('title')}>
        <h1>{t('title')}</h1>
        <p class="k-lead">{t('intro', { city: ctx.org.name })}</p>
        {/* BITV 2.0: the explanations in Leichte Sprache and Gebärdensprache are found from the start page. */}
        <ul class="k-access-links">
          <li>
            <a href="/leichte-sprache" hreflang="de">
              {tl('easyLanguage')}
            </a>
          </li>
          <li>
            <a href="/gebaerdensprache">{tl('signLanguage')}</a>
          </li>
        </ul>
        <section class="k-section" aria-labelledby="home-actions-title">
          <h2 id="home-actions-title" class="k-visually-hidden">
            {t('actionsTitle')}
          </h2>
          <ul class="k-home-actions">{actionItems}</ul>
        </section>
        {sectionItems}
        {!ctx.user && (
          <section class="k-section" aria-labelledby="home-account-title">
            <h2 id="home-account-title">{t('accountTitle')}</h2>
            <ul class="k-list">
              <li>
                <a href="/anmelden">{t('signInCta')}</a>
              </li>
              <li>
                <a href="/verwaltung/anmelden">{t('staffCta')}</a>
              </li>
            </ul>
          </section>
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
