import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config';
import type { Db } from '../../platform/db/connect';
import { clientKey } from '../../platform/http/client-ip';
import type { FieldErrors } from '../../platform/http/errors';
import { asForm, field, normaliseEmail } from '../../platform/http/form';
import { currentUser, staffOnly } from '../../platform/http/guards';
import { enforce } from '../../platform/http/rate-limit';
import { NoticeQuery } from '../../platform/http/schemas';
import { LOCALES, type Locale, translator } from '../../platform/i18n';
import { platformMessages } from '../../platform/i18n/platform-messages';
import { sendHtml } from '../../platform/views/render';
import { defaultLegalPage, LEGAL_SLUGS, type LegalSlug } from './legal-defaults';
import { messages } from './messages';
import * as q from './organization.queries';
import { submitAccessibilityFeedback } from './organization.service';
import { type RetentionPeriods, retentionPeriods } from './privacy-retention';
import { LegalPageEditPage, LegalPagesPage } from './views/admin-pages';
import { type FeedbackForm, LegalPageView } from './views/legal-page';

const FEEDBACK_LIMIT = { name: 'a11y-feedback:ip', max: 10, windowSeconds: 3600 };

const LegalPageQuery = Type.Object({ danke: Type.Optional(Type.String({ maxLength: 10 })) });
const LegalPageParams = Type.Object({
  slug: Type.Union(LEGAL_SLUGS.map((slug) => Type.Literal(slug))),
  locale: Type.Union(LOCALES.map((locale) => Type.Literal(locale))),
});

async function legalText(db: Db, org: { id: number; name: string; contact_email: string }, slug: LegalSlug, locale: Locale, periods: RetentionPeriods) {
  const stored = await q.getLegalPage(db, org.id, slug, locale);
  return stored ?? defaultLegalPage(slug, locale, org.name, org.contact_email, periods);
}

/** Imprint, privacy and accessibility statement: public pages with the feedback form, and their editing by admins. */
export function legalRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }): void {
  const o = app.withTypeProvider<TypeBoxTypeProvider>();
  const periods = retentionPeriods(config);
  const adminOnly = { preHandler: staffOnly('admin') };

  // Public legal pages, linked from every footer.
  for (const slug of LEGAL_SLUGS) {
    o.get(`/${slug}`, { schema: { querystring: LegalPageQuery } }, async (request, reply) => {
      const { ctx } = request;
      const page = await legalText(db, ctx.org, slug, ctx.locale, periods);
      const thanks = request.query.danke === '1';
      return sendHtml(
        reply,
        <LegalPageView
          ctx={ctx}
          title={page.title}
          body={page.body}
          withFeedback={slug === 'barrierefreiheit'}
          thanks={thanks}
          attribution={slug === 'impressum'}
        />,
      );
    });
  }

  o.post('/barrierefreiheit', async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const tp = translator(platformMessages, ctx.locale);
    const body = asForm(request.body);
    const values: FeedbackForm = { message: field(body, 'message'), page: field(body, 'page'), email: field(body, 'email') };
    const errors: FieldErrors = {};
    if (!values.message) errors.message = t('err.messageRequired');
    else if (values.message.length > 5000) errors.message = tp('field.tooLong', { max: 5000 });
    if (values.page.length > 500) errors.page = tp('field.tooLong', { max: 500 });
    const email = values.email ? normaliseEmail(values.email) : null;
    if (values.email && !email) errors.email = tp('field.email');
    if (Object.keys(errors).length > 0) {
      const page = await legalText(db, ctx.org, 'barrierefreiheit', ctx.locale, periods);
      return sendHtml(reply, <LegalPageView ctx={ctx} title={page.title} body={page.body} withFeedback feedback={values} errors={errors} />, 400);
    }
    await enforce(db, [[FEEDBACK_LIMIT, clientKey(request.ip)]]);
    await submitAccessibilityFeedback(db, ctx.org, { message: values.message, pageUrl: values.page, email }, t('mail.feedbackSubject'));
    return reply.redirect('/barrierefreiheit?danke=1#feedback-title', 303);
  });

  o.get('/verwaltung/seiten', adminOnly, async (request, reply) => {
    const { ctx } = request;
    const pages = [];
    for (const slug of LEGAL_SLUGS)
      for (const locale of LOCALES) pages.push({ slug, locale, title: (await legalText(db, ctx.org, slug, locale, periods)).title });
    return sendHtml(reply, <LegalPagesPage ctx={ctx} pages={pages} />);
  });

  o.get('/verwaltung/seiten/:slug/:locale', { ...adminOnly, schema: { params: LegalPageParams, querystring: NoticeQuery } }, async (request, reply) => {
    const { slug, locale } = request.params;
    const page = await q.getLegalPage(db, request.ctx.org.id, slug, locale);
    const values = page?.locale === locale ? page : defaultLegalPage(slug, locale, request.ctx.org.name, request.ctx.org.contact_email, periods);
    const notice = request.query.ok === 'saved' ? translator(messages, request.ctx.locale)('saved') : undefined;
    return sendHtml(
      reply,
      <LegalPageEditPage ctx={request.ctx} slug={slug} locale={locale} values={{ title: values.title, body: values.body }} notice={notice} />,
    );
  });

  o.post('/verwaltung/seiten/:slug/:locale', { ...adminOnly, schema: { params: LegalPageParams } }, async (request, reply) => {
    const { slug, locale } = request.params;
    const tp = translator(platformMessages, request.ctx.locale);
    const body = asForm(request.body);
    const values = { title: field(body, 'title'), body: field(body, 'body') };
    const errors: FieldErrors = {};
    if (!values.title) errors.title = tp('field.required');
    else if (values.title.length > 200) errors.title = tp('field.tooLong', { max: 200 });
    if (!values.body) errors.body = tp('field.required');
    else if (values.body.length > 50000) errors.body = tp('field.tooLong', { max: 50000 });
    if (Object.keys(errors).length > 0) {
      return sendHtml(reply, <LegalPageEditPage ctx={request.ctx} slug={slug} locale={locale} values={values} errors={errors} />, 400);
    }
    const user = currentUser(request);
    await q.upsertLegalPage(db, { organizationId: request.ctx.org.id, slug, locale, title: values.title, body: values.body, updatedBy: user.id });
    await q.insertAudit(db, { organizationId: request.ctx.org.id, actorUserId: user.id, action: 'legal_pages.update', subject: `${slug}/${locale}` });
    return reply.redirect(`/verwaltung/seiten/${slug}/${locale}?ok=saved`, 303);
  });
}
